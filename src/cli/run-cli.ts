import yargs, { type Argv } from 'yargs';
import { redactSecrets, registerSecret } from './redact.js';
import { commands } from './commands/index.js';
import { oneLine, reportError } from './report-error.js';
import { usageLine } from './usage-error.js';
import { packageVersion } from './version.js';

// Commands written before report-error.ts import it from here; main.ts redacts with redactSecrets.
export { redactSecrets, reportError };

/** Runs the CLI with the given arguments and returns the exit code. Never throws. */
export async function runCli(argv: string[]): Promise<number> {
  // Known from the start, for every command: an offline command that reads the wrong file (a key
  // file saved as key.txt) must not print the key either.
  registerSecret(process.env.GUIDEBOOK_API_KEY?.trim());
  let exitCode = 0;
  let failed = false;
  // yargs may fail more than once for one command line ("Did you mean …?", then the unknown words).
  const failures: string[] = [];
  const knownOptions = new Map<string, string[]>();
  const commandNames = commands.map((command) => command.command.split(' ')[0] ?? command.command);
  // yargs prints its completion script before strict mode refuses a word after `completion`, so
  // `completion fish >> ~/.config/fish/config.fish` would append a bash script and then fail.
  const extra = argv[0] === 'completion' ? argv.slice(1).find((arg) => !arg.startsWith('-')) : undefined;
  if (extra !== undefined) {
    const line = usageLine([`Unknown argument: ${extra}`], { argv, commands: commandNames, optionsOf: () => undefined });
    process.stderr.write(`guidebook-import: ${line}\n`);
    return 2;
  }
  const parser: Argv = yargs(argv)
    .scriptName('guidebook-import')
    .usage('$0 <command> [options]\n\nImport an event agenda from a spreadsheet into a Guidebook guide.')
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    .strict()
    .demandCommand(1, `Name a command: ${commandNames.join(', ')}.`)
    .recommendCommands()
    // `guidebook-import completion >> ~/.bashrc` (or ~/.zshrc): tab-completes commands and options.
    .completion('completion', 'Print a shell completion script (bash, zsh): guidebook-import completion >> ~/.bashrc')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      failed = true;
      const text = error instanceof Error ? error.message : message;
      failures.push(oneLine(redactSecrets(text ?? 'invalid command line')));
      exitCode = 2;
    });
  skipHelpCacheAfterHandler(parser);

  for (const command of commands) {
    parser.command({
      command: command.command,
      describe: command.describe,
      builder: (yargs) => {
        const built = command.builder(yargs);
        // Read once the command is known: an unknown option is compared with these.
        // getOptions() is yargs' own (untyped in @types/yargs): the options as declared.
        const { key, alias } = (
          built as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }
        ).getOptions();
        knownOptions.set(commandNames[commands.indexOf(command)] ?? '', [...Object.keys(key), ...Object.values(alias).flat()]);
        return built;
      },
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
  if (failures.length > 0) {
    // One line, like every other run-level error, so a cron mail or CI log shows it whole.
    const line = usageLine(failures, { argv, commands: commandNames, optionsOf: (name) => knownOptions.get(name) });
    process.stderr.write(`guidebook-import: ${line}\n`);
  }
  return exitCode;
}

/**
 * yargs 18 builds the running command's whole help text right after it starts the handler
 * (command.js handleValidationAndGetResult → usage.cacheHelpMessage), so that a help() called
 * later, once yargs has reset to the top level, still shows the command's help. That costs
 * ~70 ms of string-width/wrap work on every run. This CLI never asks for help after a handler has
 * started: `--help` is answered before any handler runs, and failures go to our own .fail() which
 * prints no help. So the cache is not filled; help() builds the text when it is actually asked.
 * getInternalMethods() and the usage instance are yargs' own (untyped in @types/yargs).
 */
function skipHelpCacheAfterHandler(parser: Argv): void {
  // Internals, so checked: a yargs that lacks them keeps its cache (slower start, same output)
  // instead of every run failing on a missing method.
  const internal = (parser as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (typeof internal?.cacheHelpMessage === 'function') internal.cacheHelpMessage = () => {};
}
