// Mapped rows to the sessions they would write, or their issues.
export {
  collectSheetFacts,
  convertOptionsFor,
  convertRows,
  convertSheetRows,
  type ConvertedSheetRows,
  type ConvertOptions,
  type SheetFacts,
} from './convert-rows.js';
export { collectColumnFormatEvidence, inferColumnFormats, type ColumnFormatEvidence } from './column-formats.js';
export { convertCellToUtc, convertRowTimes, sheetSpanWarnings, type RowTimes } from './row-times.js';
export { type DescriptionHtml, descriptionToHtml, looksLikeHtml, plainTextToHtml, sanitiseDescriptionHtml } from './description-html.js';
export { ALLOWED_TAGS, PRESENTATIONAL_ATTRIBUTES, TAG_ATTRIBUTES } from './html-allowlist.js';
export { deriveImportId, hasOwnImportId } from './import-ids.js';
export { createYesNoReader, readNumber, splitList } from './row-values.js';
