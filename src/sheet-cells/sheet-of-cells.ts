import * as XLSX from 'xlsx';
import type { WorkSheet } from 'xlsx';
import { sheetCellText } from './cell-text.js';
import type { ClockStyle, SheetCell } from './sheet-cell.js';
import { xlsxCell } from './xlsx-cell.js';

export interface SheetOfCellsOptions {
  clock: ClockStyle;
  /** The widest a column gets, in characters. */
  maxWidth: number;
}

/** A SheetJS sheet of rows of cells; each column as wide as its longest line, within limits. */
export function sheetOfCells(rows: ReadonlyArray<ReadonlyArray<SheetCell>>, options: SheetOfCellsOptions): WorkSheet {
  const { clock, maxWidth } = options;
  const sheet: WorkSheet = {};
  const widths: number[] = [];
  const columnNames: string[] = [];
  let lastColumn = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < row.length; c++) {
      const value = row[c]!;
      const cell = xlsxCell(value, clock);
      if (!cell) continue;
      // Cell addresses built from a per-column prefix: encode_cell per cell is slow on 100k rows.
      const column = (columnNames[c] ??= XLSX.utils.encode_col(c));
      sheet[`${column}${r + 1}`] = cell;
      widths[c] = Math.max(widths[c] ?? 8, Math.min(longestLine(sheetCellText(value, clock), maxWidth) + 2, maxWidth));
      if (c > lastColumn) lastColumn = c;
    }
  }
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: lastColumn } });
  sheet['!cols'] = Array.from({ length: lastColumn + 1 }, (_, c) => ({ wch: widths[c] ?? 8 }));
  return sheet;
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
