// What every command does around its work: config merged under the flags, options normalised,
// run-level errors turned into one line and an exit code.
import type { ArgumentsCamelCase } from 'yargs';
import { loadConfigFile } from '../../options/config-file.js';
import { mergeConfig, quietOf } from '../../options/run-options.js';
import { redactSecrets } from '../redact.js';

/** The flags as given (undefined = not given), with the config file filled in under them. */
export function flagsWithConfig(args: ArgumentsCamelCase<Record<string, unknown>>): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || key === '$0' || key.includes('-')) continue; // yargs keeps both spellings
    flags[key] = value;
  }
  // A count option is 0 when absent; treat 0 as "not given" so a config file can set it.
  if (flags.yes === 0) delete flags.yes;
  const config = loadConfigFile(typeof args.config === 'string' ? args.config : undefined);
  const merged = mergeConfig(flags, config.values, config.path, config.spelled);
  quiet = quietOf(merged);
  return merged;
}

// --quiet (flag or config): the plan's totals, progress and the end-of-run summary are not shown;
// warnings, errors and --json still are. One run per process, so one switch for the CLI.
let quiet = false;

/** True once the run's options asked for --quiet. */
export function isQuiet(): boolean {
  return quiet;
}

/** Like `say`, for what --quiet leaves out (progress, totals, the summary). */
export function inform(text: string): void {
  if (!quiet) say(text);
}

/** Writes text to stderr, one block, secrets hidden (warnings and messages may quote the server). */
export function say(text: string): void {
  const shown = redactSecrets(text);
  process.stderr.write(shown.endsWith('\n') ? shown : `${shown}\n`);
}
