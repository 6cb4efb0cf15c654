// Local wall-clock times from a sheet to UTC instants, exact across zones and DST.
export type { TimeOptions, ColumnFormats, RowTimes, DateTimeField, DayMonthOrder } from './time-types.js';
export { DATE_TIME_FIELDS } from './time-types.js';
export { inferColumnFormats, collectColumnFormatEvidence, type ColumnFormatEvidence } from './infer-formats.js';
export { convertRowTimes } from './convert-row.js';
export { convertCellToUtc } from './convert-cell.js';
export { sheetSpanWarnings } from './warnings.js';
export { isValidZone, normaliseZoneName } from './zone-names.js';
export { formatLocal, sameInstant, parseInstant, isCanonicalIso } from './api-instant.js';
export { withoutCaches } from './without-caches.js';
