import type { CellValue } from '../types.js';

// A column that has shown this many distinct texts (titles, ids, descriptions) is not one of
// repeats: its cells are left as they are.
const MAX_DISTINCT = 2_000;

/**
 * For rows held until the whole sheet is read: each column's repeated texts (dates, times, zones,
 * rooms, tracks, yes/no) are held once, the first such string standing in for the equal ones.
 * Values do not change, only which equal string a cell holds, so a 100k-row sheet holds tens of
 * thousands of strings fewer (and later lookups keyed by them find equal strings identical).
 */
export function createRepeatedCells(columns: number): (cells: CellValue[]) => void {
  const seen: Array<Map<string, string> | null> = Array.from({ length: columns }, () => new Map());
  return (cells) => {
    for (let i = 0; i < cells.length && i < seen.length; i++) {
      const texts = seen[i];
      const cell = cells[i];
      if (!texts || typeof cell !== 'string') continue;
      const first = texts.get(cell);
      if (first !== undefined) cells[i] = first;
      else if (texts.size < MAX_DISTINCT) texts.set(cell, cell);
      else seen[i] = null;
    }
  };
}
