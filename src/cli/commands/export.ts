import { existsSync } from 'node:fs';
import { GuidebookImportError } from '../../errors.js';
import type { ExportedAgenda, ExportFormat } from '../../export/index.js';
import { loadConfigFile } from '../../options/config-file.js';
import { mergeConfig, normalizeExportOptions, type ExportOptions } from '../../options/run-options.js';
import { connect } from '../connect.js';
import { reportError } from '../report-error.js';
import { say } from './run-context.js';
import type { CliCommand } from './command.js';
import { connectionOptions } from './shared-options.js';

/**
 * The --format choices, spelled here rather than imported: the export module loads SheetJS, which
 * the CLI must not load just to describe its flags. The type keeps the list to formats export knows.
 */
const EXPORT_FORMATS = ['csv', 'xlsx'] as const satisfies readonly ExportFormat[];

export const exportCommand: CliCommand = {
  command: 'export',
  describe: "Write the guide's sessions to CSV/XLSX, ready to edit and import again",
  builder: (yargs) =>
    connectionOptions(yargs)
      .option('output', { type: 'string', alias: 'o', describe: 'File to write: agenda.xlsx or agenda.csv' })
      .option('format', { type: 'string', choices: EXPORT_FORMATS, describe: 'csv or xlsx (default: from the --output ending)' })
      .option('timezone', { type: 'string', describe: "IANA zone to write local times in (default: the guide's own)" })
      .option('force', { type: 'boolean', describe: 'Replace the output file if it exists' })
      .option('json', { type: 'boolean', describe: 'Print one JSON summary on stdout' })
      .option('config', { type: 'string', describe: 'Config file (default: ./guidebook-import.config.json if present)' }),
  run: async (args) => {
    const interrupt = new AbortController();
    const onSignal = (): void => interrupt.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const options = exportOptions(args);
      // Loaded when the command runs, not when the CLI starts: export writes with SheetJS.
      const [{ exportGuide, resolveExportFormat, speakersCsvPath, writeAgenda }, { normaliseZoneName }] = await Promise.all([
        import('../../export/index.js'),
        import('../../time/index.js'),
      ]);
      const format = resolveExportFormat(options.output, options.format);
      checkBeforeConnecting(options, normaliseZoneName);
      const connection = await connect(options, { signal: interrupt.signal });
      let agenda: ExportedAgenda;
      try {
        agenda = await exportGuide(connection.client, { guideId: options.guide, timezone: options.timezone });
      } finally {
        await connection.close();
      }
      await writeAgenda(agenda, options.output, format, { overwrite: options.force });
      // The client's own warnings too: sessions of other guides a server listed are not exported.
      const clientWarnings = connection.client.warnings().map((warning) => `warning: ${warning}`);
      // Through say(): warnings may quote what the server sent, so they are redacted like any message.
      for (const line of [...agenda.notes, ...agenda.warnings, ...clientWarnings]) say(line);
      const sessions = agenda.rows.length === 1 ? '1 session' : `${agenda.rows.length} sessions`;
      say(`wrote ${sessions} to ${options.output} (times in ${agenda.timezone})`);
      if (agenda.speakerRows.length > 0) {
        const speakers = agenda.speakerRows.length === 1 ? '1 speaker' : `${agenda.speakerRows.length} speakers`;
        const where = format === 'csv' ? `to ${speakersCsvPath(options.output)} (import it with --speakers)` : 'to its Speakers sheet';
        say(`wrote ${speakers} ${where}`);
      }
      if (options.json) {
        const summary = {
          sessions: agenda.rows.length,
          speakers: agenda.speakerRows.length,
          output: options.output,
          timezone: agenda.timezone,
          assigned_import_ids: agenda.assignedImportIds,
        };
        process.stdout.write(`${JSON.stringify(summary)}\n`);
      }
      return 0;
    } catch (error) {
      return reportError(error);
    } finally {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    }
  },
};

function exportOptions(args: Record<string, unknown>): Readonly<ExportOptions> {
  const config = loadConfigFile(args['config'] as string | undefined);
  return normalizeExportOptions(mergeConfig(args, config.values, config.path, config.spelled));
}

/** What can be refused without a single request: an existing output, an unknown zone. */
function checkBeforeConnecting(options: ExportOptions, normaliseZoneName: (zone: string) => string | null): void {
  if (!options.force && existsSync(options.output)) {
    throw new GuidebookImportError('file', `${options.output} already exists; add --force to replace it`);
  }
  if (options.timezone !== undefined && normaliseZoneName(options.timezone) === null) {
    throw new GuidebookImportError(
      'timezone',
      `--timezone ${JSON.stringify(options.timezone)} is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)`,
    );
  }
}
