import type { CellValue, MappedField, RawRow, SheetHeader } from '../types.js';
import { cellShape, isDayLabel, isDayShape, isTimeShape } from './cell-shape.js';
import { cellText } from './cell-value.js';
import { columnLetter, gridRows } from './grid-layout.js';
import { findHeaderRow, type HeaderCandidate, type HeaderRow } from './header-row.js';
import { headerlessRows } from './headerless-layout.js';

// How a sheet lays out its sessions, told from the rows near its top:
// - table: a header row naming the columns, one session per row (the usual case, streamed);
// - grid: a time grid, times down the first column and one column per room, titles in the cells;
// - headerless: no header row at all, the columns told apart by what they hold.
// A grid or a headerless sheet is read whole and turned into the rows of a table with a header of
// the importer's own column names, so every later stage reads it as any other table.

/** Which field a header names (the map stage knows); undefined for no field. */
export type HeaderField = (text: string) => MappedField | undefined;

export type SheetLayout =
  | { kind: 'table'; header: HeaderRow }
  // `across`: the times run across the header and the rooms down the first column.
  | { kind: 'grid'; header: HeaderRow; across?: boolean }
  | { kind: 'headerless' };

/** A row of a sheet as read, its cells from the sheet's first column on, not aligned to any header. */
export interface SheetRowCells {
  /** The spreadsheet row number (1-based). */
  row: number;
  cells: CellValue[];
}

/** A merged cell: sheet rows `top`..`bottom` (1-based), cells `left`..`right` (indexes into SheetRowCells.cells). */
export interface CellMerge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A grid or headerless sheet turned into table rows under a header of canonical column names. */
export interface LaidOutRows {
  header: SheetHeader;
  rows: RawRow[];
  warnings: string[];
}

/** The fields a grid's room headers never name: a row naming them is a table's header. */
const TABLE_FIELDS: ReadonlySet<MappedField> = new Set(['name', 'date', 'start', 'end', 'datetime_start', 'description', 'import_id']);
/** How many rooms a grid has at least. */
const MIN_ROOMS = 2;
/** How many rows below a grid's header start with a time, at least. */
const MIN_TIME_ROWS = 2;

/**
 * The sheet's layout from its candidate rows (the non-empty rows near the top), or null when it
 * has no header row and its rows do not look like sessions at all.
 */
export function chooseLayout(
  candidates: readonly HeaderCandidate[],
  scoreHeader: (cells: string[]) => number,
  headerField: HeaderField | undefined,
): SheetLayout | null {
  const grid = findGridHeader(candidates, headerField ?? ((text) => (scoreHeader([text]) > 0 ? 'description' : undefined)));
  if (grid !== null) return { kind: 'grid', header: grid };
  const across = findTimesAcrossHeader(candidates);
  if (across !== null) return { kind: 'grid', header: across, across: true };
  const header = findHeaderRow(candidates, scoreHeader);
  if (header !== null) return { kind: 'table', header };
  const timed = candidates.filter((candidate) => candidate.texts.some((text) => isTimeShape(cellShape(text))));
  return timed.length >= MIN_TIME_ROWS ? { kind: 'headerless' } : null;
}

/** Turns a grid or headerless sheet, read whole, into table rows. Throws a file error when a headerless sheet's columns cannot be told apart. */
export function layOutRows(
  layout: Exclude<SheetLayout, { kind: 'table' }>,
  label: string,
  sheet: string,
  rows: readonly SheetRowCells[],
  merges: readonly CellMerge[],
  firstColumn = 0,
): LaidOutRows {
  if (layout.kind === 'headerless') return headerlessRows(label, sheet, rows);
  return layout.across
    ? timesAcrossRows(sheet, layout.header, rows, merges, firstColumn)
    : gridRows(sheet, layout.header, rows, merges, firstColumn);
}

/**
 * A grid's header: a first cell that is blank or names a time column ("Time", "Hora"), then at
 * least two headers that name no session field (the rooms), and below it rows whose first cell is
 * a time ("9:00", "9:00-10:30") more often than anything else, with a room empty at some time or
 * one text across rooms (see hasGridGaps), or with days for rooms (a week grid).
 */
function findGridHeader(candidates: readonly HeaderCandidate[], headerField: HeaderField): HeaderRow | null {
  for (let i = 0; i < candidates.length; i++) {
    const { row, texts } = candidates[i]!;
    if (!isGridHeaderRow(texts, headerField)) continue;
    let timed = 0;
    let other = 0;
    let gaps = false;
    const rooms = texts.map((text, index) => index > 0 && text !== '');
    for (const below of candidates.slice(i + 1)) {
      const shape = cellShape(below.texts[0] ?? '');
      if (isTimeShape(shape) || shape === 'date_time') {
        timed++;
        gaps ||= hasGridGaps(below.texts, rooms);
      } else if (shape !== 'blank' && !isDayShape(shape) && !isGridHeaderRow(below.texts, headerField)) other++;
    }
    // Columns headed by days ("Tuesday", "18/05", "2027-05-18") are a week at a glance: a day may
    // be filled at every time, and a table never has days for column names.
    const days = texts.slice(1).every((text) => text === '' || isDayLabel(text));
    if (timed >= MIN_TIME_ROWS && timed > other && (gaps || days)) return { row, headers: trimEnd(texts) };
  }
  return null;
}

