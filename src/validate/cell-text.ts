import type { CellValue } from '../types.js';

/** The text a user sees in a cell: what messages quote and what text fields are read from. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.text;
}
