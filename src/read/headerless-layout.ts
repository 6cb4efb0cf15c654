import type { RawRow } from '../types.js';
import { type CellShape, cellShape, isTimeShape } from './cell-shape.js';
import { cellText, isBlankCell } from './cell-value.js';
import { fileError } from './file-error.js';
import { columnLetter } from './grid-layout.js';
import { alignCells } from './header-row.js';
import type { LaidOutRows, SheetRowCells } from './sheet-layout.js';

// A sheet typed without a header row: each column is named by what its cells hold, with the
// importer's own column names, so the later stages read it as a table. The rules, in order:
// - dates or day labels ("Friday", "Day 2") in 80% of a column's filled cells: Date (one such column at most);
// - times or time ranges ("9:00", "9:00-10:30") in 80%: Start, and a second one End (two at most);
// - date-times in 80% (when no time column): Start Date Time, and a second one End Date Time;
// - text with mostly distinct values: the longest on average is the Title, when it is clearly
//   longer (1.5 times) than any other column whose texts never repeat; one averaging over 100
//   characters is the Description;
// - other text with repeated values (rooms, tracks): the first is the Room, the second the Track;
// - anything else keeps the name "Column X" and is not imported (the run says so).
// Rows with one filled cell (section rows, day rows) are left out of the counts. Without a start
// column or a title, or with a column kind the rules cannot settle, the file is refused with a
// message asking for a header row or a mapping file: a sheet is never read by a guess.

/** Filled cells of a kind, at least this share of a column's filled cells. */
const KIND_SHARE = 0.8;
const DISTINCT_SHARE = 0.6;
const TITLE_LEAD = 1.5;
const DESCRIPTION_LENGTH = 100;

interface ColumnStats {
  index: number;
  filled: number;
  shapes: Map<CellShape, number>;
  distinct: number;
  averageLength: number;
}

export function headerlessRows(label: string, sheet: string, rows: readonly SheetRowCells[]): LaidOutRows {
  const width = Math.max(0, ...rows.map(({ cells }) => lastFilled(cells) + 1));
  const data = rows.filter(({ cells }) => cells.filter((cell) => !isBlankCell(cell)).length > 1);
  // A first row of words over columns of times is a header whose names are not known
  // ("Uhrzeit", "Vortrag"): reading it as a session, or the sheet without it, would be a guess.
  const [first, ...later] = data;
  if (first?.cells.every((cell) => isBlankCell(cell) || cellShape(cell) === 'text')) {
    const timed = first.cells.some((_, index) => later.filter(({ cells }) => isTimeShape(cellShape(cells[index] ?? null))).length >= 2);
    if (timed) {
      throw fileError(
        label,
        `${sheetWords(sheet)}row ${first.row} looks like a header row (${first.cells
          .filter((cell) => !isBlankCell(cell))
          .map((cell) => JSON.stringify(cellText(cell).trim()))
          .join(', ')}), but its names give no title and start the importer knows; ` +
          'rename the columns (e.g. Date, Start, End, Title, Room) or map them with --mapping',
      );
    }
  }
  const stats = Array.from({ length: width }, (_, index) => columnStats(index, data));
  const names = stats.map((column) => `Column ${columnLetter(column.index)}`);
  const refuse = (why: string): never => {
    throw fileError(
      label,
      `${sheetWords(sheet)}has no header row, and its columns cannot be told apart by what they hold (${why}): ` +
        'add a header row (e.g. Date, Start, End, Title, Room) or map the columns with --mapping',
    );
  };

  const share = (column: ColumnStats, ...shapes: CellShape[]): number =>
    column.filled === 0 ? 0 : shapes.reduce((sum, shape) => sum + (column.shapes.get(shape) ?? 0), 0) / column.filled;
  const filled = stats.filter((column) => column.filled > 0);
  const dates = filled.filter((column) => share(column, 'date', 'day_label') >= KIND_SHARE);
  const times = filled.filter((column) => share(column, 'time', 'time_range') >= KIND_SHARE);
  const dateTimes = filled.filter((column) => share(column, 'date_time') >= KIND_SHARE);
  const texts = filled.filter((column) => !dates.includes(column) && !times.includes(column) && !dateTimes.includes(column));
  if (dates.length > 1) refuse(`columns ${letters(dates)} all hold dates`);
  if (times.length > 2) refuse(`columns ${letters(times)} all hold times`);
  if (times.length === 0 && dateTimes.length === 0) refuse(noTimesReason(filled, share));
  if (times.length === 0 && dateTimes.length > 2) refuse(`columns ${letters(dateTimes)} all hold date-times`);

  if (dates[0]) names[dates[0].index] = 'Date';
  if (times.length > 0) {
    names[times[0]!.index] = 'Start';
    if (times[1]) names[times[1].index] = 'End';
  } else {
    names[dateTimes[0]!.index] = 'Start Date Time';
    if (dateTimes[1]) names[dateTimes[1].index] = 'End Date Time';
  }

  const words = texts.filter((column) => share(column, 'text', 'day_label') >= KIND_SHARE);
  const distinct = words.filter((column) => column.distinct >= Math.max(2, column.filled * DISTINCT_SHARE) || column.filled === 1);
  const long = distinct.filter((column) => column.averageLength > DESCRIPTION_LENGTH);
  const titles = distinct.filter((column) => !long.includes(column)).sort((a, b) => b.averageLength - a.averageLength);
  const [title] = titles;
  if (title === undefined) refuse('no column holds titles');
  // A rival for the titles: another column of texts that never repeat (a room or a track repeats).
  const runnerUp = titles.find((column) => column !== title && column.distinct === column.filled);
  if (runnerUp !== undefined && title!.averageLength < runnerUp.averageLength * TITLE_LEAD) {
    refuse(`columns ${letters([title!, runnerUp].sort((a, b) => a.index - b.index))} could both hold the titles`);
  }
  names[title!.index] = 'Title';
  if (long.length === 1) names[long[0]!.index] = 'Description';
  // Short texts that repeat: the rooms, then the tracks.
  const repeated = words.filter((column) => column !== title && !long.includes(column) && column.distinct < column.filled);
  if (repeated[0]) names[repeated[0].index] = 'Room';
  if (repeated[1]) names[repeated[1].index] = 'Track';

  const out: RawRow[] = rows.map(({ row, cells }) => ({ sheet, row, cells: alignCells([...cells], width) }));
  const read = names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !name.startsWith('Column '))
    .map(({ name, index }) => `${columnLetter(index)} = ${name}`)
    .join(', ');
  return {
    header: { sheet, row: 0, headers: names },
    rows: out,
    warnings: [
      `${sheetWords(sheet)}has no header row: its columns are read by what they hold: ${read} (add a header row or --mapping to choose otherwise)`,
    ],
  };
}

