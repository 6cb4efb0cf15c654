import type { Progress } from '../progress.js';
import { normalizeImportOptions, type ImportOptions } from '../../options/run-options.js';
import { defaultSourceReportPath, sourceSecrets } from '../../sources/source-location.js';
import { registerSecret } from '../redact.js';
import { runInputs } from '../run-inputs.js';
import { stateDir } from '../run-lock.js';
import { finishWritingRun, reportOptionsOf, writingRun, type WritingRun } from '../writing-run.js';
import type { CliCommand } from './command.js';
import { flagsWithConfig, inform, isQuiet, say } from './run-context.js';
import { connectionOptions, sheetOptions } from './shared-options.js';

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
      .option('speakers', { type: 'string', describe: "Speakers from this file (CSV/XLSX; else the workbook's Speakers sheet)" })
      .option('speaker-list', { type: 'string', describe: 'The custom list speakers go in (default "Speakers"; created once if missing)' })
      .option('speaker-lists-by-role', { type: 'boolean', describe: 'Each speaker Role in its own list ("Speakers", "Moderators", ...)' })
      .option('publish', { type: 'boolean', describe: 'Publish the guide after a clean run that wrote something' })
      .option('refresh-images', { type: 'boolean', describe: 'Upload every image, even those remembered as unchanged' })
      .option('if-source-changed', {
        type: 'boolean',
        describe: 'Stop before any request (exit 0) when the source is as the last clean run read it',
      })
      .option('lock-wait', { type: 'string', describe: 'Seconds to wait for another writing run into the same guide (default 0: refuse)' })
      .example('$0 import agenda.xlsx --guide 47 --dry-run --create-missing', 'show what would change, tracks and rooms to create included')
      .example('$0 import agenda.xlsx --guide 47 --create-missing --report run.html', 'import and write an HTML report')
      .example('$0 import samples/devcon-2027.xlsx --guide 1 --sandbox --create-missing', 'rehearse against a local sandbox')
      .example('$0 import https://example.org/agenda.ics --guide 47 --if-source-changed', 'a scheduled re-sync of a calendar feed'),
  run: async (args) =>
    // The lock is taken once the guide has answered and before its sessions are listed: from then
    // on a second run would plan the same creates. A dry run writes nothing and takes none.
    writingRun(() => {
      const options = normalizeImportOptions(flagsWithConfig(args));
      for (const [, value] of options.source.headers ?? []) registerSecret(value);
      for (const secret of sourceSecrets(options.file)) registerSecret(secret);
      return {
        options,
        reportPath: options.report ?? defaultSourceReportPath(options.file),
        inputs: runInputs(options, args),
        writes: !options.dryRun,
      };
    }, importWith),
};

/** A create of a schedule track or a location: a POST to the collection itself. */
const REFERENCE_CREATE = /(?:^|\/)(?:schedule-tracks|locations)\/(?:\?|$)/;

