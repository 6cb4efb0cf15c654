import type { CellValue, MappedField, MappedRow } from '../../src/types.js';
import type { TimeOptions } from '../../src/time/index.js';
import { convertRowTimes, inferColumnFormats, type RowTimes } from '../../src/validate/index.js';

/** Header texts a real sheet would use, so messages read as users see them. */
export const COLUMN: Partial<Record<MappedField, string>> = {
  datetime_start: 'Start',
  datetime_end: 'End',
  date: 'Date',
  start: 'Start Time',
  end: 'End Time',
  duration: 'Duration',
  timezone: 'Time Zone',
  all_day: 'All Day',
  registration_start_date: 'Registration Opens',
  registration_end_date: 'Registration Closes',
};

export function mappedRow(row: number, cells: Partial<Record<MappedField, CellValue>>, sheet = 'Agenda'): MappedRow {
  const fields: MappedRow['fields'] = {};
  for (const [field, value] of Object.entries(cells) as Array<[MappedField, CellValue]>) {
    fields[field] = { column: COLUMN[field] ?? field, value };
  }
  return { sheet, row, fields };
}

/** Infers the formats from these rows alone and converts each of them. */
export function convertAll(rows: MappedRow[], options: TimeOptions): RowTimes[] {
  const formats = inferColumnFormats(rows, options);
  return rows.map((r) => convertRowTimes(r, formats, options));
}

/** Converts one row on its own (its column is the whole sheet). */
export function convertOne(cells: Partial<Record<MappedField, CellValue>>, options: TimeOptions = { timezone: 'UTC' }): RowTimes {
  const [result] = convertAll([mappedRow(2, cells)], options);
  if (!result) throw new Error('no result');
  return result;
}

export function startOf(result: RowTimes): string {
  if (!result.ok) throw new Error(`row failed: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.start_time;
}

export function issuesOf(result: RowTimes): RowTimes & { ok: false } {
  if (result.ok) throw new Error(`row converted: ${JSON.stringify(result)}`);
  return result;
}
