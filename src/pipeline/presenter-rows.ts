// One row per presenter: rows with the same title, date, times and room are ONE session. The
// first row stands for the session; the speakers and moderators of every row are joined into its
// cells in row order (validate reads them into SheetSession.speakers), and the session carries a
// warning naming the other rows and the cells in which they differ (their import ids among them,
// which are not used). Rows that share an import_id but differ in title or time are not merged:
// they stay a duplicate_import_id conflict. Merged before conversion, because the duplicate check
// runs as the rows are converted: the merged rows must never reach it as copies.
import { cellText, isBlankCell } from '../read/cell-value.js';
import type { ConvertedRow, MappedField, MappedRow, RawRow, RowIssue } from '../types.js';

/** The cells that make two rows one session when they are equal. */
const SAME_SESSION_FIELDS: readonly MappedField[] = [
  'name',
  'date',
  'start',
  'end',
  'datetime_start',
  'datetime_end',
  'duration',
  'end_date',
  'all_day',
  'locations',
];
/** Joined over the rows of one session, in row order. */
const JOINED_FIELDS: readonly MappedField[] = ['speakers', 'moderators'];

export interface PresenterMerge {
  /** Rows after merging. */
  readonly count: number;
  /** Merged row `index`, its speakers and moderators those of all its rows. */
  rowAt(index: number): MappedRow;
  /** The read rows merged into row `index` (the first stands for it). */
  members(index: number): readonly number[];
  /** The converted rows, each merged one with its warning. */
  withNotes(rows: IterableIterator<ConvertedRow>): IterableIterator<ConvertedRow>;
}

/**
 * Groups rows `0..count-1` (mapped by `rowAt`; `rawAt` and `headersAt` give their cells as read,
 * to name what differs), one row at a time, for a caller that maps each row as it is read: `add`
 * each row in order (whether it stands for a session is decided by the rows before it alone),
 * then `finish` once the last is added. `rowAt` may be asked for a row more than once. `onKept`
 * is handed each row that stands for a session, in order, as mapped for the grouping, so that a
 * caller with more to learn from every row (the sheet-wide facts) need not map the sheet a second
 * time: it differs from the merged row only in the joined speaker and moderator cells.
 */
export interface PresenterGrouping {
  /** Row `index` (the next one), as `rowAt(index)` maps it. */
  add(index: number, row: MappedRow): void;
  finish(): PresenterMerge;
}

export function createPresenterGrouping(
  rowAt: (index: number) => MappedRow,
  rawAt: (index: number) => RawRow,
  headersAt: (index: number) => readonly string[],
  onKept: (row: MappedRow) => void = () => {},
): PresenterGrouping {
  // Rows by a hash of their key (a 100k-row sheet holds numbers, not 100k key strings); a hash
  // shared by rows of different keys is told apart by comparing the keys themselves.
  const firstOf = new Map<number, number>();
  // Further rows whose key differs but whose hash does not (rare).
  const sharedHash = new Map<number, number[]>();
  const groups = new Map<number, number[]>();
  const kept: number[] = [];
  let count = 0;
  const firstWithKey = (hash: number, key: string): number | undefined =>
    [firstOf.get(hash)!, ...(sharedHash.get(hash) ?? [])].find((candidate) => sessionKey(rowAt(candidate)) === key);
  const add = (index: number, row: MappedRow): void => {
    count++;
    const hash = sessionHash(row);
    // Only a row whose hash was seen is compared by its key (rare: presenter rows, copies, collisions).
    const first = hash === null || !firstOf.has(hash) ? undefined : firstWithKey(hash, sessionKey(row)!);
    // A row identical to the first is a copy, not a presenter's row: it stays a row of its own,
    // and the duplicate check reports the pair.
    if (first === undefined || sameCells(rawAt(first), rawAt(index))) {
      if (hash !== null && first === undefined) {
        if (!firstOf.has(hash)) firstOf.set(hash, index);
        else sharedHash.set(hash, [...(sharedHash.get(hash) ?? []), index]);
      }
      kept.push(index);
      onKept(row);
      return;
    }
    let group = groups.get(first);
    if (group === undefined) groups.set(first, (group = [first]));
    group.push(index);
  };
  return { add, finish: () => mergedRows(count, kept, groups, rowAt, rawAt, headersAt) };
}

