// A blank copy of Guidebook Builder's own schedule import layout. Teams often start from it, and
// the importer reads it as it is; the copy in templates/ is made from here.
import * as XLSX from 'xlsx';
import { csvText, workbookBytes } from '../sheet-cells/index.js';
import type { TemplateFormat } from './template-format.js';
import { TEMPLATE_CLOCK } from './template-rows.js';
import { sheetFromCells } from './template-workbook.js';

export const BUILDER_SCHEDULE_HEADERS: readonly string[] = [
  'Session Title',
  'Date',
  'Time Start',
  'Time End',
  'Room/Location',
  'Schedule Track (Optional)',
  'Description (Optional)',
];

// Builder's own sheet carries its instructions in rows above the header.
const BUILDER_INSTRUCTIONS: readonly string[] = [
  'Schedule Import Template: enter one session per row below the column headers. Do not rename, reorder or remove the columns.',
  'Date as MM/DD/YYYY; Time Start and Time End as HH:MM AM/PM. Separate several schedule tracks with a semicolon (;). Columns marked (Optional) may be left blank.',
];

const BUILDER_SHEET = 'Schedule';

export function builderTemplateBytes(format: TemplateFormat): Buffer {
  if (format === 'csv') return Buffer.from(csvText([BUILDER_SCHEDULE_HEADERS], TEMPLATE_CLOCK), 'utf8');
  const sheet = sheetFromCells([[BUILDER_INSTRUCTIONS[0]!], [BUILDER_INSTRUCTIONS[1]!], [...BUILDER_SCHEDULE_HEADERS]], 28);
  // The instructions are long single cells; keep the columns sized for the headers, not for them.
  sheet['!cols'] = BUILDER_SCHEDULE_HEADERS.map((header) => ({
    wch: Math.max(header.length + 2, header.startsWith('Description') ? 50 : 14),
  }));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, BUILDER_SHEET);
  return workbookBytes(workbook);
}
