import type { CellValue, MappedCell } from '../types.js';

/** The cell as a person sees it, for messages and RowIssue.value. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.text;
  return String(value);
}

export function isEmptyCell(cell: MappedCell | undefined): boolean {
  if (!cell) return true;
  const v = cell.value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The cell, or undefined when it is missing or blank. */
export function presentCell(cell: MappedCell | undefined): MappedCell | undefined {
  return isEmptyCell(cell) ? undefined : cell;
}
