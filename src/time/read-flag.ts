import type { MappedCell } from '../types.js';

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'x', '✓', '✔', 'all day', 'all-day', 'allday']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', '-']);

/** A yes/no cell: true, false, null when blank, or 'invalid'. */
export function readFlag(cell: MappedCell | undefined): boolean | null | 'invalid' {
  const v = cell?.value ?? null;
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : 'invalid';
  if (typeof v !== 'string') return 'invalid';
  const word = v.trim().toLowerCase();
  if (word === '') return null;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return 'invalid';
}
