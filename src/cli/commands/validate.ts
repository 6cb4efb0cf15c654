import type { CliCommand } from './command.js';
import { sheetOptions } from './shared-options.js';

export const validateCommand: CliCommand = {
  command: 'validate <file>',
  describe: 'Offline: read, map, convert and validate a sheet; no network',
  builder: (yargs) =>
    sheetOptions(yargs)
      .option('explain', { type: 'boolean', describe: 'Show per field its column, format and three sample values with their result' })
      .option('write-mapping', { type: 'string', describe: 'Save the detected column mapping as an editable mapping file (JSON)' })
      .option('speakers', { type: 'string', describe: "Check the speakers in this file (CSV/XLSX; else the workbook's Speakers sheet)" })
      .example('$0 validate agenda.xlsx --timezone Europe/Berlin', 'check a sheet before importing it')
      .example(
        '$0 validate agenda.xlsx --timezone America/New_York --explain --write-mapping agenda.mapping.json',
        'see and keep how the columns were read',
      ),
  // The run is one import() of one module that holds all a run always needs: loaded when the
  // command runs, not when the CLI starts (`--help` and the other commands need none of the sheet
  // reading, conversion or report writing), and as few files of the bundle as can be.
  run: async (args) => (await import('./validate-run.js')).runValidate(args),
};
