// The whole `import` run as a library call: plan, guard the request budget, apply, and stream
// every result into the report as it arrives. Prints nothing; the CLI listens through callbacks.
import { applyPlan } from '../apply/index.js';
import { isWriteEntry } from '../plan/write-entry.js';
import type { RowResult } from '../apply/types.js';
import type { GuidebookClient } from '../api/types.js';
import { GuidebookImportError, exitCodeFor } from '../errors.js';
import { entryToReportRow, summarize, toReportRow, type ReportWriter } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { ReportRow } from '../types.js';
import { planImport, type PlanImportOptions, type PlannedImport } from './plan-file.js';

export interface RunImportOptions extends PlanImportOptions {
  dryRun?: boolean;
  maxRequests?: number;
  /** Write entries in flight at most (2 × concurrency is plenty: the client's throttle paces). */
  maxInFlight?: number;
  signal?: AbortSignal;
  /** Opens the report once the plan stands (a run that cannot start leaves any old report alone). */
  openReport?: () => ReportWriter;
  onPlanned?: (planned: PlannedImport) => void;
  onRow?: (row: ReportRow, result: RowResult | null) => void;
  /** The run's options as the report should show them (never the key). */
  reportOptions?: Record<string, unknown>;
}

export interface ImportRun {
  document: ReportDocument;
  planned: PlannedImport;
  /** Why the run stopped early (budget, max_requests, interrupted, auth, redirect), or null. */
  stoppedBy: GuidebookImportError | null;
  /** 2 when a rejected key or a redirect stopped it (the run could not go on), 3 for other stops. */
  exitCode: 0 | 1 | 2 | 3;
}

export async function runImport(file: string, options: RunImportOptions): Promise<ImportRun> {
  const startedAt = new Date().toISOString();
  const client: GuidebookClient = options.client;
  const planned = await planImport(file, options);
  options.onPlanned?.(planned);
  const { plan } = planned;
  const report = options.openReport?.();

  const rows: ReportRow[] = [];
  const emit = (row: ReportRow, result: RowResult | null) => {
    rows.push(row);
    report?.write(row);
    options.onRow?.(row, result);
  };

  let stoppedBy: GuidebookImportError | null = null;
  const budgetLeft = options.maxRequests === undefined ? Infinity : options.maxRequests - client.requestCount;
  if (!options.dryRun && plan.writeRequests > budgetLeft) {
    // Refuse before the first write: a half-applied plan is worse than none when the cap is known.
    stoppedBy = new GuidebookImportError(
      'max_requests',
      `the plan needs ${plan.writeRequests} write requests but --max-requests leaves ${Math.max(0, budgetLeft)}; nothing was written (raise --max-requests or split the sheet)`,
    );
    for (const entry of plan.entries) {
      const writes = isWriteEntry(entry);
      const row = entryToReportRow(entry, writes ? 'not_attempted' : entry.action === 'unchanged' ? 'done' : 'planned');
      if (writes) row.message = [`not attempted: ${stoppedBy.message}`, row.message].filter(Boolean).join('; ');
      emit(row, null);
    }
  } else {
    const applied = await applyPlan(plan, client, {
      dryRun: options.dryRun,
      signal: options.signal,
      maxInFlight: options.maxInFlight,
      // Planned moments ago: tracks and locations to create are looked up in that listing.
      knownReferences: planned.listing,
      onResult: (result) => emit(toReportRow(result, options.dryRun ?? false), result),
    });
    stoppedBy = applied.stoppedBy;
  }

  const summary = summarize(rows, client.requestCount);
  const document: ReportDocument = {
    version: 1,
    command: 'import',
    file,
    guideId: planned.guide.id,
    dryRun: options.dryRun ?? false,
    startedAt,
    finishedAt: new Date().toISOString(),
    options: options.reportOptions ?? {},
    summary,
    warnings: stoppedBy ? [...planned.warnings, stoppedBy.message] : planned.warnings,
    rows,
  };
  await report?.finish(document);
  const rowsBad = summary.invalid + summary.conflicts + summary.failed > 0;
  return { document, planned, stoppedBy, exitCode: stoppedBy ? exitCodeFor(stoppedBy.code) : rowsBad ? 1 : 0 };
}
