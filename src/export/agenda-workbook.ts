import * as XLSX from 'xlsx';
import { AGENDA_SHEET, sheetOfCells, styleHeaderRow, workbookBytes } from '../sheet-cells/index.js';
import { notesRows } from './agenda-notes.js';
import { EXPORT_CLOCK } from './export-cell.js';
import type { ExportedAgenda } from './types.js';

export const NOTES_SHEET = 'Notes';
const MAX_COLUMN_WIDTH = 60;

/**
 * The agenda as XLSX bytes: the "Agenda" sheet (bold, frozen header row with filters; real date
 * and time cells) and the "Notes" sheet explaining the file. The same agenda gives the same bytes,
 * in any process.
 */
export function agendaWorkbookBytes(agenda: ExportedAgenda): Buffer {
  const agendaSheet = sheetOfCells([agenda.headers, ...agenda.rows], { clock: EXPORT_CLOCK, maxWidth: MAX_COLUMN_WIDTH });
  agendaSheet['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: agenda.rows.length, c: agenda.headers.length - 1 } }) };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, agendaSheet, AGENDA_SHEET);
  XLSX.utils.book_append_sheet(workbook, sheetOfCells(notesRows(agenda), { clock: EXPORT_CLOCK, maxWidth: 110 }), NOTES_SHEET);
  return styleHeaderRow(workbookBytes(workbook, { sharedStrings: true }), 1);
}
