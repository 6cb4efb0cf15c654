// Answers of the hostile switches that replace the API's own answer: a key revoked mid-run
// (--revoke-after) and writes redirected elsewhere (--redirect-writes).
import type { Answer } from './api-handler.js';
import type { FaultSettings } from './types.js';

/** What djangorestframework-jwt answers a token that no longer verifies. */
export const REVOKED_ANSWER: Answer = {
  status: 401,
  body: { detail: 'Signature has expired.' },
  headers: { 'WWW-Authenticate': 'JWT realm="api"' },
};

/** Counts API requests from the moment --revoke-after was set; past the limit the key is dead. */
export class Revocation {
  #limit: number | null;
  #seen = 0;

  constructor(limit: number | null) {
    this.#limit = limit;
  }

  /** Counts one arriving request; true when it must be refused. */
  countRequest(): boolean {
    this.#seen += 1;
    return this.#limit !== null && this.#seen > this.#limit;
  }

  restart(limit: number | null): void {
    this.#limit = limit;
    this.#seen = 0;
  }
}

const VERSION_PREFIX = /^\/open-api\/v1(?:\.1)?(?=\/)/;

/**
 * The redirect a write gets, nothing done: 'https' sends it to the same URL on https:// (a
 * proxy enforcing TLS), 'path' to the same resource under another path (a moved API) that this
 * server also serves, so a client that follows it turns the POST into a GET that answers 200.
 */
export function writeRedirect(mode: NonNullable<FaultSettings['redirectWrites']>, url: URL, host: string | undefined): Answer {
  const origin = `//${host ?? url.host}`;
  if (mode === 'https') {
    return { status: 301, body: { detail: 'Moved permanently.' }, headers: { Location: `https:${origin}${url.pathname}${url.search}` } };
  }
  const moved = VERSION_PREFIX.test(url.pathname) ? url.pathname.replace(VERSION_PREFIX, '') : `/open-api/v1.1${url.pathname}`;
  return { status: 302, body: { detail: 'Found.' }, headers: { Location: `http:${origin}${moved}${url.search}` } };
}
