// A config file lets a scheduled job be one short command: any option of the run lives in
// guidebook-import.config.json (or --config FILE); flags override it. The API key never does:
// a config file gets committed and copied around, so a key in it is refused outright.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { jsonSyntaxReason } from './json-syntax-error.js';

export const DEFAULT_CONFIG_FILE = 'guidebook-import.config.json';

const SECRET_KEYS = ['apikey', 'key', 'token', 'guidebookapikey', 'secret', 'password', 'jwt'];

export type ConfigValues = Record<string, unknown>;

/**
 * Reads the config file: the explicit path (must exist) or the default one in `cwd` (optional).
 * Keys may be written as on the command line (`dry-run`) or camelCase (`dryRun`); they come back
 * camelCase. Returns {} when there is no file.
 */
export function loadConfigFile(
  explicitPath: string | undefined,
  cwd = process.cwd(),
): {
  path: string | null;
  values: ConfigValues;
  /** Each key as the file spells it (`create-missing`), by its camelCase name: what an error quotes. */
  spelled: Record<string, string>;
} {
  const path = explicitPath ? resolve(cwd, explicitPath) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicitPath) throw new GuidebookImportError('config', `${explicitPath}: config file not found`);
    return { path: null, values: {}, spelled: {} };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GuidebookImportError(
      'config',
      `${path}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // A file that fails to parse may be one a key was pasted into (refused below, but only once it parses).
    throw new GuidebookImportError('config', `${path}: not valid JSON (${jsonSyntaxReason(text, error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new GuidebookImportError('config', `${path}: expected a JSON object of options`);
  }
  const values: ConfigValues = {};
  const spelled: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key.startsWith('$') || key.startsWith('_')) continue; // "$comment" and the like
    const squashed = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (SECRET_KEYS.includes(squashed)) {
      throw new GuidebookImportError(
        'config',
        `${path}: "${key}" is not allowed in a config file; give the API key through GUIDEBOOK_API_KEY or --api-key-file`,
      );
    }
    values[camelCase(key)] = value;
    spelled[camelCase(key)] = key;
  }
  return { path, values, spelled };
}

function camelCase(key: string): string {
  return key.replace(/[-_ ]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}
