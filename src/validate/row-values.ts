import { BOOLEAN_FIELDS, type BooleanField } from '../map/fields.js';
import type { ValueFormats } from '../map/mapping-config.js';
import { cellText } from '../read/cell-value.js';
import type { CellValue, MappedCell, MappedRow, RowIssue, SessionFields } from '../types.js';
import { descriptionToHtml, plainTextFitsAsHtml } from './description-html.js';
import { MAX_IMPORT_ID_LENGTH } from './import-ids.js';
import { cellIssue } from './row-issue.js';

// A row's plain values: the one yes/no vocabulary, numbers as people type them, track and
// location lists, and the name, import_id, description and settings read from a mapped row.

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

/**
 * Track, location and speaker names in one cell. Line breaks (and a backslash-n typed as text)
 * always split: a name never spans lines. Beyond those, ONE separator splits, the first of these
 * the cell holds: ";", "|", ",", then " / " (a slash with space on both sides). So a name with a
 * comma survives beside ";" ("Hall A, Level 2; Hall B"), and a slash inside a name never splits
 * ("Hall 1/2", "A/B Testing"): only "Data / Web" is two names. A mapping file's list_separator
 * replaces the rule. Parts are trimmed, empty ones dropped, and repeats dropped ignoring case,
 * keeping the first spelling and the order.
 */
