import { resolve } from 'node:path';
import { normalizeDedupeOptions, type DedupeOptions } from '../../options/run-options.js';
import { connect, type Connection } from '../connect.js';
import { guardReport, reportFailureSummary } from '../guarded-report.js';
import { reportError } from '../report-error.js';
import { assertReportTarget } from '../report-target.js';
import { runInputs } from '../run-inputs.js';
import type { RunLock } from '../run-lock.js';
import { takeRunLock } from '../take-run-lock.js';
import type { CliCommand } from './command.js';
import { onInterrupt } from './interrupt.js';
import { flagsWithConfig, say } from './run-context.js';
import { connectionOptions } from './shared-options.js';

export const dedupeCommand: CliCommand = {
  command: 'dedupe',
  describe: 'Plan (and with --yes do) the removal of extra sessions that share one import_id',
  builder: (yargs) =>
    connectionOptions(yargs)
      .option('sheet-file', { type: 'string', describe: "Keep the session matching this sheet's row (default: the oldest)" })
      .option('sheet', { type: 'string', describe: 'With --sheet-file: worksheet to read, by name or 1-based index' })
      .option('mapping', { type: 'string', describe: 'With --sheet-file: mapping file (JSON)' })
      .option('timezone', { type: 'string', describe: "With --sheet-file: IANA zone of the sheet's local times" })
      .option('date-format', { type: 'string', describe: 'With --sheet-file: Luxon format of the date column' })
      .option('overnight', { type: 'boolean', describe: 'With --sheet-file: an end time earlier than the start means the next day' })
      .option('yes', { type: 'boolean', describe: 'Delete the extra sessions (without it: only plan and report)' })
      .option('report', { type: 'string', describe: 'Report path: .csv (default guide-<id>.dedupe.report.csv), .json or .html' })
      .option('json', { type: 'boolean', describe: 'Print one JSON summary on stdout' })
      .option('lock-wait', { type: 'string', describe: 'With --yes: seconds to wait for another writing run into the guide (default 0)' })
      .option('config', { type: 'string', describe: 'Config file (default: ./guidebook-import.config.json if present)' })
      .example('$0 dedupe --guide 47', 'list the sessions that share an import_id and which would go')
      .example('$0 dedupe --guide 47 --sheet-file agenda.xlsx --yes', 'keep the session matching the sheet, delete the others'),
  run: async (args) => {
    let connection: Connection | null = null;
    // Set from inside the run (see beforeListing), so kept in an object TypeScript does not narrow.
    const held: { lock: RunLock | null } = { lock: null };
    const controller = new AbortController();
    const stopListening = onInterrupt(controller);
    try {
      const options = normalizeDedupeOptions(flagsWithConfig(args));
      const reportPath = options.report ?? `guide-${options.guide}.dedupe.report.csv`;
      assertReportTarget(reportPath, runInputs(options, args));
      connection = await connect(options, { signal: controller.signal });
      const connected = connection;
      // Deletes while an import plans would make the import update a session that is going away.
      const takeLock = options.yes
        ? async () => {
            held.lock = await takeRunLock(connected, options.guide, options.lockWait);
          }
        : undefined;
      return await dedupeWith(options, connection, reportPath, controller, takeLock);
    } catch (error) {
      return reportError(error);
    } finally {
      stopListening();
      held.lock?.release();
      await connection?.close();
    }
  },
};

async function dedupeWith(
  options: Readonly<DedupeOptions>,
  connection: Connection,
  reportPath: string,
  controller: AbortController,
  beforeListing: (() => Promise<void>) | undefined,
): Promise<number> {
  const started = Date.now();
  // Loaded when the command runs, not when the CLI starts: they are for this command alone.
  const [{ runDedupe }, { formatPlanTotals }, { createReportWriter, exitCodeOf, formatSummaryText }] = await Promise.all([
    import('../../pipeline/run-dedupe.js'),
    import('../../plan/index.js'),
    import('../../report/index.js'),
  ]);
  const report = guardReport(reportPath, controller);
  const run = await runDedupe({
    ...options,
    client: connection.client,
    apiVersion: /\/v1\/?$/.test(connection.apiUrl) ? 'v1' : 'v1.1',
    signal: controller.signal,
    beforeListing,
    openReport: () => report.open(() => createReportWriter(reportPath)),
    reportOptions: reportOptionsOf(options),
    onPlanned: ({ plan, guide, warnings }) => {
      for (const warning of warnings) say(`warning: ${warning}`);
      const groups = plan.entries.filter((entry) => entry.action === 'unchanged').length;
      say(`Guide ${guide.id} "${guide.name}"${options.yes ? '' : ' (dry run: nothing will be deleted; add --yes to delete)'}`);
      say(
        groups === 0
          ? 'no import_id is held by more than one session'
          : `${groups} import_id${groups === 1 ? ' is' : 's are'} held by more than one session`,
      );
      say(formatPlanTotals(plan));
    },
  });
  const failure = report.failure;
  if (failure) say(reportFailureSummary(failure, run.document.summary));
  else if (run.stoppedBy) say(`stopped early: ${run.stoppedBy.message}`);
  say(formatSummaryText(run.document, { reportPath: resolve(reportPath), durationMs: Date.now() - started }));
  if (options.json) process.stdout.write(`${JSON.stringify(run.document.summary)}\n`);
  return exitCodeOf({ summary: run.document.summary, stoppedBy: run.stoppedBy, reportFailed: failure !== null });
}

/** The options as the report shows them: what the run was asked to do, never a secret. */
function reportOptionsOf(options: Readonly<DedupeOptions>): Record<string, unknown> {
  const { apiKeyFile: _omitFile, ...rest } = options;
  return { ...rest };
}
