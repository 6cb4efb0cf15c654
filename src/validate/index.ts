export { type ConvertOptions, convertOptionsFor } from './convert-options.js';
export { convertRows, collectSheetFacts, convertSheetRows, type ConvertedSheetRows, type SheetFacts } from './convert-rows.js';
export { type DescriptionHtml, descriptionToHtml, looksLikeHtml, plainTextToHtml, sanitiseDescriptionHtml } from './description-html.js';
export { ALLOWED_TAGS, PRESENTATIONAL_ATTRIBUTES, TAG_ATTRIBUTES } from './html-allowlist.js';
export { deriveImportId, hasOwnImportId } from './import-ids.js';
export { createYesNoReader } from './yes-no.js';
export { readNumber } from './read-number.js';
export { actionForFailedRow } from './row-action.js';
export { splitList } from './split-list.js';
