import * as XLSX from 'xlsx';
import { excelSerial } from '../time/excel-serial.js';
import type { CellObject, WorkSheet } from 'xlsx';
import { notesRows } from './agenda-notes.js';
import type { ExportCell, ExportedAgenda } from './types.js';
import { styleHeaderRow } from './workbook-styling.js';

export const AGENDA_SHEET = 'Agenda';
export const NOTES_SHEET = 'Notes';
const MAX_COLUMN_WIDTH = 60;

/** A SheetJS cell: dates and times as numeric serials carrying a date or time number format. */
function workbookCell(cell: ExportCell): CellObject | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  const seconds = 'second' in cell && cell.second !== 0 ? ':ss' : '';
  switch (cell.kind) {
    case 'date':
      return { t: 'n', v: excelSerial(cell.year, cell.month, cell.day), z: 'yyyy-mm-dd' };
    case 'time':
      return { t: 'n', v: (cell.hour * 3600 + cell.minute * 60 + cell.second) / 86_400, z: `hh:mm${seconds}` };
    case 'datetime':
      return {
        t: 'n',
        v: excelSerial(cell.year, cell.month, cell.day, cell.hour, cell.minute, cell.second),
        z: `yyyy-mm-dd hh:mm${seconds}`,
      };
  }
}

/** A sheet of cells whose columns are as wide as their longest line, within limits. */
function sheetOf(rows: ReadonlyArray<ReadonlyArray<ExportCell>>, maxWidth: number): WorkSheet {
  const sheet: WorkSheet = {};
  const widths: number[] = [];
  const columnNames: string[] = [];
  let lastColumn = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const value = row[c]!;
      const cell = workbookCell(value);
      if (!cell) continue;
      // Cell addresses built from a per-column prefix: encode_cell per cell is slow on 100k rows.
      const column = (columnNames[c] ??= XLSX.utils.encode_col(c));
      sheet[`${column}${r + 1}`] = cell;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(displayWidth(value, maxWidth) + 2, maxWidth));
      if (c > lastColumn) lastColumn = c;
    }
  }
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: lastColumn } });
  sheet['!cols'] = Array.from({ length: lastColumn + 1 }, (_, c) => ({ wch: widths[c] ?? 8 }));
  return sheet;
}

/** Characters a cell shows on its widest line (at most `cap`). */
function displayWidth(value: ExportCell, cap: number): number {
  if (value === null) return 0;
  if (typeof value === 'string') return longestLine(value, cap);
  if (typeof value === 'number') return String(value).length;
  const seconds = 'second' in value && value.second !== 0 ? 3 : 0;
  return value.kind === 'date' ? 10 : value.kind === 'time' ? 5 + seconds : 16 + seconds;
}

/** The longest line's length, or `cap` as soon as a line reaches it (a 20,000-character text). */
function longestLine(text: string, cap: number): number {
  let longest = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const length = (end === -1 ? text.length : end) - start;
    if (length > longest) longest = length;
    if (end === -1 || longest >= cap) return longest;
    start = end + 1;
  }
}

/**
 * The agenda as XLSX bytes: the "Agenda" sheet (bold, frozen header row with filters; real date
 * and time cells) and the "Notes" sheet explaining the file. The same agenda gives the same bytes.
 */
export function agendaWorkbookBytes(agenda: ExportedAgenda): Buffer {
  const agendaSheet = sheetOf([agenda.headers, ...agenda.rows], MAX_COLUMN_WIDTH);
  agendaSheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: agenda.rows.length, c: agenda.headers.length - 1 } }) };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, agendaSheet, AGENDA_SHEET);
  XLSX.utils.book_append_sheet(workbook, sheetOf(notesRows(agenda), 110), NOTES_SHEET);
  const bytes = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer;
  return styleHeaderRow(bytes, 1);
}
