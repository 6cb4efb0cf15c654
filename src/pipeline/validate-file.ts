// `validate`: read, map, convert and validate offline. There is no server to compare against, so
// every valid row is a planned create; the planner still decides invalid and conflict rows, so
// validate and import can never disagree about a row.
import { planImport as buildPlan } from '../plan/index.js';
import type { Plan } from '../plan/types.js';
import { entryToReportRow, summarize } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { TimeOptions } from '../time/index.js';
import { convertSheet } from './convert-sheet.js';
import { loadSheet, type SheetInput } from './load-sheet.js';

export interface ValidateFileOptions extends SheetInput {
  timezone?: string;
  dateFormat?: string;
  overnight?: boolean;
}

export interface ValidatedFile {
  document: ReportDocument;
  plan: Plan;
}

/** Validates a sheet without any network. Never prints or exits; run-level problems throw. */
export async function validateFile(file: string, options: Omit<ValidateFileOptions, 'file'> = {}): Promise<ValidatedFile> {
  const startedAt = new Date().toISOString();
  const sheet = await loadSheet({ file, sheet: options.sheet, mapping: options.mapping });
  const time: TimeOptions = { timezone: options.timezone, dateFormat: options.dateFormat, overnight: options.overnight };
  const converted = convertSheet(sheet, time);
  const plan = buildPlan({
    guideId: 0,
    rows: converted.rows,
    serverSessions: [],
    tracks: [],
    locations: [],
    readRequests: 0,
    // Offline, track and location names cannot be checked against a guide: count them as new.
    options: { createMissing: true, prune: false, yes: 0 },
  });
  const rows = plan.entries.map((entry) => entryToReportRow(entry, 'planned'));
  const document: ReportDocument = {
    version: 1,
    command: 'validate',
    file,
    guideId: null,
    dryRun: true,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: { sheet: options.sheet, mapping: typeof options.mapping === 'string' ? options.mapping : options.mapping?.source, ...time },
    summary: summarize(rows, 0),
    warnings: [...sheet.warnings, ...converted.warnings],
    rows,
  };
  return { document, plan };
}
