import type { MappedCell, MappedRow, RowIssue, SessionFields } from '../types.js';
import { cellText } from '../read/cell-value.js';
import { descriptionToHtml } from './description-html.js';
import { MAX_IMPORT_ID_LENGTH } from './import-ids.js';
import { YES_NO_HINT } from './yes-no.js';
import { readNumber } from './read-number.js';
import { cellIssue } from './row-issue.js';
import { splitList } from './split-list.js';
import { BOOLEAN_FIELDS, type ValueReaders } from './value-readers.js';

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
    issues.push(cellIssue(row, 'too_long', cell!, `is ${id.length} characters long; an import_id can have at most ${MAX_IMPORT_ID_LENGTH}`));
    return { invalid: true };
  }
  return { id, invalid: false };
}

export function readDescription(row: MappedRow, cell: MappedCell, issues: RowIssue[]): string | undefined {
  const { html, removed } = descriptionToHtml(cellText(cell.value));
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