function columnStats(index: number, rows: readonly SheetRowCells[]): ColumnStats {
  const shapes = new Map<CellShape, number>();
  const seen = new Set<string>();
  let filled = 0;
  let length = 0;
  for (const { cells } of rows) {
    const cell = cells[index] ?? null;
    if (isBlankCell(cell)) continue;
    filled++;
    const shape = cellShape(cell);
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    const text = cellText(cell).trim();
    seen.add(text.toLowerCase());
    length += text.length;
  }
  return { index, filled, shapes, distinct: seen.size, averageLength: filled === 0 ? 0 : length / filled };
}

function lastFilled(cells: readonly unknown[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlankCell((cells[i] ?? null) as never)) return i;
  return -1;
}

/**
 * Why no column reads as the start: none holds a time at all, or the one holding most holds too
 * few for a guess ("Time" above "09:00" and "10:00-11:00" is 2 of 3: a header the importer did
 * not recognise, most likely).
 */
function noTimesReason(columns: readonly ColumnStats[], share: (column: ColumnStats, ...shapes: CellShape[]) => number): string {
  let best: ColumnStats | undefined;
  for (const column of columns)
    if (share(column, 'time', 'time_range', 'date_time') > (best ? share(best, 'time', 'time_range', 'date_time') : 0)) best = column;
  if (best === undefined) return 'no column holds times';
  const timed = ['time', 'time_range', 'date_time'].reduce((sum, shape) => sum + (best.shapes.get(shape as CellShape) ?? 0), 0);
  return `column ${columnLetter(best.index)} holds times in only ${timed} of its ${best.filled} filled cells, too few to read it as the start without a header`;
}

function letters(columns: readonly ColumnStats[]): string {
  return columns.map((column) => columnLetter(column.index)).join(', ');
}

function sheetWords(sheet: string): string {
  return /\.(csv|tsv|txt)$/i.test(sheet) ? '' : `sheet ${JSON.stringify(sheet)} `;
}
