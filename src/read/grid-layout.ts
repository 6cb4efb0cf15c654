import type { CellValue, RawRow } from '../types.js';
import { cellShape, isDayLabel, isTimeShape, splitTimeRange } from './cell-shape.js';
import { cellText, isBlankCell } from './cell-value.js';
import { quoteList } from './file-error.js';
import type { HeaderRow } from './header-row.js';
import type { CellMerge, LaidOutRows, SheetRowCells } from './sheet-layout.js';

// A time grid: times down the first column, one column per room (the header names the rooms),
// session titles in the cells, perhaps several day blocks each headed by a day row ("Monday",
// "18 May") and perhaps its own header row. Each filled cell is one session:
// - in the room of its column; a cell merged across several room columns is ONE session in all
//   those rooms (a plenary), not one copy per room;
// - starting at its row's time and ending at the next time row's time, or at the end of its row's
//   own range ("9:00-10:30"); a cell merged down several rows ends where its last row ends; a cell
//   that says its own times ("Keynote (9:00-10:30)") keeps them;
// - titled by its first line; further lines become the description;
// - named in the report by its cell: sheet "Program!C5", row 5.
// The same text in adjacent cells (a merged cell exported without its merge, as CSV does) is one
// session over all of them, as the merged cell was.
// Columns headed by days (Monday, Tuesday, or dates) make a week grid: the column gives the day
// of its cells, and there are no rooms.

/** The importer's own column names for a grid's sessions: each is a header the field table knows. */
export const GRID_COLUMNS = ['Date', 'Start', 'End', 'Room', 'Title', 'Description'] as const;

/**
 * What a grid's closing row says in its rooms ("18:00 | End of day"): folded (lower case, no
 * trailing dot). "Closing" is not here: a closing session is a session.
 */
const END_MARKERS: ReadonlySet<string> = new Set(['end', 'end of day', 'close of day', 'ende', 'fin', 'fine', 'einde', 'fim', '終了']);

/** The day of a grid that names none. */
const FIRST_DAY = 'Day 1';

interface Slot {
  row: number;
  cells: CellValue[];
  /** The day block it belongs to (counts up at each day row). */
  block: number;
  day: CellValue;
  /** Its time cell is a full date-time ("2027-05-18 09:00"): it needs no day. */
  dated: boolean;
  start: CellValue;
  /** The end its own time cell gives ("9:00-10:30"), if any. */
  ownEnd: CellValue;
  rooms: readonly string[];
  /** Its filled cells only say the day ends ("End of day"): a time for the row before to end at. */
  closing: boolean;
}

// "Keynote (9:00-10:30)", "Keynote [9:00 – 10:30]": a title with its own times at the end.
const OWN_TIMES = /^(.*?)\s*[([]\s*([^()[\]]*\d[^()[\]]*)\s*[)\]]\s*$/s;

