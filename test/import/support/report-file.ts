// Reading a report back as a spreadsheet program or a script would: the CSV with csv-parse (a
// header, then whole rows, or it throws), the JSON form with JSON.parse.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ReportDocument } from '../../../src/report/types.js';

export const REPORT_HEADER = ['sheet', 'row', 'import_id', 'name', 'action', 'outcome', 'session_id', 'http_status', 'changed_fields', 'message'] as const;

export type CsvReportRow = Record<(typeof REPORT_HEADER)[number], string>;

/** The CSV report's rows; throws unless the first line is exactly the promised header. */
export function readCsvReport(path: string): CsvReportRow[] {
  const records = parse(readFileSync(path, 'utf8'), { relax_column_count: false }) as string[][];
  const [header, ...rows] = records;
  if (JSON.stringify(header) !== JSON.stringify(REPORT_HEADER)) throw new Error(`unexpected report header ${JSON.stringify(header)}`);
  return rows.map((cells) => Object.fromEntries(REPORT_HEADER.map((name, i) => [name, cells[i] ?? ''])) as CsvReportRow);
}

export function readJsonReport(path: string): ReportDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as ReportDocument;
}

/** `action/outcome` → how many rows. */
export function tally(rows: ReadonlyArray<{ action: string; outcome: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[`${row.action}/${row.outcome}`] = (counts[`${row.action}/${row.outcome}`] ?? 0) + 1;
  return counts;
}
