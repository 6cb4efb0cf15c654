// `validate`'s run (src/cli/commands/validate.ts is its yargs builder): what every validate run
// needs, imported statically so that the bundle loads it as few files (scripts/bundle-cli.ts).
import { resolve } from 'node:path';
import { normalizeValidateOptions } from '../../options/run-options.js';
import { defaultSourceReportPath, sourceSecrets } from '../../sources/source-location.js';
import { registerSecret } from '../redact.js';
import { reportError } from '../report-error.js';
import { assertReportTarget } from '../report-target.js';
import { runInputs } from '../run-inputs.js';
import { flagsWithConfig, inform, say } from './run-context.js';
import { painterFor } from '../colour.js';
import { GuidebookImportError, fileWriteError } from '../../errors.js';
import type { MappingExplanation } from '../../map/explain.js';
import type { ValidateOptions } from '../../options/run-options.js';
import { validateFileRows } from '../../pipeline/validate-file.js';
import { createReportWriter, exitCodeOf, formatSummaryText, reportFormatFor } from '../../report/index.js';
import { jsonSummary } from '../../report/json-summary.js';
import type { ArgumentsCamelCase } from 'yargs';

/** Runs `validate` with yargs' parsed arguments; the exit code. */
export async function runValidate(args: ArgumentsCamelCase<Record<string, unknown>>): Promise<number> {
  const started = Date.now();
  try {
    const options = normalizeValidateOptions(flagsWithConfig(args));
    for (const [, value] of options.source.headers ?? []) registerSecret(value);
    for (const secret of sourceSecrets(options.file)) registerSecret(secret);
    assertReportTarget(options.report ?? defaultSourceReportPath(options.file), runInputs(options, args));
    // Rows go to the report as they are made; the command keeps only their tally.
    if (options.writeMapping !== undefined && resolve(options.writeMapping) === resolve(options.file)) {
      throw new GuidebookImportError(
        'usage',
        `--write-mapping ${options.writeMapping} would overwrite the sheet itself: name another file`,
      );
    }
    const explain = options.explain || options.writeMapping !== undefined;
    const reportPath = options.report ?? defaultSourceReportPath(options.file);
    // A CSV report shows each row's decision and messages, never its field values: the rows are
    // then only checked (validateFileRows' checkOnly).
    const checkOnly = reportFormatFor(reportPath) === 'csv';
    const validation = await validateFileRows(options.file, { ...options, explain, checkOnly });
    const writer = createReportWriter(reportPath, { inOrder: true });
    try {
      for (const row of validation.rows) writer.write(row);
    } catch (error) {
      writer.close();
      throw error;
    }
    const { document, tally, speakerRows } = validation.finish();
    // The speakers' rows follow the sessions' in the report, as import's do.
    for (const row of speakerRows) writer.write(row);
    await writer.finish(document);
    for (const warning of document.warnings) say(`warning: ${warning}`);
    if (document.explain) await explainRun(document.explain, options);
    const paint = painterFor(process.stderr);
    inform(formatSummaryText(document, { reportPath: resolve(reportPath), durationMs: Date.now() - started, tally, paint }));
    const exitCode = exitCodeOf({ summary: document.summary });
    if (options.json) {
      const summary = jsonSummary(document, tally, { exitCode, reportPath: resolve(reportPath), stopped: null });
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    }
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

/** --explain prints what each field was read from; --write-mapping saves it as a mapping file. */
async function explainRun(explanation: MappingExplanation, options: Readonly<ValidateOptions>): Promise<void> {
  if (options.explain) {
    const { formatExplanation } = await import('../../map/explain.js');
    say(formatExplanation(explanation));
  }
  if (options.writeMapping !== undefined) {
    const { writeFileSync } = await import('node:fs');
    try {
      writeFileSync(options.writeMapping, `${JSON.stringify(explanation.mappingFile, null, 2)}\n`);
    } catch (error) {
      throw fileWriteError(options.writeMapping, error);
    }
    say(`mapping written to ${options.writeMapping}: edit it and pass it back with --mapping ${options.writeMapping}`);
  }
}
