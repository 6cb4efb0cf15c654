import { cellText } from '../read/cell-value.js';
import type { IssueCode, MappedCell, MappedRow, RowIssue, Severity } from '../types.js';

// A quoted value longer than this is cut, with its full length noted, so a message stays one
// readable line even for a 20,000-character cell.
const QUOTED_MAX = 60;
// RowIssue.value keeps more of the cell (the report's "value" column), still bounded.
const VALUE_MAX = 500;

/**
 * A problem with one cell, worded so the user can fix the sheet from the message alone:
 * `Row 14, column "Capacity": "lots" is not a whole number`. A problem starting with ":", ","
 * or ";" reads on from the quoted value without a space.
 */
export function cellIssue(
  row: Pick<MappedRow, 'sheet' | 'row'>,
  code: IssueCode,
  cell: MappedCell,
  problem: string,
  severity: Severity = 'error',
): RowIssue {
  const value = cellText(cell.value);
  const gap = /^[:,;]/.test(problem) ? '' : ' ';
  return {
    code,
    severity,
    message: `Row ${row.row}, column ${JSON.stringify(cell.column)}: ${quoteValue(value)}${gap}${problem}`,
    sheet: row.sheet,
    row: row.row,
    column: cell.column,
    value: value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX)}…` : value,
  };
}

/** A problem with the row as a whole: `Row 14: has no start date or time (...)`. */
export function rowIssue(row: Pick<MappedRow, 'sheet' | 'row'>, code: IssueCode, problem: string, severity: Severity = 'error'): RowIssue {
  return { code, severity, message: `Row ${row.row}: ${problem}`, sheet: row.sheet, row: row.row };
}

/** A cell value quoted for a message: `"2027-03-…" (1,000 characters)` when it is long. */
export function quoteValue(text: string): string {
  if (text.length <= QUOTED_MAX) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, QUOTED_MAX)}…`)} (${text.length.toLocaleString('en-US')} characters)`;
}
