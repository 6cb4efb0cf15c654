import type { MappingConfig, ValueFormats } from '../map/mapping-config.js';
import type { TimeOptions } from '../time/index.js';

/** What convertRows needs: the time stage's options plus how cell text is read. */
export interface ConvertOptions extends TimeOptions {
  formats?: ValueFormats;
}

/**
 * The mapping file's zone and date format fill in for --timezone and --date-format when those
 * are not given: a flag on the command line wins over a file.
 */
export function convertOptionsFor(time: TimeOptions, mapping?: MappingConfig): ConvertOptions {
  return Object.freeze({
    ...time,
    timezone: time.timezone ?? mapping?.timezone,
    dateFormat: time.dateFormat ?? mapping?.formats.date,
    formats: mapping?.formats ?? {},
  });
}
