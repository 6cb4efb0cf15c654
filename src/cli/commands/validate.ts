import type { CliCommand } from './command.js';

// Filled in by its issue; until then it answers "not available yet" (exit 2).
export const validateCommand: CliCommand = {
  command: 'validate <file>',
  describe: 'Offline: read, map, convert and validate a sheet; no network',
  builder: (yargs) => yargs,
  run: async () => {
    process.stderr.write('guidebook-import: validate is not available yet\n');
    return 2;
  },
};
