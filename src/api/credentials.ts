import { readFileSync } from 'node:fs';
import { GuidebookImportError } from '../errors.js';
import { DEFAULT_API_URL, normaliseApiUrl } from './base-url.js';

/**
 * The API key from --api-key-file (trimmed content) or GUIDEBOOK_API_KEY. Never from a plain
 * command-line value: that would show in `ps` and shell history.
 */
export function resolveApiKey(options: { apiKeyFile?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  if (options.apiKeyFile !== undefined) {
    let content: string;
    try {
      content = readFileSync(options.apiKeyFile, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new GuidebookImportError('auth', `cannot read the API key file ${JSON.stringify(options.apiKeyFile)} (${reason})`);
    }
    const key = content.replace(/^\uFEFF/, '').trim();
    if (key === '') throw new GuidebookImportError('auth', `the API key file ${JSON.stringify(options.apiKeyFile)} is empty`);
    return key;
  }
  const key = env.GUIDEBOOK_API_KEY?.trim();
  if (key) return key;
  throw new GuidebookImportError('auth', 'no API key: set GUIDEBOOK_API_KEY or pass --api-key-file PATH');
}

/** --api-url, else GUIDEBOOK_API_URL, else Guidebook's own v1.1 base; normalised. */
export function resolveApiUrl(options: { apiUrl?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  const given = options.apiUrl?.trim() || env.GUIDEBOOK_API_URL?.trim() || DEFAULT_API_URL;
  return normaliseApiUrl(given);
}