/** The rows after grouping: `kept` stand for sessions, `groups` the rows of each merged one. */
function mergedRows(
  count: number,
  kept: readonly number[],
  groups: ReadonlyMap<number, number[]>,
  rowAt: (index: number) => MappedRow,
  rawAt: (index: number) => RawRow,
  headersAt: (index: number) => readonly string[],
): PresenterMerge {
  if (groups.size === 0) {
    return { count, rowAt, members: (index) => [index], withNotes: (rows) => rows };
  }

  const notes = new Map<number, string>();
  for (const [first, group] of groups) notes.set(first, mergeNote(group, rawAt, headersAt));

  const mergedRowAt = (index: number): MappedRow => {
    const first = kept[index]!;
    const row = rowAt(first);
    const group = groups.get(first);
    if (group === undefined) return row;
    const fields = { ...row.fields };
    for (const field of JOINED_FIELDS) {
      const texts = group.map((member) => rowAt(member).fields[field]).filter((cell) => cell !== undefined && !isBlankCell(cell.value));
      if (texts.length === 0) continue;
      fields[field] = { column: texts[0]!.column, value: texts.map((cell) => cellText(cell!.value)).join('\n') };
    }
    return { ...row, fields };
  };

  function* withNotes(rows: IterableIterator<ConvertedRow>): Generator<ConvertedRow> {
    for (const row of rows) {
      const place = row.ok ? row.session : row;
      const index = firstIndexAt(place.sheet, place.row);
      const note = index === undefined ? undefined : notes.get(index);
      if (note === undefined) {
        yield row;
        continue;
      }
      const issue: RowIssue = {
        code: 'merged_rows',
        severity: 'warning',
        message: `Row ${place.row}: ${note}`,
        sheet: place.sheet,
        row: place.row,
      };
      if (row.ok) yield { ok: true, session: { ...row.session, warnings: [...row.session.warnings, issue] } };
      else yield { ...row, issues: [...row.issues, issue] };
    }
  }

  // The notes are found by the place of the row that stands for a session.
  const firstByPlace = new Map<string, number>();
  for (const first of groups.keys()) {
    const raw = rawAt(first);
    firstByPlace.set(`${raw.sheet}\u0000${raw.row}`, first);
  }
  const firstIndexAt = (sheet: string, row: number): number | undefined => firstByPlace.get(`${sheet}\u0000${row}`);

  return {
    count: kept.length,
    rowAt: mergedRowAt,
    members: (index) => groups.get(kept[index]!) ?? [kept[index]!],
    withNotes,
  };
}

/**
 * A hash of the row's key (FNV-1a, over the same texts sessionKey joins, cut to 30 bits), computed
 * without building the key; null when the row has no key.
 */
function sessionHash(row: MappedRow): number | null {
  if (isBlankText(row, 'name')) return null;
  if (isBlankText(row, 'start') && isBlankText(row, 'datetime_start') && isBlankText(row, 'date')) return null;
  let hash = mix(0x811c9dc5, row.sheet);
  for (let i = 0; i < SAME_SESSION_FIELDS.length; i++) hash = mixKeyText(hash, row, SAME_SESSION_FIELDS[i]!);
  // 30 bits: a small integer, which V8 keeps unboxed as a Map key.
  return hash & 0x3fffffff;
}

function mix(start: number, value: string): number {
  let hash = start;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // A separator, so that "ab" + "c" and "a" + "bc" differ.
  return Math.imul(hash ^ 0xffff, 0x01000193);
}

// The hash is taken of every row of the sheet, nearly all of them sessions of their own: for a
// cell of plain ASCII text it is computed from the cell as it stands, trimmed and lower-cased
// character by character, with no new string per cell; any other cell takes keyText's own path.
// Both give the same hash for the same key text, which is all a hash must do (keys are compared).

