// What every command does around its work: config merged under the flags, options normalised,
// run-level errors turned into one line and an exit code.
import type { ArgumentsCamelCase } from 'yargs';
import { loadConfigFile } from '../../options/config-file.js';
import { mergeConfig } from '../../options/run-options.js';
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
  return mergeConfig(flags, config.values, config.path);
}

/** Writes text to stderr, one block, secrets hidden (warnings and messages may quote the server). */
export function say(text: string): void {
  const shown = redactSecrets(text);
  process.stderr.write(shown.endsWith('\n') ? shown : `${shown}\n`);
}
