import type { IssueCode, MappedCell, MappedRow, RowIssue, Severity } from '../types.js';
import { cellText } from './cell-text.js';

const QUOTED_MAX = 60;

/**
 * A problem with one cell, worded so the user can fix the sheet from the message alone:
 * `Row 14, column "Capacity": "lots" is not a whole number`.
 */
export function cellIssue(
  row: Pick<MappedRow, 'sheet' | 'row'>,
  code: IssueCode,
  cell: MappedCell,
  explanation: string,
  severity: Severity = 'error',
): RowIssue {
  const value = cellText(cell.value);
  return {
    code,
    severity,
    message: `Row ${row.row}, column ${JSON.stringify(cell.column)}: ${quoteValue(value)} ${explanation}`,
    sheet: row.sheet,
    row: row.row,
    column: cell.column,
    value: value.length > 500 ? `${value.slice(0, 500)}…` : value,
  };
}

/** A cell value quoted for a message; long values are cut so the message stays one line. */
export function quoteValue(text: string): string {
  return JSON.stringify(text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX)}…` : text);
}
