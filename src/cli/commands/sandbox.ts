import type { CliCommand } from './command.js';

// Filled in by the foundation issue (src/sandbox/).
export const sandboxCommand: CliCommand = {
  command: 'sandbox',
  describe: 'Run a local Guidebook-compatible server',
  builder: (yargs) => yargs,
  run: async () => {
    process.stderr.write('guidebook-import: sandbox is not available yet\n');
    return 2;
  },
};
