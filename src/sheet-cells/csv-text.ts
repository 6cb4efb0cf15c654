// CSV text as spreadsheet programs write it: RFC 4180 quoting, CRLF line ends. Cells are written
// as they are, with no formula guard: these are data files meant for the importer, which never
// evaluates a cell, and a description beginning with "=" must come back unchanged.
import { sheetCellText } from './cell-text.js';
import type { ClockStyle, SheetCell } from './sheet-cell.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV, times in the clock style given, a CRLF after every record. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<SheetCell>>, clock: ClockStyle): string {
  return `${rows.map((row) => row.map((cell) => csvField(sheetCellText(cell, clock))).join(',')).join('\r\n')}\r\n`;
}
