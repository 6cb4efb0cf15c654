// The whole `import` run as a library call: plan, guard the request budget, apply, and stream
// every result into the report as it arrives. Prints nothing; the CLI listens through callbacks.
import { applyPlan, requestCapStop } from '../apply/index.js';
import { isWriteEntry } from '../plan/types.js';
import type { RowResult } from '../apply/types.js';
import type { GuidebookClient } from '../api/types.js';
import type { GuidebookImportError } from '../errors.js';
import { entryToReportRow, exitCodeOf, reportDocument, summarize, toReportRow, type ReportWriter } from '../report/index.js';
import type { ReportDocument } from '../report/types.js';
import type { ReportRow } from '../types.js';
import { planImport, type PlanImportOptions, type PlannedImport } from './plan-file.js';
import { applySpeakers, isSpeakerWrite, speakerReportRow, type SpeakerPlan } from '../speakers/index.js';
import { applySessionImages, type SessionImageResult } from '../images/index.js';

/**
 * A session row whose image is sent names `image` among its changes. Its outcome waits for the
 * upload, which comes after the sessions are written (a new session needs its id first).
 */
function withImageChange(row: ReportRow, upload: SessionImageResult | undefined): void {
  if (upload === undefined) return;
  if (!row.changed_fields.includes('image')) row.changed_fields = [...row.changed_fields, 'image'];
  if (upload.change) row.changes = [...(row.changes ?? []), upload.change];
  if (row.action === 'unchanged') {
    row.action = 'update';
    if (upload.outcome === 'planned') row.outcome = 'planned';
  }
  if (upload.outcome === 'failed' || (upload.outcome === 'not_attempted' && row.outcome === 'done')) {
    row.outcome = upload.outcome;
    row.http_status = upload.httpStatus ?? row.http_status;
    row.message = [row.message, upload.message].filter(Boolean).join('; ');
  }
}

/** A session row whose links to speakers change names `speakers` among its changes. */
function withSpeakerChanges(row: ReportRow, plan: SpeakerPlan): void {
  if (row.record === 'speaker') return;
  const notes = plan.sessionIssues.get(row.import_id);
  if (notes) row.message = [row.message, ...notes.map((note) => note.message)].filter(Boolean).join('; ');
  const names = plan.sessionSpeakerNames.get(row.import_id);
  if (names && row.fields) row.fields = { ...row.fields, speakers: names };
  if (!plan.linkChangedSessions.has(row.import_id) || row.action === 'invalid' || row.action === 'conflict' || row.action === 'delete')
    return;
  if (!row.changed_fields.includes('speakers')) row.changed_fields = [...row.changed_fields, 'speakers'];
  if (row.action === 'unchanged') {
    row.action = 'update';
    // Its own fields are as the server has them; what changes is its links, written with the speakers.
    row.message = row.message.replace(/^unchanged(?=;|$)/, "its speaker links change (see the speakers' rows)");
  }
}

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
  const speakers = planned.speakers;
  // Session rows with an image to send are held until the upload has answered.
  const imageRows = new Set(planned.images.uploads.map((upload) => upload.importId));
  const held: Array<{ row: ReportRow; result: RowResult | null }> = [];
  let imagesDone = false;
  let uploads = new Map<string, SessionImageResult>();
  const emit = (row: ReportRow, result: RowResult | null) => {
    if (speakers) withSpeakerChanges(row, speakers.plan);
    const sendsImage = row.record !== 'speaker' && imageRows.has(row.import_id) && !['invalid', 'conflict', 'delete'].includes(row.action);
    if (sendsImage && !imagesDone) {
      held.push({ row, result });
      return;
    }
    rows.push(row);
    report?.write(row);
    options.onRow?.(row, result);
  };

  // The speakers' writes count against --max-requests too: the check is for the whole run.
  const imageUploads = planned.images.uploads.length;
  const capped = { ...plan, writeRequests: plan.writeRequests + (speakers?.plan.writeRequests ?? 0) + imageUploads };
  let stoppedBy = requestCapStop(capped, client, {
    maxRequests: options.maxRequests,
    dryRun: options.dryRun ?? false,
    writes: 'write',
    advice: 'raise --max-requests or split the sheet',
  });
  if (stoppedBy) {
    const stop = stoppedBy;
    for (const entry of plan.entries) {
      const writes = isWriteEntry(entry);
      const row = entryToReportRow(entry, writes ? 'not_attempted' : entry.action === 'unchanged' ? 'done' : 'planned');
      if (writes) row.message = [`not attempted: ${stop.message}`, row.message].filter(Boolean).join('; ');
      emit(row, null);
    }
    for (const entry of speakers?.plan.entries ?? []) {
      const writes = isSpeakerWrite(entry);
      const row = speakerReportRow(
        { entry, outcome: writes ? 'not_attempted' : 'done', itemId: entry.itemId, httpStatus: null, message: '' },
        false,
      );
      if (writes) row.message = [`not attempted: ${stop.message}`, row.message].filter(Boolean).join('; ');
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
    if (speakers) {
      // Links need the ids of the sessions this run created.
      const sessionIds = new Map(speakers.sessionIds);
      for (const result of applied.results) {
        if (result?.entry.action === 'create' && result.outcome === 'done' && result.sessionId !== null)
          sessionIds.set(result.entry.importId, result.sessionId);
      }
      const appliedSpeakers = await applySpeakers(speakers.plan, client, {
        dryRun: options.dryRun,
        signal: options.signal,
        maxInFlight: options.maxInFlight,
        sessionIds,
        imageMemory: planned.imageMemory,
        stoppedBy: applied.stoppedBy,
        onResult: (result) => emit(speakerReportRow(result, options.dryRun ?? false), null),
      });
      stoppedBy ??= appliedSpeakers.stoppedBy;
    }
    const createdIds = new Map<string, number>();
    for (const result of applied.results) {
      if (result?.entry.action === 'create' && result.outcome === 'done' && result.sessionId !== null)
        createdIds.set(result.entry.importId, result.sessionId);
    }
    const sent = await applySessionImages(planned.images, client, {
      guideId: planned.guide.id,
      memory: planned.imageMemory,
      dryRun: options.dryRun ?? false,
      createdIds,
      stopped: stoppedBy !== null,
    });
    uploads = sent.results;
    stoppedBy ??= sent.stoppedBy;
    if (!options.dryRun) planned.imageMemory.save();
  }
  imagesDone = true;
  for (const { row, result } of held.splice(0)) {
    const notSent: SessionImageResult = {
      importId: row.import_id,
      outcome: options.dryRun ? 'planned' : 'not_attempted',
      httpStatus: null,
      message: options.dryRun ? '' : 'image not uploaded: the run stopped first',
    };
    withImageChange(row, uploads.get(row.import_id) ?? notSent);
    emit(row, result);
  }

  const summary = summarize(rows, client.requestCount);
  const document = reportDocument({
    command: 'import',
    file,
    guideId: planned.guide.id,
    dryRun: options.dryRun ?? false,
    startedAt,
    options: options.reportOptions ?? {},
    summary,
    warnings: planned.warnings,
    stoppedBy,
    rows,
  });
  await report?.finish(document);
  return { document, planned, stoppedBy, exitCode: exitCodeOf({ summary, stoppedBy }) };
}
