import { readFileSync } from 'node:fs';
import { GuidebookImportError } from '../errors.js';
import { DEFAULT_API_URL, normaliseApiUrl } from './base-url.js';

/**
 * The API key from --api-key-file or GUIDEBOOK_API_KEY. Never from a plain command-line value:
 * that would show in `ps` and shell history.
 *
 * A key is one token of printable ASCII. A key file may end in one line break (editors add it)
 * and the key may have spaces around it; anything else — a second line, a space, tab or control
 * character inside — is refused, since it is not a key as pasted (two keys, a key and a note, a
 * key with a stray escape) and sending it would fail with an answer that says nothing. The
 * message names the file and what is wrong, never a character of what it holds.
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
    const where = `the API key file ${JSON.stringify(options.apiKeyFile)}`;
    const text = content.replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new GuidebookImportError('auth', `${where} is empty`);
    return checkedKey(text.replace(/\r?\n$/, ''), where);
  }
  const given = env.GUIDEBOOK_API_KEY;
  if (given !== undefined && given.trim() !== '') return checkedKey(given.replace(/\r?\n$/, ''), 'GUIDEBOOK_API_KEY');
  throw new GuidebookImportError('auth', 'no API key: set GUIDEBOOK_API_KEY or pass --api-key-file PATH');
}

/** The key with spaces around it dropped; refused (naming `where`, quoting nothing) if it is not one token. */
export function checkedKey(raw: string, where: string): string {
  const key = raw.replace(/^[ \t]+|[ \t]+$/g, '');
  const refuse = (what: string) =>
    new GuidebookImportError('auth', `${where} ${what}; it must hold the API key alone, on one line (the key is not shown)`);
  if (/[\r\n\u2028\u2029\u0085]/.test(key)) {
    throw refuse('holds more than one line');
  }
  if (/[\s\u200B\uFEFF]/.test(key)) throw refuse('holds a space or tab inside the key');
  if (/[\u0000-\u001F\u007F-\u009F]/.test(key)) throw refuse('holds a control character');
  if (/[^\u0021-\u007E]/.test(key)) throw refuse('holds a character that is not plain ASCII (a key is letters, digits and punctuation)');
  return key;
}

/**
 * --api-url, else GUIDEBOOK_API_URL, else Guidebook's own v1.1 base; normalised. A URL carrying a
 * user name and password is refused without being echoed, valid URL or not: the password would
 * land in the terminal, a CI log or a cron mail.
 */
export function resolveApiUrl(options: { apiUrl?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  const fromFlag = options.apiUrl?.trim();
  const fromEnv = env.GUIDEBOOK_API_URL?.trim();
  const given = fromFlag || fromEnv || DEFAULT_API_URL;
  if (hasUserInfo(given)) {
    const source = fromFlag ? 'the API URL (--api-url or the config file)' : 'GUIDEBOOK_API_URL';
    throw new GuidebookImportError(
      'usage',
      `${source} holds a user name or password (the URL is not shown); give the bare API URL and the key through GUIDEBOOK_API_KEY or --api-key-file`,
    );
  }
  return normaliseApiUrl(given);
}

/**
 * `scheme://something@host`, or `user:password@host` typed without a scheme: credentials before
 * the host, whether the rest parses or not.
 */
export function hasUserInfo(url: string): boolean {
  const authority = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(url.trim())?.[1] ?? '';
  return authority.includes('@');
}
