import type { MappedField } from '../types.js';

/** How cell text is read, beyond what is detected. From a mapping file's "formats". */
export interface ValueFormats {
  /** Luxon format of the date cells, e.g. "d.M.yyyy" (read by the time stage). */
  date?: string;
  /** Splits track and location cells on this only, instead of ";" or ",". */
  list_separator?: string;
  /** Extra words read as yes / no in boolean columns, e.g. ["ja"] / ["nein"]. */
  true_words?: readonly string[];
  false_words?: readonly string[];
}

export type DefaultValue = string | number | boolean | null;

/** A validated mapping file (src/options/mapping-file.ts builds it). */
export interface MappingConfig {
  /** Where it came from, for messages: the path as the user gave it. */
  source: string;
  /** Sheet header → field, or null to ignore the column. Overrides the built-in aliases. */
  columns: Readonly<Record<string, MappedField | null>>;
  /** A value for a field on every row whose cell is empty (or that has no such column). */
  defaults: Readonly<Partial<Record<MappedField, DefaultValue>>>;
  formats: Readonly<ValueFormats>;
  /** Zone of the sheet's local times; --timezone wins over it. */
  timezone?: string;
  /**
   * Set on a built-in preset (map/known-layouts.ts): the export's name, e.g. "Google Calendar CSV
   * export". Its columns are every one the export may write, so a missing one is not a warning.
   */
  layout?: string;
}
