// The files a run reads, by role: what its report must never overwrite.
import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE } from '../options/config-file.js';
import type { RunInput } from './report-target.js';

export function runInputs(
  options: { file?: string; sheetFile?: string; mapping?: string; apiKeyFile?: string; sandboxState?: string },
  args: Record<string, unknown>,
): RunInput[] {
  const config = typeof args['config'] === 'string' ? args['config'] : existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined;
  return [
    { role: 'the sheet', path: options.file ?? options.sheetFile },
    { role: 'the mapping file', path: options.mapping },
    { role: 'the API key file', path: options.apiKeyFile },
    { role: 'the config file', path: config },
    { role: 'the sandbox state file', path: options.sandboxState },
  ];
}
