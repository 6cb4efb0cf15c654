import { resolve } from 'node:path';
import { GuidebookImportError } from '../../errors.js';
import { resolveTemplateTarget, TEMPLATE_FORMATS, type TemplateFormat } from '../../template/template-format.js';
import { reportError } from '../report-error.js';
import type { CliCommand } from './command.js';

export const templateCommand: CliCommand = {
  command: 'template',
  describe: 'Write a blank, annotated agenda sheet with two example rows (CSV: and <name>-speakers.csv beside it)',
  builder: (yargs) =>
    yargs
      .option('format', { type: 'string', choices: TEMPLATE_FORMATS, describe: 'csv or xlsx (default: from --output, else xlsx)' })
      .option('output', { type: 'string', alias: 'o', describe: 'File to write (default: ./agenda-template.<format>)' })
      .option('force', { type: 'boolean', default: false, describe: 'Replace the output file if it exists' }),
  run: async (args) => {
    try {
      const { format, path } = resolveTemplateTarget(args['format'] as TemplateFormat | undefined, args['output'] as string | undefined);
      // Loaded when the command runs, not when the CLI starts: the template is written with SheetJS.
      const { writeTemplate } = await import('../../template/write-template.js');
      // One line per file written: a CSV template has its speakers file beside it.
      const written = await writeTemplate(path, format, { overwrite: args['force'] === true });
      process.stdout.write(written.map((file) => `${resolve(file)}\n`).join(''));
      return 0;
    } catch (error) {
      if (error instanceof GuidebookImportError) return reportError(error);
      throw error;
    }
  },
};
