// The days of a sheet as people type them, settled on the raw rows before they are mapped:
// - a row with one filled cell is a section row ("FRIDAY", "Tag 0", "MINI CURSOS"), never a
//   session: one that names a day (a date, a weekday, "Day 2", "18 May") sets the day of the
//   rows below it; any other is skipped. The run says how many of each and where.
// - a date written only on the first row of each day is carried down to the rows below it with a
//   blank date (a multi-line date cell, "Friday\n18 May", reads as one line);
// - a sheet named for a day ("Monday", "Day 1", "18 May") gives its date to rows that have none.
// The time engine reads these day texts into dates (with --first-day where they need it); a
// sheet without a Date column gets one, "Date", holding each row's day.
import type { ColumnMap } from '../map/index.js';
import { cellText, isBlankCell } from '../read/cell-value.js';
import { cellShape, isDayLabel } from '../read/cell-shape.js';
import type { CellValue, RawRow, SheetHeader } from '../types.js';

export interface RowDays {
  /** Settles the row's day; false for a section row, which is left out. Rows in sheet order. */
  take(raw: RawRow): boolean;
  /**
   * After the sheet's last row: the header, with a Date column added when days came only from
   * section rows or the sheet name (each row then given its day), and the notes for the run.
   */
  finish(header: SheetHeader, rows: readonly RawRow[]): { header: SheetHeader; notes: string[] };
}

/** The column a sheet without one gets for the days its section rows or its name give. */
export const ADDED_DATE_COLUMN = 'Date';

export function createRowDays(sheet: string, columnMap: ColumnMap): RowDays {
  const dateIndex = columnMap.columns.find((column) => column.field === 'date')?.index;
  const startIndex = columnMap.columns.find((column) => column.field === 'start')?.index;
  const hasDateTime = columnMap.fields.has('datetime_start');
  const sheetDay: CellValue = isDayLabel(sheet) ? sheet : null;
  let day: CellValue = sheetDay;
  // Where the current day comes from, for the run's notes.
  let dayFrom: 'sheet' | 'day row' | 'row' = 'sheet';
  const dayRows: number[] = [];
  const skipped: Array<{ row: number; text: string }> = [];
  const taken = { sheet: 0, 'day row': 0, row: 0 };
  const added = new Map<RawRow, CellValue>();

  /** A start that carries its own date ("2027-05-18 9:00") needs no day. */
  const datedStart = (raw: RawRow): boolean =>
    startIndex !== undefined && ['date_time', 'date'].includes(cellShape(raw.cells[startIndex] ?? null));

  return {
    take(raw) {
      let only: CellValue | undefined;
      let filled = 0;
      for (const cell of raw.cells) {
        if (isBlankCell(cell)) continue;
        if (++filled > 1) break;
        only = cell;
      }
      if (filled === 1 && raw.cells.length > 1) {
        const shape = cellShape(only ?? null);
        if (shape === 'date' || isDayLabel(cellText(only ?? null))) {
          day = oneLine(only ?? null);
          dayFrom = 'day row';
          dayRows.push(raw.row);
        } else {
          skipped.push({ row: raw.row, text: cellText(only ?? null).trim() });
        }
        return false;
      }
      if (dateIndex !== undefined) {
        const cell = raw.cells[dateIndex] ?? null;
        if (!isBlankCell(cell)) {
          day = oneLine(cell);
          raw.cells[dateIndex] = day;
          dayFrom = 'row';
        } else if (day !== null && !datedStart(raw)) {
          raw.cells[dateIndex] = day;
          taken[dayFrom]++;
        }
      } else if (!hasDateTime && day !== null && !datedStart(raw)) {
        added.set(raw, day);
        taken[dayFrom]++;
      }
      return true;
    },
    finish(header, rows) {
      const notes: string[] = [];
      const where = `sheet ${JSON.stringify(sheet)}`;
      if (skipped.length > 0) {
        const listed = skipped
          .slice(0, 5)
          .map(({ row, text }) => `row ${row} ${JSON.stringify(text.length > 30 ? `${text.slice(0, 29)}…` : text)}`);
        notes.push(
          `${where}: ${skipped.length} section row${skipped.length === 1 ? '' : 's'} (one filled cell, no day) skipped: ${listed.join(', ')}${skipped.length > 5 ? ', …' : ''}`,
        );
      }
      if (dayRows.length > 0) {
        notes.push(
          `${where}: ${dayRows.length} day row${dayRows.length === 1 ? '' : 's'} set the day of the rows below (rows ${list(dayRows)})`,
        );
      }
      const counted = (count: number): string => `${count} row${count === 1 ? '' : 's'}`;
      if (taken.row > 0) notes.push(`${where}: ${counted(taken.row)} with a blank date take the date of the row above`);
      if (taken['day row'] > 0) notes.push(`${where}: ${counted(taken['day row'])} without a date take the day of the day row above`);
      if (taken.sheet > 0) notes.push(`${where}: ${counted(taken.sheet)} without a date take the day the sheet's name gives`);
      if (added.size === 0) return { header, notes };
      const width = header.headers.length;
      for (const raw of rows) {
        raw.cells.length = width;
        raw.cells.push(added.get(raw) ?? null);
      }
      notes.push(`${where}: no date column: a "${ADDED_DATE_COLUMN}" column holds the day of each row (from day rows or the sheet name)`);
      return { header: { ...header, headers: [...header.headers, ADDED_DATE_COLUMN] }, notes };
    },
  };
}

/** A multi-line day cell ("Friday\n18 May") as one line; other cells as they are. */
function oneLine(cell: CellValue): CellValue {
  return typeof cell === 'string' && /[\r\n]/.test(cell) ? cell.replace(/\s*[\r\n]+\s*/g, ' ').trim() : cell;
}

function list(rows: readonly number[]): string {
  return rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
}
