import type { CellValue } from '../types.js';
import { cellText } from './cell-text.js';

const TRUE_WORDS = ['yes', 'y', 'true', '1', 'x', 'on'];
const FALSE_WORDS = ['no', 'n', 'false', '0', 'off'];

export const BOOLEAN_HINT = 'is not yes or no (use yes/no, y/n, true/false, 1/0, x/blank or on/off)';

/** true / false, null for a blank that means "not given", undefined for a word that is neither. */
export type BooleanReader = (value: CellValue) => boolean | null | undefined;

export interface BooleanWords {
  true_words?: readonly string[];
  false_words?: readonly string[];
}

/**
 * Reads yes/no cells. A blank is "no" only in a column that marks its yes rows with an x (the
 * x/blank convention); in any other column a blank means "not given", so a setting made in
 * Builder is left alone rather than silently switched off. Word lists are built once.
 */
export function createBooleanReader(words: BooleanWords | undefined, blankMeansNo: boolean): BooleanReader {
  const yes = new Set([...TRUE_WORDS, ...(words?.true_words ?? []).map(fold)]);
  const no = new Set([...FALSE_WORDS, ...(words?.false_words ?? []).map(fold)]);
  const blank = blankMeansNo ? false : null;
  return (value) => {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
    if (value !== null && typeof value === 'object') return undefined;
    const word = fold(cellText(value));
    if (word === '') return blank;
    if (yes.has(word)) return true;
    if (no.has(word)) return false;
    return undefined;
  };
}

/** Whether a column follows the x/blank convention: some cell in it is an "x". */
export function usesXMarks(values: Iterable<CellValue | undefined>): boolean {
  for (const value of values) if (isXMark(value)) return true;
  return false;
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
