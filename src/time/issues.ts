import type { IssueCode, MappedCell, MappedRow, RowIssue, Severity } from '../types.js';
import { cellText } from './cell-text.js';

/** `Row 14, column "Start": "31/02/2027 9:00" <problem>`: a user fixes the sheet from this alone. */
export function cellIssue(row: MappedRow, cell: MappedCell, code: IssueCode, severity: Severity, problem: string): RowIssue {
  const value = cellText(cell.value);
  const gap = /^[:,;]/.test(problem) ? '' : ' ';
  return {
    code,
    severity,
    // A problem starting with ":" or "," reads on from the quoted value without a space.
    message: `Row ${row.row}, column ${JSON.stringify(cell.column)}: ${JSON.stringify(value)}${gap}${problem}`,
    sheet: row.sheet,
    row: row.row,
    column: cell.column,
    value,
  };
}

export function rowIssue(row: MappedRow, code: IssueCode, severity: Severity, problem: string): RowIssue {
  return { code, severity, message: `Row ${row.row}: ${problem}`, sheet: row.sheet, row: row.row };
}
