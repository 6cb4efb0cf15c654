// The sheets guidebook-import writes (export, template, samples): typed cells and how they become
// XLSX cells and CSV text.
export {
  AGENDA_SHEET,
  date,
  dateTime,
  time,
  type ClockStyle,
  type SheetCell,
  type SheetDate,
  type SheetDateTime,
  type SheetTime,
} from './sheet-cell.js';
export { sheetCellText } from './cell-text.js';
export { sheetOfCells } from './sheet-of-cells.js';
export { csvText } from './csv-text.js';
export { workbookBytes } from './workbook-bytes.js';
export { styleHeaderRow, PATCHED_SHEETJS_VERSION } from './sheetjs-header-style.js';
