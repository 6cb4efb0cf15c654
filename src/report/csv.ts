import type { ReportRow } from '../types.js';

/** The report's CSV columns, in the order PRODUCT.md promises. */
export const REPORT_COLUMNS = [
  'sheet',
  'row',
  'import_id',
  'name',
  'action',
  'outcome',
  'session_id',
  'http_status',
  'changed_fields',
  'message',
] as const;

const LINE_END = '\r\n'; // RFC 4180

export function csvHeaderLine(): string {
  return REPORT_COLUMNS.join(',') + LINE_END;
}

// One line per row of a 100k-row report: the cells are joined as they are made, with no array.
export function reportRowToCsvLine(row: ReportRow): string {
  return `${textCell(row.sheet)},${numberCell(row.row)},${textCell(row.import_id)},${textCell(row.name)},${textCell(row.action)},${textCell(row.outcome)},${numberCell(row.session_id)},${numberCell(row.http_status)},${textCell(row.changed_fields.length === 0 ? '' : row.changed_fields.join(';'))},${textCell(row.message)}${LINE_END}`;
}

// A spreadsheet program runs a cell starting with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
// Either of the two cases below: nearly every cell of a 100k-row report is neither, and is then
// told so by one test instead of two.
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

/** A text cell that a spreadsheet shows as text: formula starts defused, then RFC 4180 quoting. */
export function textCell(value: string): string {
  if (!NEEDS_CARE.test(value)) return value;
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// Numeric columns hold numbers the program wrote, never sheet text, so -5 stays a number.
function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}
