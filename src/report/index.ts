export { toReportRow, entryToReportRow } from './report-row.js';
export { summarize, createRowTally, tallyRows, type RowTally } from './summary.js';
export { createReportWriter, type ReportWriter } from './report-writer.js';
export { formatSummaryText } from './summary-text.js';
export { reportDocument } from './report-document.js';
export { exitCodeOf } from './exit-code.js';
export { reportFormatFor } from './report-path.js';
export type * from './types.js';
