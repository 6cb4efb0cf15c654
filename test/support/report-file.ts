// Reads the import report as a user's tools would: the CSV with a real CSV parser (every line
// complete, the promised columns in order) and the JSON as JSON.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ReportDocument } from '../../src/report/types.js';
import type { Summary } from '../../src/types.js';

// Written out here rather than imported from src/report/csv.ts, so the program is checked against it.
export const REPORT_COLUMNS = [
  'sheet',
  'row',
  'import_id',
  'name',
  'action',
  'outcome',
  'session_id',
  'http_status',
  'changed_fields',
  'message',
] as const;

export type CsvReportRow = Record<(typeof REPORT_COLUMNS)[number], string>;

/** Parses a CSV report; throws when it is not valid CSV or its header is not the promised one. */
export function parseCsvReport(text: string): CsvReportRow[] {
  const records = parse(text, { relaxColumnCount: false, skipEmptyLines: false }) as string[][];
  const [header, ...rows] = records;
  if (JSON.stringify(header) !== JSON.stringify(REPORT_COLUMNS)) {
    throw new Error(`report header is ${JSON.stringify(header)}, expected ${JSON.stringify(REPORT_COLUMNS)}`);
  }
  return rows.map((cells) => Object.fromEntries(REPORT_COLUMNS.map((name, i) => [name, cells[i] ?? ''])) as CsvReportRow);
}

export function readCsvReport(path: string): CsvReportRow[] {
  return parseCsvReport(readFileSync(path, 'utf8'));
}

/** The summary `--json` prints and the JSON report holds (PRODUCT.md). */
export type RunSummary = Summary;

/** The JSON report: rows, summary, run options (never the key). */
export type JsonReport = ReportDocument;

export function readJsonReport(path: string): JsonReport {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
}

/** `action/outcome` → how many rows. */
export function tally(rows: ReadonlyArray<{ action: string; outcome: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[`${row.action}/${row.outcome}`] = (counts[`${row.action}/${row.outcome}`] ?? 0) + 1;
  return counts;
}
