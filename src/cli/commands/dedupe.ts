import { normalizeDedupeOptions, type DedupeOptions } from '../../options/run-options.js';
import { runInputs } from '../run-inputs.js';
import { finishWritingRun, reportOptionsOf, writingRun, type WritingRun } from '../writing-run.js';
import type { CliCommand } from './command.js';
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
      .option('json', { type: 'boolean', describe: 'Print one JSON summary on stdout (shape: schemas/json-summary.schema.json)' })
      .option('quiet', { type: 'boolean', alias: 'q', describe: 'No summary on stderr; warnings and errors still' })
      .option('lock-wait', { type: 'string', describe: 'With --yes: seconds to wait for another writing run into the guide (default 0)' })
      .option('config', { type: 'string', describe: 'Config file (default: ./guidebook-import.config.json if present)' })
      .example('$0 dedupe --guide 47', 'list the sessions that share an import_id and which would go')
      .example('$0 dedupe --guide 47 --sheet-file agenda.xlsx --yes', 'keep the session matching the sheet, delete the others'),
  run: async (args) =>
    // Deletes while an import plans would make the import update a session that is going away.
    writingRun(
      () => {
        const options = normalizeDedupeOptions(flagsWithConfig(args));
        const reportPath = options.report ?? `guide-${options.guide}.dedupe.report.csv`;
        return { options, reportPath, inputs: runInputs(options, args), writes: options.yes };
      },
      (options, run) => dedupeWith(options, run),
    ),
};

async function dedupeWith(
  options: Readonly<DedupeOptions>,
  { connection, controller, report, reportPath, apiVersion, beforeListing }: WritingRun,
): Promise<number> {
  const started = Date.now();
  // Loaded when the command runs, not when the CLI starts: they are for this command alone.
  const [{ runDedupe }, { formatPlanTotals }, { createReportWriter }] = await Promise.all([
    import('../../pipeline/run-dedupe.js'),
    import('../../plan/index.js'),
    import('../../report/index.js'),
  ]);
  const run = await runDedupe({
    ...options,
    client: connection.client,
    apiVersion,
    signal: controller.signal,
    beforeListing,
    openReport: () => report.open(() => createReportWriter(reportPath)),
    reportOptions: reportOptionsOf({ ...options, apiUrl: connection.apiUrl }),
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
  return finishWritingRun(run, report, { reportPath, started, json: options.json });
}