async function importWith(
  options: Readonly<ImportOptions>,
  { connection, controller, report, reportPath, apiVersion, beforeListing, requests }: WritingRun,
): Promise<number> {
  const started = Date.now();
  // Loaded when the command runs, not when the CLI starts: the pipeline, the report writers and
  // cli-progress are for this command alone (the HTTP client comes with connect()).
  const [{ formatPlanTotals, isWriteEntry }, { runImport }, { createReportWriter }, { createProgress }, { ImageMemory }, { publishStep }] =
    await Promise.all([
      import('../../plan/index.js'),
      import('../../pipeline/run-import.js'),
      import('../../report/index.js'),
      import('../progress.js'),
      import('../../images/index.js'),
      import('../publish-step.js'),
    ]);
  // Before any API request: an unchanged source ends the run here (issue 14, scheduled re-syncs).
  const gate = options.ifSourceChanged ? await (await import('../source-changed.js')).sourceGate(options, connection.apiUrl) : null;
  if (gate?.skip) return 0;
  let progress: Progress | null = null;
  let writes = 0;
  let references = 0;
  // A speaker's row stands for all of its requests (item, relations, links, photo) on the bar.
  let speakerRequests: ReadonlyMap<string, number> = new Map();
  const showsProgress = !options.dryRun && !isQuiet();
  // After Ctrl-C the bar keeps its last rate and shows no ETA while the requests in flight finish.
  const startProgress = (): Progress => {
    const started = createProgress(writes, undefined, { references });
    if (controller.signal.aborted) started.stopping();
    return started;
  };
  controller.signal.addEventListener('abort', () => (progress as Progress | null)?.stopping(), { once: true });
  // Tracks and rooms are created before any session: the bar starts with them (--create-missing).
  requests.onRequest = (info) => {
    if (!showsProgress || info.method !== 'POST' || info.attempt !== 1 || !REFERENCE_CREATE.test(info.path)) return;
    progress ??= startProgress();
    progress.tickReference();
  };
  const run = await runImport(options.file, {
    ...options,
    source: gate ? { ...options.source, fetched: gate.fetched } : options.source,
    client: connection.client,
    apiVersion,
    signal: controller.signal,
    beforeListing,
    maxInFlight: options.concurrency * 2,
    openReport: () => report.open(() => createReportWriter(reportPath)),
    // The report names the --source-header headers, never their values.
    // The API the run used, from --api-url, GUIDEBOOK_API_URL or the default: the HTML report
    // links session ids to Builder only for Guidebook's own.
    reportOptions: reportOptionsOf({
      ...options,
      apiUrl: connection.apiUrl,
      source: { ...options.source, headers: options.source.headers?.map(([name]) => [name, '***'] as const) },
    }),
    // What this machine uploaded into this guide before; a throwaway sandbox remembers nothing.
    imageMemory:
      connection.sandbox && !options.sandboxState ? ImageMemory.inMemory() : ImageMemory.load(stateDir(), connection.apiUrl, options.guide),
    onPlanned: (planned) => {
      // The guide first, then what the plan must say about the sheet against it (missing tracks...).
      inform(
        `Guide ${planned.guide.id} "${planned.guide.name}", time zone ${planned.guide.timezone ?? '(none)'}${options.dryRun ? ' (dry run: nothing will be written)' : ''}`,
      );
      for (const warning of planned.warnings) say(`warning: ${warning}`);
      // Counted as the report will: a session whose speaker links or image change is an update.
      const alsoUpdated = new Set([
        ...(planned.speakers?.plan.linkChangedSessions ?? []),
        ...planned.images.uploads.map((upload) => upload.importId),
      ]);
      inform(formatPlanTotals(planned.plan, undefined, alsoUpdated));
      if (planned.speakers) inform(planned.speakers.totals);
      const uploads = planned.images.uploads.length;
      if (uploads > 0) {
        inform(
          `Images: ${uploads === 1 ? '1 upload' : `${uploads} uploads`} after the sessions are written (${uploads === 1 ? '1 more request' : `${uploads} more requests`}).`,
        );
      }
      speakerRequests = planned.speakers?.writeRequests ?? new Map();
      writes = planned.plan.entries.filter(isWriteEntry).length + [...speakerRequests.values()].reduce((sum, n) => sum + n, 0);
      references = planned.plan.tracksToCreate.length + planned.plan.locationsToCreate.length;
    },
    onRow: (row, result) => {
      // A speaker's row that wrote (or was to write) ticks too: its writes come after the sessions'.
      const speakerWrote =
        row.record === 'speaker' && row.changed_fields.length + (row.action === 'delete' ? 1 : 0) > 0 && row.outcome !== 'planned';
      if (speakerWrote && showsProgress && writes > 0) {
        progress ??= startProgress();
        progress.tick(row, speakerRequests.get(row.import_id) ?? 1);
        return;
      }
      // Started by the first write that comes back, so a plan refused before writing shows none.
      if (!result || !showsProgress || !isWriteEntry(result.entry)) return;
      progress ??= startProgress();
      progress.tick(result);
    },
  });
  (progress as Progress | null)?.stop();
  // Published before the summary is printed, so the summary, --json and the exit code all know.
  const published = await publishStep({
    client: connection.client,
    guideId: run.planned.guide.id,
    summary: run.document.summary,
    exitCode: run.exitCode,
    dryRun: options.dryRun,
    publish: options.publish,
  });
  const exitCode = await finishWritingRun(run, report, { reportPath, started, json: options.json, published });
  // Only a clean run that wrote is remembered: after a failure or a dry run the next run must go ahead.
  if (gate && !gate.skip && exitCode === 0 && !options.dryRun) gate.afterCleanRun();
  return exitCode;
}