export function splitList(text: string, separator?: string): string[] {
  // One name (most cells): nothing to split or to compare.
  if (!holdsSeparator(text, separator)) {
    const name = text.trim();
    return name === '' ? [] : [name];
  }
  const lines = text.split(LINE_SPLIT);
  const split = separator ?? LIST_SEPARATORS.find((candidate) => lines.some((line) => line.includes(candidate)));
  const pieces = split === undefined ? lines : lines.flatMap((line) => line.split(split));
  const seen = new Set<string>();
  const names: string[] = [];
  for (const piece of pieces) {
    const name = piece.trim();
    if (name === '') continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** In order of precedence: a cell splits on the first of these it holds, and on no other. */
const LIST_SEPARATORS = [';', '|', ',', ' / '] as const;
const LINE_SPLIT = /\r?\n|\r|\\n/;

function holdsSeparator(text: string, separator: string | undefined): boolean {
  if (text.includes('\n') || text.includes('\r') || text.includes('\\n')) return true;
  if (separator) return text.includes(separator);
  return LIST_SEPARATORS.some((candidate) => text.includes(candidate));
}

/** Cell readers settled once per sheet (which columns use x marks, which separator, which words). */
export interface ValueReaders {
  booleans: Readonly<Record<BooleanField, YesNoReader>>;
  /** The all-day column: the same words, but a blank there is never "no" (the times decide). */
  allDay: YesNoReader;
  listSeparator: string | undefined;
}

/** What the cell readers are decided from (which yes/no columns use x marks), one row at a time. */
interface ValueReaderEvidence {
  add(row: MappedRow): void;
  decide(): ValueReaders;
}

export function collectValueReaderEvidence(formats: ValueFormats | undefined): ValueReaderEvidence {
  const xMarked = new Set<BooleanField>();
  return {
    add(row) {
      if (xMarked.size === BOOLEAN_FIELDS.length) return;
      for (const field of BOOLEAN_FIELDS) if (isXMark(row.fields[field]?.value)) xMarked.add(field);
    },
    decide() {
      const booleans = {} as Record<BooleanField, YesNoReader>;
      for (const field of BOOLEAN_FIELDS) booleans[field] = createYesNoReader(formats, xMarked.has(field));
      return {
        booleans,
        allDay: createYesNoReader(formats, false),
        listSeparator: formats?.list_separator,
      };
    },
  };
}

// Guidebook keeps a session's name in a 255-character column; a longer one is refused with a 400
// for the whole session, so it is reported here, before any request.
const MAX_NAME_LENGTH = 255;
// shared/guidebook-api.md: description_html holds at most 20,000 characters.
const MAX_DESCRIPTION_LENGTH = 20_000;
const LINE_BREAK = /[\r\n]/;

/** The session name: line breaks become spaces (a name is one line); required. */
export function readName(row: MappedRow, issues: RowIssue[]): string | undefined {
  const cell = row.fields.name ?? { column: 'name', value: null };
  const text = cellText(cell.value);
  const name = (LINE_BREAK.test(text) ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text).trim();
  if (name === '') {
    issues.push(cellIssue(row, 'required', cell, 'is empty, and every session needs a name'));
    return undefined;
  }
  if (name.length > MAX_NAME_LENGTH) {
    issues.push(cellIssue(row, 'too_long', cell, `is ${name.length} characters long; a name can have at most ${MAX_NAME_LENGTH}`));
    return undefined;
  }
  return name;
}

/** The row's own import_id, trimmed; undefined when blank (one is derived later). */
export function readImportId(row: MappedRow, issues: RowIssue[]): { id?: string; invalid: boolean } {
  const cell = row.fields.import_id;
  const id = cell ? cellText(cell.value).trim() : '';
  if (id === '') return { invalid: false };
  if (id.length > MAX_IMPORT_ID_LENGTH) {
    issues.push(
      cellIssue(row, 'too_long', cell!, `is ${id.length} characters long; an import_id can have at most ${MAX_IMPORT_ID_LENGTH}`),
    );
    return { invalid: true };
  }
  return { id, invalid: false };
}

/**
 * The description as HTML, or undefined when it cannot be sent (its issue pushed). With `shown`
 * false the caller never shows or sends the HTML (validate with a CSV report): plain text whose
 * HTML cannot be too long has nothing to report, and is not converted (undefined, no issue); any
 * other text is converted and checked as always.
 */
export function readDescription(row: MappedRow, cell: MappedCell, issues: RowIssue[], shown = true): string | undefined {
  const text = cellText(cell.value);
  if (!shown && plainTextFitsAsHtml(text, MAX_DESCRIPTION_LENGTH)) return undefined;
  const { html, removed } = descriptionToHtml(text);
  if (html.length > MAX_DESCRIPTION_LENGTH) {
    const size = html.length.toLocaleString('en-US');
    issues.push(cellIssue(row, 'too_long', cell, `is ${size} characters as HTML; Guidebook accepts at most 20,000`));
    return undefined;
  }
  if (removed.length > 0) {
    issues.push(cellIssue(row, 'html_sanitised', cell, `holds HTML Guidebook does not allow; removed ${removed.join(', ')}`, 'warning'));
  }
  return html;
}

/** Yes/no fields, rank and capacity. A blank that means "not given" stays undefined (left alone). */
export function readSettings(row: MappedRow, readers: ValueReaders, fields: Partial<SessionFields>, issues: RowIssue[]): void {
  for (const field of BOOLEAN_FIELDS) {
    const cell = row.fields[field];
    if (!cell) continue;
    const value = readers.booleans[field](cell.value);
    if (value === undefined) issues.push(cellIssue(row, 'bad_boolean', cell, YES_NO_HINT));
    else if (value !== null) fields[field] = value;
  }
  const rank = row.fields.rank;
  if (rank) {
    if (isBlank(rank)) fields.rank = null;
    else {
      const n = readNumber(rank.value);
      if (n === undefined) issues.push(cellIssue(row, 'bad_number', rank, 'is not a number'));
      else fields.rank = n;
    }
  }
  const capacity = row.fields.max_capacity;
  if (capacity) {
    if (isBlank(capacity)) fields.max_capacity = null;
    else {
      const n = readNumber(capacity.value, true);
      if (n === undefined || !Number.isSafeInteger(n)) issues.push(cellIssue(row, 'bad_number', capacity, 'is not a whole number'));
      else if (n < 1) issues.push(cellIssue(row, 'bad_number', capacity, 'is not a positive whole number (at least 1)'));
      else fields.max_capacity = n;
    }
  }
}

export function readList(cell: MappedCell, separator: string | undefined): string[] {
  return splitList(cellText(cell.value), separator);
}

function isBlank(cell: MappedCell): boolean {
  return cellText(cell.value).trim() === '';
}
