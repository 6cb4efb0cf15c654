import type { CliCommand } from './command.js';

// Filled in by its issue; until then it answers "not available yet" (exit 2).
export const templateCommand: CliCommand = {
  command: 'template',
  describe: 'Write a blank, annotated sheet',
  builder: (yargs) => yargs,
  run: async () => {
    process.stderr.write('guidebook-import: template is not available yet\n');
    return 2;
  },
};
