// The XLSX form of the template: the Agenda sheet (real date and time cells, each header carrying
// its help as a note) and the "How to fill this in" sheet.
import * as XLSX from 'xlsx';
import type { CellObject, WorkSheet } from 'xlsx';
import { sheetOfCells, type SheetCell } from '../sheet-cells/index.js';
import { HELP_SHEET_NAME, buildHelpRows } from './template-help.js';
import { TEMPLATE_CLOCK, type TemplateRows } from './template-rows.js';

export const AGENDA_SHEET_NAME = 'Agenda';

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
  XLSX.utils.book_append_sheet(workbook, agendaSheet(template), AGENDA_SHEET_NAME);
  XLSX.utils.book_append_sheet(workbook, sheetFromCells(buildHelpRows(template), 110), HELP_SHEET_NAME);
  return workbook;
}

// SheetJS's built-in number formats (its SSF_init_table). A workbook without its own table is
// written with SheetJS's global one, which every earlier read or write in the process extends:
// the same workbook would then come out with different bytes depending on what ran before.
const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'm/d/yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** Workbook bytes; the same workbook gives the same bytes (the committed templates rely on it). */
export function workbookBytes(workbook: XLSX.WorkBook): Buffer {
  const own = { ...workbook, SSF: { ...BUILTIN_NUMBER_FORMATS } } as XLSX.WorkBook;
  return XLSX.write(own, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}