export function gridRows(
  sheet: string,
  header: HeaderRow,
  rows: readonly SheetRowCells[],
  merges: readonly CellMerge[],
  firstColumn = 0,
  /** Where the cell at (row, column) of these rows sits in the sheet (a grid on its side was turned). */
  place: (row: number, column: number) => { sheet: string; row: number } = (row, column) => ({
    sheet: `${sheet}!${columnLetter(firstColumn + column)}${row}`,
    row,
  }),
): LaidOutRows {
  const anchors = new Map<string, CellMerge>();
  const covered = new Set<string>();
  for (const merge of merges) {
    anchors.set(`${merge.top}:${merge.left}`, merge);
    for (let r = merge.top; r <= merge.bottom; r++) {
      for (let c = merge.left; c <= merge.right; c++) if (r !== merge.top || c !== merge.left) covered.add(`${r}:${c}`);
    }
  }

  const sheetDay: CellValue = isDayLabel(sheet) ? sheet : null;
  let rooms = roomNames(header.headers, firstColumn);
  // Columns headed Monday, Tuesday… (or dates) are days, not rooms: a week at a glance.
  const weekGrid = rooms.filter((room) => room !== '').every((room) => isDayLabel(room));
  let day: CellValue = sheetDay;
  let block = 0;
  // A day row may be followed by that day's own header row (its rooms may differ).
  let afterDayRow = false;
  let lastDateKey: string | null = null;
  const slots: Slot[] = [];
  const dayRows: number[] = [];
  const skipped: number[] = [];
  for (const { row, cells } of rows) {
    if (row < header.row) {
      // A day row above the grid's header ("Monday 18 May") gives the first block its day.
      const only = cells.filter((cell) => !isBlankCell(cell));
      if (only.length === 1 && (cellShape(only[0]!) === 'date' || isDayLabel(cellText(only[0]!)))) day = only[0]!;
      continue;
    }
    const texts = cells.map((cell) => cellText(cell).trim());
    if (row === header.row) {
      // A header whose first cell names a day ("Monday 18 May | Hall A | Hall B") dates its block.
      if (isDayCell(cells[0] ?? null)) day = cells[0] ?? null;
      continue;
    }
    const filled = texts.filter((text) => text !== '');
    if (filled.length === 0) continue;
    if (isRepeatedHeader(texts, header.headers, afterDayRow)) {
      rooms = roomNames(texts, firstColumn);
      if (!afterDayRow && isDayCell(cells[0] ?? null)) {
        day = cells[0] ?? null;
        block++;
        dayRows.push(row);
      }
      afterDayRow = false;
      continue;
    }
    afterDayRow = false;
    const shape = cellShape(cells[0] ?? null);
    if (shape === 'date_time') {
      // Full date-times: a new date starts a new block (no session ends on the next day's first row).
      const key = dateKeyOf(cells[0] ?? null);
      if (lastDateKey !== null && key !== lastDateKey) block++;
      lastDateKey = key;
    }
    if (isTimeShape(shape) || shape === 'date_time') {
      const range = shape === 'time' ? null : splitTimeRange(texts[0]!);
      slots.push({
        row,
        cells,
        block,
        // A full date-time in the time column carries its own day.
        day: shape === 'date_time' ? null : day,
        dated: shape === 'date_time',
        start: range ? range.start : (cells[0] ?? null),
        ownEnd: range ? range.end : null,
        rooms,
        closing: isClosingRow(texts.slice(1)),
      });
      continue;
    }
    const dayCell = filled.length === 1 ? cells.find((cell) => !isBlankCell(cell)) : undefined;
    if (dayCell !== undefined && (cellShape(dayCell) === 'date' || isDayLabel(cellText(dayCell)))) {
      day = dayCell;
      block++;
      dayRows.push(row);
      afterDayRow = true;
      continue;
    }
    skipped.push(row);
  }

  // A grid that names no day at all (no day row, no day in the sheet's name) is one day: day 1,
  // which --first-day dates (without it, the time engine asks for it).
  const undated = slots.filter((slot) => !slot.dated);
  const dayless = !weekGrid && undated.length > 0 && undated.every((slot) => slot.day === null);
  if (dayless) for (const slot of undated) slot.day = FIRST_DAY;
  const out: RawRow[] = [];
  const textAt = (slot: Slot, c: number): string => (covered.has(`${slot.row}:${c}`) ? '' : cellText(slot.cells[c] ?? null).trim());
  /** The same text in the same column of the time row before, in the same day block. */
  const continues = (before: Slot | undefined, slot: Slot | undefined, c: number): boolean =>
    before !== undefined &&
    slot !== undefined &&
    before.block === slot.block &&
    textAt(slot, c) !== '' &&
    textAt(before, c) === textAt(slot, c);
  let joined = 0;
  const closingRows: number[] = [];
  slots.forEach((slot, index) => {
    // The last time row of a block that only says "End": the time the row before ends, no session.
    if (slot.closing && slots[index + 1]?.block !== slot.block) {
      closingRows.push(slot.row);
      return;
    }
    for (let c = 1; c < slot.cells.length; c++) {
      const cell = slot.cells[c];
      if (isBlankCell(cell ?? null) || covered.has(`${slot.row}:${c}`)) continue;
      // A merged cell exported without its merge repeats its text in each cell it covered: the
      // same text as the cell above (or, across rooms, to the left) is part of that session.
      if (continues(slots[index - 1], slot, c)) continue;
      if (!weekGrid && c > 1 && textAt(slot, c - 1) === textAt(slot, c)) continue;
      const merge = anchors.get(`${slot.row}:${c}`);
      let down = index;
      while (continues(slots[down], slots[down + 1], c)) down++;
      const lastRow = Math.max(merge?.bottom ?? slot.row, slots[down]!.row);
      let right = c;
      while (!weekGrid && merge === undefined && right + 1 < slot.cells.length && textAt(slot, right + 1) === textAt(slot, c)) right++;
      if (down > index || right > c) joined++;
      let last = index;
      while (last + 1 < slots.length && slots[last + 1]!.block === slot.block && slots[last + 1]!.row <= lastRow) last++;
      const next = slots[last + 1];
      let start: CellValue = slot.start;
      let end: CellValue = slots[last]!.ownEnd ?? (next !== undefined && next.block === slot.block ? next.start : null);
      const columns = merge ? range(merge.left, Math.min(merge.right, slot.rooms.length - 1)) : range(c, right);
      const roomList = columns.map((column) => slot.rooms[column] ?? '').filter((name) => name !== '');
      const [firstLine = '', ...moreLines] = cellText(cell ?? null)
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
      let title = firstLine;
      const own = OWN_TIMES.exec(firstLine);
      const ownRange = own ? splitTimeRange(own[2] ?? '') : null;
      if (own && ownRange && (own[1] ?? '') !== '') {
        title = (own[1] ?? '').trim();
        start = ownRange.start;
        end = ownRange.end;
      }
      const details = moreLines.length > 0 ? moreLines.join('\n') : null;
      const session: RawRow = {
        ...place(slot.row, c),
        cells: weekGrid
          ? // A week grid names days, not rooms, over its columns: the column gives the day.
            [slot.rooms[c] ?? null, start, end, title, details]
          : [slot.day, start, end, roomList.join('; ') || null, title, details],
      };
      // The last time row (of its day) has no next time to end at: said on the row, not guessed.
      if (isBlankCell(end)) {
        session.notes = [
          `the grid has no time row after row ${slots[last]!.row} for this session to end at: it is imported without an end time (add a closing row, e.g. "18:00 | End", or write its times in the cell)`,
        ];
      }
      out.push(session);
    }
  });

  const roomText = quoteList(rooms.filter((room) => room !== ''));
  const warnings = [
    `sheet ${JSON.stringify(sheet)} read as a time grid: times in column ${columnLetter(firstColumn)}, ${weekGrid ? 'days' : 'rooms'} ${roomText}; ` +
      `${out.length} session${out.length === 1 ? '' : 's'}, each named by its cell (e.g. "${out[0]?.sheet ?? `${sheet}!B${header.row + 1}`}")`,
  ];
  if (dayless) {
    warnings.push(
      `sheet ${JSON.stringify(sheet)} names no day (no day row, no day in its name): its sessions are on day 1, the date --first-day gives`,
    );
  }
  if (joined > 0) {
    warnings.push(
      `sheet ${JSON.stringify(sheet)}: ${joined} session${joined === 1 ? '' : 's'} written in several adjacent cells with the same text read as one (as a merged cell)`,
    );
  }
  if (closingRows.length > 0) {
    warnings.push(
      `sheet ${JSON.stringify(sheet)}: row(s) ${closingRows.join(', ')} only say the day ends ("End"): their time ends the row before, and they are no session`,
    );
  }
  if (dayRows.length > 0)
    warnings.push(`sheet ${JSON.stringify(sheet)}: ${dayRows.length} day row(s) start a day (rows ${dayRows.join(', ')})`);
  if (skipped.length > 0) {
    warnings.push(
      `sheet ${JSON.stringify(sheet)}: ${skipped.length} row(s) of the time grid skipped, their first cell is no time (rows ${skipped.slice(0, 20).join(', ')}${skipped.length > 20 ? ', …' : ''})`,
    );
  }
  // A week grid has no rooms: without a Room column, its sessions' locations are left alone.
  const headers = weekGrid ? GRID_COLUMNS.filter((name) => name !== 'Room') : [...GRID_COLUMNS];
  return { header: { sheet, row: header.row, headers }, rows: out, warnings };
}

