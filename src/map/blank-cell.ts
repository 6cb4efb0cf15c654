import type { CellValue } from '../types.js';

/** An empty cell: nothing, or only whitespace. A 0 or FALSE is a value, not a blank. */
export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
