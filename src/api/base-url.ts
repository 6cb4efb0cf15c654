import { GuidebookImportError } from '../errors.js';

export const DEFAULT_API_URL = 'https://builder.guidebook.com/open-api/v1.1/';
const OPEN_API_PATH = 'open-api/v1.1/';

/**
 * The API base as every request path is joined to it: always ending in a slash, so that
 * `new URL('sessions/', base)` keeps the version segment. An origin alone (how a sandbox URL is
 * often typed) gets the current Open API path.
 */
export function normaliseApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl.trim());
  } catch {
    throw new GuidebookImportError('usage', `API URL ${JSON.stringify(apiUrl)} is not a URL (expected e.g. ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GuidebookImportError('usage', `API URL ${JSON.stringify(apiUrl)} must start with http:// or https://`);
  }
  if (url.username || url.password) {
    // Credentials in a URL would end up in messages; the key belongs in GUIDEBOOK_API_KEY.
    throw new GuidebookImportError(
      'usage',
      'API URL must not contain a user name or password: pass the key with GUIDEBOOK_API_KEY or --api-key-file',
    );
  }
  url.hash = '';
  url.search = '';
  if (url.pathname === '/' || url.pathname === '') url.pathname = `/${OPEN_API_PATH}`;
  else if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url.toString();
}

/** The part of a request URL after the API base, as shown in messages: `/sessions/?guide=1`. */
export function pathWithoutBase(baseUrl: string, url: string): string {
  if (url.startsWith(baseUrl)) return `/${url.slice(baseUrl.length)}`;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
