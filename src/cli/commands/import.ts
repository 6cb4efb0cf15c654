import type { CliCommand } from './command.js';

// Filled in by its issue; until then it answers "not available yet" (exit 2).
export const importCommand: CliCommand = {
  command: 'import <file>',
  describe: 'Read, validate, plan against the guide, apply and report',
  builder: (yargs) => yargs,
  run: async () => {
    process.stderr.write('guidebook-import: import is not available yet\n');
    return 2;
  },
};
