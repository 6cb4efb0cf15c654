export { toReportRow, entryToReportRow, joinIssues } from './report-row.js';
export { summarize, createRowTally, type RowTally } from './summary.js';
export { REPORT_COLUMNS, csvHeaderLine, reportRowToCsvLine, textCell } from './csv.js';
export { orderReportRows } from './order.js';
export { finishedDocument, renderJsonReport } from './finished-document.js';
export { reportFormatFor, defaultReportPath, type ReportFormat } from './report-path.js';
export { createReportWriter, type ReportWriter } from './report-writer.js';
export { formatSummaryText, formatDuration } from './summary-text.js';
export type * from './types.js';
