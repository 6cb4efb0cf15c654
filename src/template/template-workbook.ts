// The XLSX form of the template: the Agenda sheet (real date and time cells, each header carrying
// its help as a note) and the "How to fill this in" sheet.
import * as XLSX from 'xlsx';
import type { CellObject, WorkSheet } from 'xlsx';
import { AGENDA_SHEET, sheetOfCells, type SheetCell } from '../sheet-cells/index.js';
import { HELP_SHEET, buildHelpRows } from './template-help.js';
import { TEMPLATE_CLOCK, type TemplateRows } from './template-rows.js';

/** A sheet from rows of cells, times as people type them; column widths fit the longest text, within limits. */
export function sheetFromCells(rows: ReadonlyArray<ReadonlyArray<SheetCell>>, maxWidth = 60): WorkSheet {
  return sheetOfCells(rows, { clock: TEMPLATE_CLOCK, maxWidth });
}

function agendaSheet(template: TemplateRows): WorkSheet {
  const sheet = sheetFromCells([template.headers, ...template.examples], 40);
  template.headers.forEach((_, c) => {
    const header = sheet[XLSX.utils.encode_cell({ r: 0, c })] as CellObject;
    const note = Object.assign([{ a: 'guidebook-import', t: template.help[c] ?? '' }], { hidden: true });
    header.c = note;
  });
  return sheet;
}

export function templateWorkbook(template: TemplateRows): XLSX.WorkBook {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, agendaSheet(template), AGENDA_SHEET);
  XLSX.utils.book_append_sheet(workbook, sheetFromCells(buildHelpRows(template), 110), HELP_SHEET);
  return workbook;
}
