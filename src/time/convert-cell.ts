import type { MappedRow, RowIssue } from '../types.js';
import { presentCell } from '../read/cell-value.js';
import { cellIssue } from '../validate/row-issue.js';
import { fixedOffsetZone, offsetZone } from './offset-zone.js';
import { isoText } from './local-instant.js';
import { readDateTimeCell } from './read-cell.js';
import { readZoneColumn, runZone } from './row-zone.js';
import type { ColumnFormats, TimeOptions } from './time-types.js';
import { wallToUtc } from './to-utc.js';
import { wallMs } from './wall-clock.js';

/**
 * A single date-time cell (registration dates) as a UTC ISO string, read in the row's zone like
 * the session times. A date alone means local midnight of that date. Blank: null.
 */
export function convertCellToUtc(
  row: MappedRow,
  field: 'registration_start_date' | 'registration_end_date',
  formats: ColumnFormats,
  options: TimeOptions,
): { ok: true; value: string | null } | { ok: false; issue: RowIssue } {
  const cell = presentCell(row.fields[field]);
  if (!cell) return { ok: true, value: null };
  const reading = readDateTimeCell(cell, formats.parsers[field], 'datetime');
  if (!reading.ok) return { ok: false, issue: cellIssue(row, reading.code, cell, reading.problem) };
  const { date, time, offsetMinutes } = reading.value;
  if (!date) return { ok: false, issue: cellIssue(row, 'bad_date', cell, 'has a time but no date: write the date too') };
  let zone;
  if (offsetMinutes !== null) {
    zone = fixedOffsetZone(offsetMinutes);
  } else {
    const zoneColumn = readZoneColumn(row);
    if (zoneColumn.kind === 'invalid') return { ok: false, issue: zoneColumn.issue };
    zone = offsetZone(zoneColumn.kind === 'zone' ? zoneColumn.name : runZone(row, options));
  }
  const converted = wallToUtc(row, cell, wallMs(date, time), zone, formats.instants);
  return converted.ok ? { ok: true, value: isoText(formats.instants, converted.utcMs) } : { ok: false, issue: converted.issue };
}
