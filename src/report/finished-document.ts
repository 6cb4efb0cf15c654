import type { ReportDocument } from './types.js';
import { orderReportRows } from './order.js';

// Options travel into the report as given; a key, token or password must never be among them,
// whoever assembled the object.
const SECRET_OPTION = /key|token|secret|password|authori[sz]ation|credential/i;

/** The document as it is written: rows in report order, options without anything secret. */
export function finishedDocument(doc: ReportDocument): ReportDocument {
  const options = Object.fromEntries(Object.entries(doc.options).filter(([name]) => !SECRET_OPTION.test(name)));
  return { ...doc, options, rows: orderReportRows(doc.rows) };
}

/**
 * The JSON report: the document, pretty at the top and one line per row, so a 100k-row report
 * stays a reasonable size and still diffs row by row.
 */
export function renderJsonReport(doc: ReportDocument): string {
  const { rows, ...head } = finishedDocument(doc);
  const top = JSON.stringify({ ...head, rows: [] }, null, 2);
  if (rows.length === 0) return `${top}\n`;
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `${top.replace(/"rows": \[\]\n\}$/, `"rows": [\n${body}\n  ]\n}`)}\n`;
}
