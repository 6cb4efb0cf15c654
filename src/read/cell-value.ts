import type { CellValue, MappedCell } from '../types.js';

// The one cell model every stage reads cells through: what a person sees in a cell, and when a
// cell counts as blank. read/ produces the cells; map/, time/ and validate/ only look at them.

/** The cell as a person sees it: what messages quote, RowIssue.value holds and text fields read. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  // As a spreadsheet program shows a boolean cell.
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.text;
}

/** An empty cell: nothing, or only whitespace. A 0 or FALSE is a value, not a blank. */
export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The cell, or undefined when it is missing or blank. */
export function presentCell(cell: MappedCell | undefined): MappedCell | undefined {
  return cell === undefined || isBlankCell(cell.value) ? undefined : cell;
}
