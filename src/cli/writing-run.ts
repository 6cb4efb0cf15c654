// One run of a command that may write to a guide (import, dedupe): the report target checked
// against the run's inputs, the guide connected, the per-guide lock taken once the guide has
// answered (a run that cannot reach it never holds it), Ctrl-C turned into a clean stop, and
// everything released however the run ends; then one way to close it on the terminal. The
// command supplies only its own work in between.
import { resolve } from 'node:path';
import type { RequestInfo } from '../api/types.js';
import type { GuidebookImportError } from '../errors.js';
import type { ConnectionOptions } from '../options/run-options.js';
import type { ReportDocument } from '../report/types.js';
import type { PublishOutcome } from './publish-step.js';
import { onInterrupt } from './commands/interrupt.js';
import { inform, say } from './commands/run-context.js';
import { painterFor } from './colour.js';
import { connect, type Connection } from './connect.js';
import { guardReport, reportFailureSummary, type ReportGuard } from './guarded-report.js';
import { reportError } from './report-error.js';
import { assertReportTarget, type RunInput } from './report-target.js';
import type { RunLock } from './run-lock.js';
import { takeRunLock } from './take-run-lock.js';

export interface WritingRun {
  connection: Connection;
  controller: AbortController;
  report: ReportGuard;
  reportPath: string;
  apiVersion: 'v1' | 'v1.1';
  /** Takes the per-guide lock before the guide's sessions are listed; undefined for a run that writes nothing. */
  beforeListing: (() => Promise<void>) | undefined;
  /** Set by the command to hear of each request as it starts (the progress bar counts track and room creates). */
  requests: { onRequest?: (info: RequestInfo) => void };
}

export interface WritingRunSetup<O> {
  options: O;
  reportPath: string;
  inputs: readonly RunInput[];
  /** False for a run that writes nothing (a dry run): it takes no lock. */
  writes: boolean;
}

/** `prepare` reads the options inside the run, so a bad option is reported like any run error: one line, exit 2. */
export async function writingRun<O extends Readonly<ConnectionOptions & { guide: number; lockWait: number }>>(
  prepare: () => WritingRunSetup<O>,
  work: (options: O, run: WritingRun) => Promise<number>,
): Promise<number> {
  let connection: Connection | null = null;
  // Set from inside the run (beforeListing), so kept in an object TypeScript does not narrow.
  const held: { lock: RunLock | null } = { lock: null };
  const controller = new AbortController();
  const stopListening = onInterrupt(controller);
  const requests: WritingRun['requests'] = {};
  try {
    const setup = prepare();
    const { options } = setup;
    assertReportTarget(setup.reportPath, setup.inputs);
    connection = await connect(options, { signal: controller.signal, onRequest: (info) => requests.onRequest?.(info) });
    const connected = connection;
    return await work(options, {
      connection,
      controller,
      report: guardReport(setup.reportPath, controller),
      reportPath: setup.reportPath,
      apiVersion: /\/v1\/?$/.test(connection.apiUrl) ? 'v1' : 'v1.1',
      requests,
      beforeListing: setup.writes
        ? async () => {
            held.lock = await takeRunLock(connected, options.guide, options.lockWait);
          }
        : undefined,
    });
  } catch (error) {
    return reportError(error);
  } finally {
    stopListening();
    held.lock?.release();
    await connection?.close();
  }
}

/** The end of a writing run on the terminal: why it stopped, the summary, --json, the exit code. */
export async function finishWritingRun(
  run: { document: ReportDocument; stoppedBy: GuidebookImportError | null },
  report: ReportGuard,
  display: {
    reportPath: string;
    started: number;
    json: boolean | undefined;
    /** What publishing (or not) came to, told after the summary; a refusal makes a clean run exit 1. */
    published?: PublishOutcome | null;
  },
): Promise<number> {
  const [{ exitCodeOf, formatSummaryText, tallyRows }, { jsonSummary }] = await Promise.all([
    import('../report/index.js'),
    import('../report/json-summary.js'),
  ]);
  const failure = report.failure;
  const paint = painterFor(process.stderr);
  const stopped = failure
    ? reportFailureSummary(failure, run.document.summary)
    : run.stoppedBy
      ? `stopped early: ${run.stoppedBy.message}`
      : null;
  if (stopped) say(paint('warn', stopped));
  const reportPath = resolve(display.reportPath);
  const tally = tallyRows(run.document.rows);
  inform(
    formatSummaryText(run.document, {
      reportPath,
      durationMs: Date.now() - display.started,
      tally,
      paint,
      stoppedBy: run.stoppedBy?.code ?? null,
    }),
  );
  let exitCode = exitCodeOf({ summary: run.document.summary, stoppedBy: run.stoppedBy, reportFailed: failure !== null });
  const published = display.published;
  if (published?.refused) {
    say(published.message);
    if (exitCode === 0) exitCode = 1;
  } else if (published) inform(published.message);
  if (display.json) {
    // The reason alone ("interrupted: …"), without the terminal's "stopped early:" lead.
    const reason = failure ? stopped : (run.stoppedBy?.message ?? null);
    process.stdout.write(`${JSON.stringify(jsonSummary(run.document, tally, { exitCode, reportPath, stopped: reason }))}\n`);
  }
  return exitCode;
}

/** The options as the report shows them: what the run was asked to do, never a secret's file. */
export function reportOptionsOf<T extends { apiKeyFile?: string }>(options: T): Record<string, unknown> {
  const { apiKeyFile: _omitFile, ...rest } = options;
  return { ...rest };
}
