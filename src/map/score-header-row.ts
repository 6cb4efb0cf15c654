import { fieldForHeader } from './field-aliases.js';

/**
 * How many cells of a candidate row are known column names. The readers pick the row with the
 * best score as the header, so title rows and notes above the table are skipped.
 */
export function scoreHeaderRow(cells: string[]): number {
  let score = 0;
  for (const cell of cells) {
    if (typeof cell === 'string' && cell !== '' && fieldForHeader(cell) !== undefined) score++;
  }
  return score;
}
