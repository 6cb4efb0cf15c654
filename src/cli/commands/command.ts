import type { Argv, ArgumentsCamelCase } from 'yargs';

/** One CLI command: a yargs builder and a run function that returns the exit code. */
export interface CliCommand {
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv;
  run: (args: ArgumentsCamelCase<Record<string, unknown>>) => Promise<number>;
}
