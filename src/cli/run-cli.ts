import yargs, { type Argv } from 'yargs';
import { redactSecrets, registerSecret } from './redact.js';
import { commands } from './commands/index.js';
import { oneLine, reportError } from './report-error.js';
import { packageVersion } from './version.js';

// Commands written before report-error.ts import it from here.
export { reportError };

/** Runs the CLI with the given arguments and returns the exit code. Never throws. */
export async function runCli(argv: string[]): Promise<number> {
  // Known from the start, for every command: an offline command that reads the wrong file (a key
  // file saved as key.txt) must not print the key either.
  registerSecret(process.env.GUIDEBOOK_API_KEY?.trim());
  let exitCode = 0;
  let failed = false;
  const parser: Argv = yargs(argv)
    .scriptName('guidebook-import')
    .usage('$0 <command> [options]\n\nImport an event agenda from a spreadsheet into a Guidebook guide.')
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .strict()
    .demandCommand(1, 'Name a command: import, validate, template, export, dedupe or sandbox.')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      failed = true;
      const text = error instanceof Error ? error.message : message;
      // One line, like every other run-level error, so a cron mail or CI log shows it whole.
      const why = oneLine(redactSecrets(text ?? 'invalid command line'));
      process.stderr.write(`guidebook-import: ${why} (run "guidebook-import --help" for usage)\n`);
      exitCode = 2;
    });

  for (const command of commands) {
    parser.command({
      command: command.command,
      describe: command.describe,
      builder: command.builder,
      handler: async (args) => {
        // With exitProcess(false) yargs still calls the handler after a strict-mode failure.
        if (failed) return;
        exitCode = await command.run(args);
      },
    });
  }

  try {
    await parser.parseAsync();
  } catch (error) {
    if (!failed) exitCode = reportError(error);
  }
  return exitCode;
}
