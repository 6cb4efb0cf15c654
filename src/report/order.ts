import type { ReportRow } from '../types.js';

/**
 * The finished report's order: sheet by sheet (in the order sheets first appear, which is the
 * workbook's order), rows by number, and the deletes (no sheet row) last by import_id. Results
 * arrive in completion order under concurrency; the finished report should read like the sheet.
 */
export function orderReportRows(rows: readonly ReportRow[]): ReportRow[] {
  const sheetRank = new Map<string, number>();
  for (const row of rows) {
    if (row.action !== 'delete' && !sheetRank.has(row.sheet)) sheetRank.set(row.sheet, sheetRank.size);
  }
  return [...rows].sort((a, b) => {
    const aDelete = a.action === 'delete' ? 1 : 0;
    const bDelete = b.action === 'delete' ? 1 : 0;
    if (aDelete !== bDelete) return aDelete - bDelete;
    if (aDelete) return a.import_id < b.import_id ? -1 : a.import_id > b.import_id ? 1 : 0;
    const bySheet = (sheetRank.get(a.sheet) ?? 0) - (sheetRank.get(b.sheet) ?? 0);
    if (bySheet !== 0) return bySheet;
    return (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER);
  });
}
