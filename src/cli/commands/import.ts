import { resolve } from 'node:path';
import { normalizeImportOptions, type ImportOptions } from '../../options/run-options.js';
import { defaultReportPath } from '../../report/report-path.js';
import { connect, type Connection } from '../connect.js';
import { guardReport, reportFailureSummary } from '../guarded-report.js';
import { takeRunLock } from '../take-run-lock.js';
import { runInputs } from '../run-inputs.js';
import { assertReportTarget } from '../report-target.js';
import type { RunLock } from '../run-lock.js';
import type { Progress } from '../progress.js';
import { redactSecrets } from '../redact.js';
import { reportError } from '../report-error.js';
import type { CliCommand } from './command.js';
import { flagsWithConfig, say } from './run-context.js';
import { connectionOptions, sheetOptions } from './shared-options.js';
import { onInterrupt } from './interrupt.js';

export const importCommand: CliCommand = {
  command: 'import <file>',
  describe: 'Read, validate, plan against the guide, apply and report',
  builder: (yargs) =>
    connectionOptions(sheetOptions(yargs))
      .option('dry-run', { type: 'boolean', describe: 'Read the guide and plan; write nothing' })
      .option('prune', { type: 'boolean', describe: 'Delete sessions whose import_id is absent from the sheet (needs --yes)' })
      .option('yes', { type: 'count', describe: 'Confirm deletes; twice lifts the "sheet much smaller than guide" stop' })
      .option('max-deletes', { type: 'string', describe: 'With --prune: refuse to delete more than this many sessions' })
      .option('create-missing', { type: 'boolean', describe: 'Create tracks and locations named in the sheet that the guide lacks' })
      .option('lock-wait', { type: 'string', describe: 'Seconds to wait for another writing run into the same guide (default 0: refuse)' })
      .example('$0 import agenda.xlsx --guide 47 --dry-run', 'show what would change')
      .example('$0 import agenda.xlsx --guide 47 --create-missing --report run.html', 'import and write an HTML report')
      .example('$0 import samples/devcon-2027.xlsx --guide 1 --sandbox', 'rehearse against a local sandbox'),
  run: async (args) => {
    let connection: Connection | null = null;
    // Set from inside the run (see takeLock), so kept in an object TypeScript does not narrow.
    const held: { lock: RunLock | null } = { lock: null };
    const controller = new AbortController();
    const stopListening = onInterrupt(controller);
    try {
      const options = normalizeImportOptions(flagsWithConfig(args));
      assertReportTarget(options.report ?? defaultReportPath(options.file), runInputs(options, args));
      connection = await connect(options, { signal: controller.signal });
      const connected = connection;
      // Taken once the guide has answered (a run that cannot reach it never holds the lock) and
      // before its sessions are listed: from then on a second run would plan the same creates.
      // A dry run writes nothing, so it may run beside anything.
      const takeLock = options.dryRun
        ? undefined
        : async () => {
            held.lock = await takeRunLock(connected, options.guide, options.lockWait);
          };
      return await importWith(options, connection, controller, takeLock);
    } catch (error) {
      return reportError(error);
    } finally {
      stopListening();
      held.lock?.release();
      await connection?.close();
    }
  },
};

async function importWith(
  options: Readonly<ImportOptions>,
  connection: Connection,
  controller: AbortController,
  beforeListing: (() => Promise<void>) | undefined,
): Promise<number> {
  const started = Date.now();
  // Loaded when the command runs, not when the CLI starts: the pipeline, the report writers and
  // cli-progress are for this command alone (the HTTP client comes with connect()).
  const [{ formatPlanTotals, isWriteEntry }, { runImport }, { createReportWriter, exitCodeOf, formatSummaryText }, { createProgress }] =
    await Promise.all([
      import('../../plan/index.js'),
      import('../../pipeline/run-import.js'),
      import('../../report/index.js'),
      import('../progress.js'),
    ]);
  const reportPath = options.report ?? defaultReportPath(options.file);
  const report = guardReport(reportPath, controller);
  let progress: Progress | null = null;
  let writes = 0;
  const run = await runImport(options.file, {
    ...options,
    client: connection.client,
    apiVersion: /\/v1\/?$/.test(connection.apiUrl) ? 'v1' : 'v1.1',
    signal: controller.signal,
    beforeListing,
    maxInFlight: options.concurrency * 2,
    openReport: () => report.open(() => createReportWriter(reportPath)),
    reportOptions: reportOptionsOf(options),
    onPlanned: (planned) => {
      for (const warning of planned.warnings) say(`warning: ${warning}`);
      say(
        `Guide ${planned.guide.id} "${planned.guide.name}", time zone ${planned.guide.timezone ?? '(none)'}${options.dryRun ? ' (dry run: nothing will be written)' : ''}`,
      );
      say(formatPlanTotals(planned.plan));
      writes = planned.plan.entries.filter(isWriteEntry).length;
    },
    onRow: (_row, result) => {
      // Started by the first write that comes back, so a plan refused before writing shows none.
      if (!result || options.dryRun || !isWriteEntry(result.entry)) return;
      progress ??= createProgress(writes);
      progress.tick(result);
    },
  });
  (progress as Progress | null)?.stop();
  const failure = report.failure;
  if (failure) say(reportFailureSummary(failure, run.document.summary));
  else if (run.stoppedBy) say(`stopped early: ${redactSecrets(run.stoppedBy.message)}`);
  say(formatSummaryText(run.document, { reportPath: resolve(reportPath), durationMs: Date.now() - started }));
  if (options.json) process.stdout.write(`${JSON.stringify(run.document.summary)}\n`);
  return exitCodeOf({ summary: run.document.summary, stoppedBy: run.stoppedBy, reportFailed: failure !== null });
}

/** The options as the report shows them: what the run was asked to do, never a secret. */
function reportOptionsOf(options: Readonly<ImportOptions>): Record<string, unknown> {
  const { apiKeyFile: _omitFile, ...rest } = options;
  return { ...rest };
}
