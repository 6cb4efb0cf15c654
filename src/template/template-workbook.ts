// The XLSX form of the template: the Agenda sheet (real date and time cells, each header carrying
// its help as a note), the Speakers sheet and the "How to fill this in" sheet.
import * as XLSX from 'xlsx';
import type { CellObject, WorkSheet } from 'xlsx';
import { AGENDA_SHEET, sheetOfCells, type SheetCell } from '../sheet-cells/index.js';
import { HELP_SHEET, buildHelpRows } from './template-help.js';
import { TEMPLATE_CLOCK, type TemplateRows } from './template-rows.js';
import { buildSpeakerTemplateRows, SPEAKERS_SHEET, speakerHelpRows } from './speaker-template.js';

/** A sheet from rows of cells, times as people type them; column widths fit the longest text, within limits. */
export function sheetFromCells(rows: ReadonlyArray<ReadonlyArray<SheetCell>>, maxWidth = 60): WorkSheet {
  return sheetOfCells(rows, { clock: TEMPLATE_CLOCK, maxWidth });
}

/** A sheet whose header cells carry their help as notes. */
function annotatedSheet(template: { headers: readonly string[]; help: readonly string[]; examples: SheetCell[][] }): WorkSheet {
  const sheet = sheetFromCells([template.headers, ...template.examples], 40);
  template.headers.forEach((_, c) => {
    const header = sheet[XLSX.utils.encode_cell({ r: 0, c })] as CellObject;
    const note = Object.assign([{ a: 'guidebook-import', t: template.help[c] ?? '' }], { hidden: true });
    header.c = note;
  });
  return sheet;
}

export function templateWorkbook(template: TemplateRows): XLSX.WorkBook {
  const speakers = buildSpeakerTemplateRows();
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, annotatedSheet(template), AGENDA_SHEET);
  XLSX.utils.book_append_sheet(workbook, annotatedSheet(speakers), SPEAKERS_SHEET);
  const help = [...buildHelpRows(template), [], ...speakerHelpRows(speakers)];
  XLSX.utils.book_append_sheet(workbook, sheetFromCells(help, 110), HELP_SHEET);
  return workbook;
}
