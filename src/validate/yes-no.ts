import type { CellValue } from '../types.js';

// The one yes/no vocabulary, for every yes/no column (All Day, Allow Rating, Add to Schedule,
// Require Login, Waitlist). A mapping file's "true_words"/"false_words" add to it, for every
// such column alike. Ticks and a dash are what people type in a checklist column.
const TRUE_WORDS = ['yes', 'y', 'true', 't', '1', 'x', 'on', '✓', '✔', 'all day', 'all-day', 'allday'];
const FALSE_WORDS = ['no', 'n', 'false', 'f', '0', 'off', '-'];

export const YES_NO_HINT = 'is not yes or no (use yes/no, y/n, true/false, t/f, 1/0, on/off, or x/blank)';

/** true / false, null for a blank that means "not given", undefined for a word that is neither. */
export type YesNoReader = (value: CellValue) => boolean | null | undefined;

export interface YesNoWords {
  true_words?: readonly string[];
  false_words?: readonly string[];
}

/**
 * Reads yes/no cells. A blank is "no" only in a column that marks its yes rows with an x (the
 * x/blank convention); in any other column a blank means "not given", so a setting made in
 * Builder is left alone rather than silently switched off. Word lists are built once.
 */
export function createYesNoReader(words: YesNoWords | undefined, blankMeansNo: boolean): YesNoReader {
  const yes = new Set([...TRUE_WORDS, ...(words?.true_words ?? []).map(fold)]);
  const no = new Set([...FALSE_WORDS, ...(words?.false_words ?? []).map(fold)]);
  const blank = blankMeansNo ? false : null;
  return (value) => {
    if (value === null) return blank;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
    if (typeof value !== 'string') return undefined;
    const word = fold(value);
    if (word === '') return blank;
    if (yes.has(word)) return true;
    if (no.has(word)) return false;
    return undefined;
  };
}

/** An "x" cell, the mark of the x/blank convention. */
export function isXMark(value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  // Checked on every cell of every yes/no column until an x turns up: "yes"/"no" are told apart
  // without building a trimmed, lower-cased copy.
  if (value.length === 1) return value === 'x' || value === 'X';
  return (value.includes('x') || value.includes('X')) && fold(value) === 'x';
}

function fold(word: string): string {
  return word.trim().toLowerCase();
}