/**
 * A grid on its side: a header of times ("Room | 9:00 | 10:00 | 11:00", every header after the
 * first a time) over rows that each start with a room's name.
 */
function findTimesAcrossHeader(candidates: readonly HeaderCandidate[]): HeaderRow | null {
  for (let i = 0; i < candidates.length; i++) {
    const texts = trimEnd(candidates[i]!.texts);
    const [first = '', ...rest] = texts;
    const filled = rest.filter((text) => text !== '');
    if (filled.length < MIN_TIME_ROWS || isTimeShape(cellShape(first))) continue;
    if (!filled.every((text) => isTimeShape(cellShape(text)))) continue;
    const rooms = candidates
      .slice(i + 1)
      .filter((below) => (below.texts[0] ?? '') !== '' && below.texts.slice(1).some((text) => text !== ''));
    if (rooms.length >= MIN_ROOMS) return { row: candidates[i]!.row, headers: texts };
  }
  return null;
}

/**
 * A grid on its side read as a grid: its columns become time rows and its rows room columns, each
 * session still named by its own cell of the sheet.
 */
function timesAcrossRows(
  sheet: string,
  header: HeaderRow,
  rows: readonly SheetRowCells[],
  merges: readonly CellMerge[],
  firstColumn: number,
): LaidOutRows {
  const headerCells = rows.find((row) => row.row === header.row)?.cells ?? [];
  const below = rows.filter((row) => row.row > header.row);
  const width = Math.max(headerCells.length, ...below.map((row) => row.cells.length));
  // Transposed: row j + 1 is the sheet's column j; column 0 the times, column k the k-th room row.
  const turned: SheetRowCells[] = [];
  for (let j = 0; j < width; j++) turned.push({ row: j + 1, cells: [headerCells[j] ?? null, ...below.map((row) => row.cells[j] ?? null)] });
  const roomColumn = new Map(below.map((row, k) => [row.row, k + 1]));
  const turnedMerges: CellMerge[] = [];
  for (const merge of merges) {
    const top = roomColumn.get(merge.top);
    const bottom = roomColumn.get(merge.bottom);
    if (top === undefined || bottom === undefined) continue;
    turnedMerges.push({ top: merge.left + 1, bottom: merge.right + 1, left: top, right: bottom });
  }
  const laidOut = gridRows(
    sheet,
    { row: 1, headers: turned[0]!.cells.map((cell) => cellText(cell).trim()) },
    turned,
    turnedMerges,
    0,
    (row, column) => {
      const sheetRow = below[column - 1]?.row ?? header.row;
      return { sheet: `${sheet}!${columnLetter(firstColumn + row - 1)}${sheetRow}`, row: sheetRow };
    },
  );
  laidOut.warnings[0] = laidOut.warnings[0]!.replace(
    /read as a time grid: times in column \w+, /,
    `read as a time grid on its side: times across row ${header.row}, `,
  );
  return { ...laidOut, header: { ...laidOut.header, row: header.row } };
}

/**
 * What a grid has and a table rarely does: a room left empty at some time (or covered by a
 * merged cell), or one text across several rooms (a plenary written in each). A table of a time
 * and unknown columns ("Time, Item, Who") fills every cell of every row, and is not read as a grid.
 */
function hasGridGaps(texts: readonly string[], rooms: readonly boolean[]): boolean {
  const filled: string[] = [];
  for (let c = 1; c < rooms.length; c++) {
    if (!rooms[c]) continue;
    const text = texts[c] ?? '';
    if (text === '') return true;
    filled.push(text);
  }
  return new Set(filled).size < filled.length;
}

/** A row shaped like a grid's header (also a day block's repeated header). */
export function isGridHeaderRow(texts: readonly string[], headerField: HeaderField): boolean {
  const [first = '', ...rest] = trimEnd(texts);
  // Its first cell: blank, a time column's name, or the day of the block below ("Monday 18 May").
  if (first !== '' && !isDayLabel(first)) {
    const field = headerField(first);
    if (field !== 'start' && field !== 'datetime_start') return false;
  }
  const rooms = rest.filter((text) => text !== '');
  if (rooms.length < MIN_ROOMS) return false;
  let named = 0;
  for (const room of rooms) {
    const field = headerField(room);
    if (field !== undefined && TABLE_FIELDS.has(field)) return false;
    // "Stage", "Auditorium" may name a room; a field of any other kind (Speaker, Notes) is a table's.
    if (field !== undefined && field !== 'locations' && field !== 'tracks') named++;
    if (isTimeShape(cellShape(room))) return false;
  }
  return named * 2 < rooms.length;
}

function trimEnd(texts: readonly string[]): string[] {
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end);
}
