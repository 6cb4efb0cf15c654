// The whole `dedupe` run as a library call: the sheet (when given, offline first, so a bad file
// costs no request), the guide and its sessions listed once, the pure planner (planDedupe in plan/plan-deletes.ts),
// then — with `yes` — the deletes through apply, every result streamed into the report as it
// arrives. Without `yes` it is a dry run: every row planned, nothing sent. Prints nothing.
import { applyPlan, requestCapStop } from '../apply/index.js';
import type { GuidebookClient } from '../api/types.js';
import type { GuidebookImportError } from '../errors.js';
import { planDedupe, type DedupeSheet } from '../plan/plan-deletes.js';
import type { Plan } from '../plan/types.js';
import { entryToReportRow, exitCodeOf, reportDocument, summarize, toReportRow, type ReportWriter } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { ApiGuide, ReportRow } from '../types.js';
import { readSheet } from './sheet-rows.js';
import { listGuide } from './plan-file.js';

export interface RunDedupeOptions {
  client: GuidebookClient;
  guide: number;
  /** The sheet whose rows decide which duplicate to keep. */
  sheetFile?: string;
  sheet?: string | number;
  mapping?: string;
  timezone?: string;
  dateFormat?: string;
  overnight?: boolean;
  /** Carry out the deletes; without it nothing is written. */
  yes: boolean;
  apiVersion?: 'v1' | 'v1.1';
  maxRequests?: number;
  signal?: AbortSignal;
  /** Once the guide has answered, before its sessions are listed (the CLI takes its run lock here). */
  beforeListing?: (guide: ApiGuide) => void | Promise<void>;
  openReport?: () => ReportWriter;
  onPlanned?: (planned: { plan: Plan; guide: ApiGuide; warnings: string[] }) => void;
  onRow?: (row: ReportRow) => void;
  reportOptions?: Record<string, unknown>;
}

export interface DedupeRun {
  document: ReportDocument;
  plan: Plan;
  stoppedBy: GuidebookImportError | null;
  /** As import's: 2 when a rejected key stopped it, 3 for other stops. */
  exitCode: 0 | 1 | 2 | 3;
}

export async function runDedupe(options: RunDedupeOptions): Promise<DedupeRun> {
  const startedAt = new Date().toISOString();
  const { client } = options;
  const loaded = options.sheetFile ? await readSheet({ file: options.sheetFile, sheet: options.sheet, mapping: options.mapping }) : null;
  const before = client.requestCount;
  const guide = await client.getGuide(options.guide);
  await options.beforeListing?.(guide);
  const apiVersion = options.apiVersion ?? 'v1.1';
  const warnings: string[] = [];
  const convertedRows = loaded?.convert({
    timezone: options.timezone,
    guideTimezone: guide.timezone ?? undefined,
    dateFormat: options.dateFormat,
    overnight: options.overnight,
    guideWindow: { start_date: guide.start_date ?? null, end_date: guide.end_date ?? null },
  });
  // Every row is weighed against every duplicate group, so the converted rows are held.
  const converted = convertedRows ? { rows: [...convertedRows.rows], warnings: convertedRows.warnings() } : null;
  if (loaded && converted) warnings.push(...loaded.warnings, ...converted.warnings);
  // As import does: a sheet without a track or room column does not list them.
  const rows = converted?.rows ?? [];
  const { serverSessions, tracks, locations } = await listGuide(client, guide.id, rows, apiVersion);
  const sheet: DedupeSheet | undefined = converted ? { rows: converted.rows, tracks, locations, apiVersion } : undefined;
  const plan = planDedupe({
    guideId: guide.id,
    serverSessions,
    sheet,
    yes: options.yes,
    sheetName: loaded?.sheet ?? '',
    readRequests: client.requestCount - before,
  });
  options.onPlanned?.({ plan, guide, warnings });

  const report = options.openReport?.();
  const reported: ReportRow[] = [];
  const emit = (row: ReportRow) => {
    reported.push(row);
    report?.write(row);
    options.onRow?.(row);
  };
  const dryRun = !options.yes;
  let stoppedBy = requestCapStop(plan, client, {
    maxRequests: options.maxRequests,
    dryRun,
    writes: 'delete',
    advice: 'raise --max-requests',
  });
  if (stoppedBy) {
    const stop = stoppedBy;
    for (const entry of plan.entries) {
      const row = entryToReportRow(entry, entry.action === 'delete' ? 'not_attempted' : 'done');
      if (entry.action === 'delete') row.message = `not attempted: ${stop.message}; ${row.message}`;
      emit(row);
    }
  } else {
    const applied = await applyPlan(plan, client, {
      dryRun,
      signal: options.signal,
      onResult: (result) => emit(toReportRow(result, dryRun)),
    });
    stoppedBy = applied.stoppedBy;
  }

  const summary = summarize(reported, client.requestCount);
  const document = reportDocument({
    command: 'dedupe',
    file: options.sheetFile ?? null,
    guideId: guide.id,
    dryRun,
    startedAt,
    options: options.reportOptions ?? {},
    summary,
    warnings,
    stoppedBy,
    rows: reported,
  });
  await report?.finish(document);
  return { document, plan, stoppedBy, exitCode: exitCodeOf({ summary, stoppedBy }) };
}
