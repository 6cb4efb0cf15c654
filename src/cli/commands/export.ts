import type { CliCommand } from './command.js';

// Filled in by its issue; until then it answers "not available yet" (exit 2).
export const exportCommand: CliCommand = {
  command: 'export',
  describe: "Write the guide's sessions to CSV/XLSX, ready to edit and import again",
  builder: (yargs) => yargs,
  run: async () => {
    process.stderr.write('guidebook-import: export is not available yet\n');
    return 2;
  },
};
