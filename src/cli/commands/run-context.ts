// What every command does around its work: config merged under the flags, options normalised,
// run-level errors turned into one line and an exit code.
import type { ArgumentsCamelCase } from 'yargs';
import { loadConfigFile } from '../../options/config-file.js';
import { mergeConfig } from '../../options/run-options.js';

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
  return mergeConfig(flags, config.values, config.path);
}

/** Writes text to stderr, one block. */
export function say(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}
