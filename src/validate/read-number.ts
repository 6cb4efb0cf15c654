import type { CellValue } from '../types.js';

// Numbers typed by people in different locales. The rules, chosen so no reading is a guess that
// silently changes a value by a factor of 1000 where it matters:
// - spaces (also no-break and thin spaces) and apostrophes between groups of three digits are
//   thousands separators: "1 000", "1'000" → 1000;
// - a comma before exactly three digits groups thousands ("1,000" and "1,000.5" → 1000, 1000.5);
//   any other single comma is a decimal comma ("1,5" and "1,25" → 1.5, 1.25);
// - dots before groups of three digits followed by a decimal comma group thousands
//   ("1.000,5" → 1000.5), as do several such dots ("1.000.000");
// - a single dot before three digits is a decimal point ("1.000" → 1), except in whole-number
//   columns (capacity), where "1.000" → 1000: nobody means a capacity of one that way.
const SPACE_GROUPED = /^(\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3})+)(?:[.,](\d+))?$/;
const COMMA_GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const DOT_GROUPED_WITH_DECIMALS = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/;
const DOTS_GROUPED = /^(\d{1,3}(?:\.\d{3}){2,})$/;
const ONE_DOT_GROUP = /^(\d{1,3}\.\d{3})$/;
const PLAIN = /^(\d*)(?:[.,](\d+))?$/;

/** A number cell or text; undefined when it is not a number. Blank cells are the caller's concern. */
export function readNumber(value: CellValue, wholeColumn = false): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  let sign = 1;
  if (text.startsWith('-') || text.startsWith('+') || text.startsWith('\u2212')) {
    if (text[0] !== '+') sign = -1;
    text = text.slice(1).trimStart();
  }
  const parts =
    match(SPACE_GROUPED, text) ??
    match(COMMA_GROUPED, text) ??
    match(DOT_GROUPED_WITH_DECIMALS, text) ??
    match(DOTS_GROUPED, text) ??
    (wholeColumn ? match(ONE_DOT_GROUP, text) : undefined) ??
    match(PLAIN, text);
  if (!parts) return undefined;
  const [integer, fraction] = parts;
  const digits = integer.replace(/\D/g, '');
  if (digits === '' && fraction === undefined) return undefined;
  const n = Number(`${digits || '0'}${fraction !== undefined ? `.${fraction}` : ''}`);
  return Number.isFinite(n) ? sign * n : undefined;
}

function match(pattern: RegExp, text: string): [string, string | undefined] | undefined {
  const m = pattern.exec(text);
  return m ? [m[1] ?? '', m[2]] : undefined;
}
