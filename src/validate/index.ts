// Mapped rows to the sessions they would write, or their issues.
export {
  collectSheetFacts,
  convertOptionsFor,
  convertRows,
  convertSheetRows,
  type ConvertedSheetRows,
  type ConvertSheetOptions,
  type ConvertOptions,
  type SheetFacts,
} from './convert-rows.js';
export { inferColumnFormats } from './column-formats.js';
export { convertCellToUtc, convertRowTimes, sheetSpanWarnings, type RowTimes } from './row-times.js';
export { descriptionToHtml } from './description-html.js';