/** mix(hash, keyText(row, field)), without making keyText's string when the cell is plain ASCII. */
function mixKeyText(start: number, row: MappedRow, field: MappedField): number {
  const value = row.fields[field]?.value;
  // A field the sheet lacks or leaves empty (most of the ten, on most sheets): mix(start, '').
  if (value === undefined || value === null) return Math.imul(start ^ 0xffff, 0x01000193);
  if (typeof value !== 'string') return mix(start, keyText(row, field));
  let from = 0;
  let to = value.length;
  while (from < to && isAsciiSpace(value.charCodeAt(from))) from++;
  while (to > from && isAsciiSpace(value.charCodeAt(to - 1))) to--;
  const lower = field === 'name' || field === 'locations';
  let hash = start;
  for (let i = from; i < to; i++) {
    let code = value.charCodeAt(i);
    // Beyond ASCII, trim() and toLowerCase() have rules of their own (a no-break space is trimmed,
    // "İ" lower-cases to two characters): keyText applies them.
    if (code > 0x7e) return mix(start, keyText(row, field));
    if (lower && code >= 0x41 && code <= 0x5a) code += 0x20;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193);
  }
  return Math.imul(hash ^ 0xffff, 0x01000193);
}

/** text(row, field) === '', without trimming a copy of the cell. */
function isBlankText(row: MappedRow, field: MappedField): boolean {
  const value = row.fields[field]?.value;
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return text(row, field) === '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7e) return value.trim() === '';
    if (!isAsciiSpace(code)) return false;
  }
  return true;
}

/** The ASCII characters trim() removes: tab, line feed, vertical tab, form feed, return, space. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function sameCells(a: RawRow, b: RawRow): boolean {
  if (a.cells.length !== b.cells.length) return false;
  return a.cells.every((cell, i) => cellText(cell).trim() === cellText(b.cells[i] ?? null).trim());
}

/** The row's title, day, times and rooms as written; null when it has no title or no start. */
function sessionKey(row: MappedRow): string | null {
  const name = text(row, 'name');
  if (name === '') return null;
  if (text(row, 'start') === '' && text(row, 'datetime_start') === '' && text(row, 'date') === '') return null;
  // Rows of different sheets are never one session.
  return `${row.sheet}\u0000${SAME_SESSION_FIELDS.map((field) => keyText(row, field)).join('\u0000')}`;
}

/** A key field's text: trimmed; the title and rooms in any case. */
function keyText(row: MappedRow, field: MappedField): string {
  const value = text(row, field);
  return field === 'name' || field === 'locations' ? value.toLowerCase() : value;
}

function text(row: MappedRow, field: MappedField): string {
  const cell = row.fields[field];
  return cell === undefined || cell.value === null ? '' : cellText(cell.value).trim();
}

/** What the warning on a merged session says: its other rows, and the columns in which they differ. */
function mergeNote(group: readonly number[], rawAt: (index: number) => RawRow, headersAt: (index: number) => readonly string[]): string {
  const first = rawAt(group[0]!);
  const headers = headersAt(group[0]!);
  const others = group.slice(1).map(rawAt);
  const differing: string[] = [];
  for (let column = 0; column < headers.length; column++) {
    const values = [first, ...others].map((raw) => cellText(raw.cells[column] ?? null).trim());
    if (values.every((value) => value === values[0])) continue;
    const shown = values.map((value) => JSON.stringify(value.length > 30 ? `${value.slice(0, 29)}…` : value)).join(', ');
    differing.push(`${JSON.stringify(headers[column] ?? '')} (${shown})`);
  }
  const rows = others.map((raw) => raw.row).join(', ');
  const what = `they differ in ${differing.slice(0, 6).join('; ')}${differing.length > 6 ? '; …' : ''}; this row's cells are used, with the speakers of all rows`;
  return `row${others.length === 1 ? '' : 's'} ${rows} ha${others.length === 1 ? 's' : 've'} the same title, date, times and room: one session (one row per presenter); ${what}`;
}
