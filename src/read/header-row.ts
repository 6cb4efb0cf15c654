// The names the map stage accepts, so the message can list them (map/fields.ts is pure data).
import { acceptedHeadersHint } from '../map/fields.js';
import type { CellValue } from '../types.js';
import { HEADER_SCAN_ROWS } from './limits.js';
import { quoteList } from './file-error.js';

/** A non-empty row near the top of a sheet that could be the header. */
export interface HeaderCandidate {
  /** The spreadsheet row number. */
  row: number;
  texts: string[];
}

export interface HeaderRow {
  row: number;
  headers: string[];
}

/**
 * The candidate with the best score (the earliest on a tie), or null when no candidate has a
 * single known header. Title and instruction rows above the header score 0 and are passed over.
 */
export function findHeaderRow(candidates: readonly HeaderCandidate[], scoreHeader: (cells: string[]) => number): HeaderRow | null {
  let best: HeaderCandidate | null = null;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = scoreHeader(candidate.texts);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best === null ? null : { row: best.row, headers: trimTrailingEmpty(best.texts) };
}

/** Why no header was found, naming the first row so the user sees what was read. */
export function noHeaderMessage(candidates: readonly HeaderCandidate[], sheetName?: string): string {
  const first = candidates[0];
  if (first === undefined) return sheetName === undefined ? 'is empty' : `sheet ${JSON.stringify(sheetName)} is empty`;
  const where = sheetName === undefined ? '' : ` in sheet ${JSON.stringify(sheetName)}`;
  return (
    `no header row found${where} in the first ${HEADER_SCAN_ROWS} rows ` +
    `(no cell is a known column name; row ${first.row} is: ${quoteList(trimTrailingEmpty(first.texts))}); ${acceptedHeadersHint()}`
  );
}

function trimTrailingEmpty(texts: readonly string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end);
}

/** Cells aligned to the header: missing ones become null, cells past the last header are left out. */
export function alignCells(cells: CellValue[], width: number): CellValue[] {
  if (cells.length > width) cells.length = width;
  while (cells.length < width) cells.push(null);
  return cells;
}

export function isEmptyRow(cells: readonly CellValue[]): boolean {
  for (const cell of cells) {
    if (cell === null) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}
