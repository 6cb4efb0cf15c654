import { GuidebookImportError } from '../errors.js';
import type { MappedRow, RowIssue } from '../types.js';
import { cellText, presentCell } from '../read/cell-value.js';
import { cellIssue } from '../validate/row-issue.js';
import type { TimeOptions } from './time-types.js';
import { normaliseZoneName, requireZoneOption } from './zone-names.js';

export type ZoneColumnReading = { kind: 'none' } | { kind: 'zone'; name: string } | { kind: 'invalid'; issue: RowIssue };

/** The row's own zone from a mapped time-zone column; an unknown name is the row's error. */
export function readZoneColumn(row: MappedRow): ZoneColumnReading {
  const cell = presentCell(row.fields.timezone);
  if (!cell) return { kind: 'none' };
  const name = typeof cell.value === 'string' ? normaliseZoneName(cell.value) : null;
  if (name) return { kind: 'zone', name };
  return {
    kind: 'invalid',
    issue: cellIssue(row, 'bad_timezone', cell, 'is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)'),
  };
}

/**
 * The zone for a row's local times when the row names none: --timezone, else the guide's.
 * Without either the run cannot go on, and the error says the three ways out.
 */
export function runZone(row: MappedRow, options: TimeOptions): string {
  if (options.timezone) return requireZoneOption(options.timezone, '--timezone');
  if (options.guideTimezone) return requireZoneOption(options.guideTimezone, "The guide's time zone");
  const example = cellText(row.fields.datetime_start?.value ?? row.fields.date?.value ?? row.fields.start?.value ?? null);
  throw new GuidebookImportError(
    'timezone',
    `Row ${row.row} has local times${example ? ` (${JSON.stringify(example)})` : ''} but no time zone is known. ` +
      'Pass --timezone with an IANA zone (e.g. --timezone America/New_York), add a "Time Zone" column, or set a time zone on the guide.',
  );
}