/** Room names by cell index; a blank header over filled cells is named by its column letter. */
function roomNames(texts: readonly string[], firstColumn: number): string[] {
  return texts.map((text, index) => (index === 0 ? '' : text.trim() || `Column ${columnLetter(firstColumn + index)}`));
}

/**
 * The grid's header again, for the next day block: its first cell blank or the header's own, and
 * mostly the same rooms; or, right after a day row, any rooms (a day may have rooms of its own).
 */
function isRepeatedHeader(texts: readonly string[], headers: readonly string[], afterDayRow: boolean): boolean {
  const dayFirst = !isBlankText(texts[0]) && isDayLabel(texts[0]!);
  if (!isBlankText(texts[0]) && texts[0] !== headers[0] && !dayFirst) return false;
  const rooms = texts.slice(1).filter((text) => text !== '');
  if (rooms.length < 2 || rooms.some((room) => isTimeShape(cellShape(room)))) return false;
  // A day's own header: its first cell the day, the rest its rooms.
  if (afterDayRow || (dayFirst && !rooms.every((room) => isDayLabel(room)))) return true;
  const known = new Set(headers.slice(1).filter((text) => text !== ''));
  return rooms.filter((room) => known.has(room)).length * 2 > rooms.length;
}

/** The date part of a date-time cell, as written: "2027-05-18 09:00-10:30" → "2027-05-18". */
function dateKeyOf(cell: CellValue): string {
  if (cell !== null && typeof cell === 'object') return `${cell.parts.year}-${cell.parts.month}-${cell.parts.day}`;
  return cellText(cell)
    .trim()
    .replace(/[\sT,@]*\d{1,2}[:.h]\d{2}.*$/i, '');
}

/** A date cell, or a text naming a day. */
function isDayCell(cell: CellValue): boolean {
  return cellShape(cell) === 'date' || (typeof cell === 'string' && isDayLabel(cell));
}

/** Room cells that say only that the day ends (a bare time row says nothing, and is no closing row). */
function isClosingRow(roomTexts: readonly string[]): boolean {
  const filled = roomTexts.filter((text) => text !== '');
  return filled.length > 0 && filled.every(isEndMarker);
}

function isEndMarker(text: string): boolean {
  return END_MARKERS.has(
    text
      .trim()
      .toLowerCase()
      .replace(/[.!]+$/, ''),
  );
}

function isBlankText(text: string | undefined): boolean {
  return text === undefined || text === '';
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** "A", "B", …, "Z", "AA": a column as a spreadsheet names it (0-based index). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
