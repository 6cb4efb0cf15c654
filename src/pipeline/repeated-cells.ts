import type { CellValue } from '../types.js';

// A column that has shown this many distinct texts (titles, ids, descriptions) is not one of
// repeats: its cells are left as they are.
const MAX_DISTINCT = 2_000;
// Texts of a column that share a sample hash and are not equal (rare): beyond this many, a further
// such text is left as it is rather than compared with ever more of them.
const MAX_PER_HASH = 8;
// Characters a text's hash is taken of: every one of a short text, as many spread over a long one.
const SAMPLED_CHARS = 64;

/**
 * For rows held until the whole sheet is read: each column's repeated texts (dates, times, zones,
 * rooms, tracks, yes/no, a description written for many rows) are held once, the first such string
 * standing in for the equal ones. Values do not change, only which equal string a cell holds, so a
 * 100k-row sheet holds tens of thousands of strings fewer (and later lookups keyed by them find
 * equal strings identical).
 *
 * The texts are found by a hash of their length and some of their characters, not by a Map keyed
 * by the text: a Map hashes every character of every cell as it is read (a 100k-row sheet of
 * 800-character descriptions: 80 million), where a found text then costs one comparison of two
 * strings (V8 compares their bytes at once) and a new one nothing more.
 */
export function createRepeatedCells(columns: number): (cells: CellValue[]) => void {
  const seen: Array<ColumnTexts | null> = Array.from({ length: columns }, () => ({ byHash: new Map(), distinct: 0 }));
  return (cells) => {
    for (let i = 0; i < cells.length && i < seen.length; i++) {
      const texts = seen[i];
      const cell = cells[i];
      if (!texts || typeof cell !== 'string') continue;
      const hash = sampleHash(cell);
      const held = texts.byHash.get(hash);
      if (held === undefined) {
        if (texts.distinct >= MAX_DISTINCT) {
          seen[i] = null;
          continue;
        }
        texts.byHash.set(hash, cell);
        texts.distinct++;
      } else if (typeof held === 'string') {
        if (held === cell) cells[i] = held;
        else if (texts.distinct >= MAX_DISTINCT) seen[i] = null;
        else {
          texts.byHash.set(hash, [held, cell]);
          texts.distinct++;
        }
      } else {
        const first = held.find((text) => text === cell);
        if (first !== undefined) cells[i] = first;
        else if (texts.distinct >= MAX_DISTINCT) seen[i] = null;
        else if (held.length < MAX_PER_HASH) {
          held.push(cell);
          texts.distinct++;
        }
      }
    }
  };
}

interface ColumnTexts {
  /** The column's texts held so far by sampleHash: one text, or the few that share a hash. */
  byHash: Map<number, string | string[]>;
  distinct: number;
}

/** FNV-1a over the length and up to SAMPLED_CHARS characters spread evenly (the last included). */
function sampleHash(text: string): number {
  const length = text.length;
  let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
  const step = length <= SAMPLED_CHARS ? 1 : Math.floor(length / SAMPLED_CHARS);
  for (let i = length - 1; i >= 0; i -= step) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // 30 bits: a small integer, which V8 keeps unboxed as a Map key.
  return hash & 0x3fffffff;
}
