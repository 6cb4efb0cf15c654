// Answers of the hostile switches that replace or bend the API's own answer: a key revoked
// mid-run (--revoke-after), a rate limiter (--throttle-next), writes redirected elsewhere
// (--redirect-writes) and a `next` link that never ends (--looping-next).
import type { Answer } from './api-handler.js';
import type { FaultSettings } from './types.js';

/** What djangorestframework-jwt answers a token that no longer verifies. */
export const REVOKED_ANSWER: Answer = {
  status: 401,
  body: { detail: 'Signature has expired.' },
  headers: { 'WWW-Authenticate': 'JWT realm="api"' },
};

/** What a single-sign-on proxy in front of an API answers every request: 200 and a login form. */
export const LOGIN_PAGE_ANSWER: Answer = {
  status: 200,
  raw: {
    contentType: 'text/html; charset=utf-8',
    text: '<!doctype html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form></body></html>',
  },
};

/** A rate limiter's refusal: 429 with no Retry-After, unlike the daily budget's long one. */
export const THROTTLED_ANSWER: Answer = { status: 429, body: { detail: 'Request was throttled.' } };

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

/**
 * A list page whose `next` never ends: the real next page while there is one, then the same last
 * page again, each time under a new URL (`x=<n>`), so a client that only remembers the URLs it
 * followed never sees a loop.
 */
export function withLoopingNext(answer: Answer, url: URL, host: string | undefined, loop: number): Answer {
  const page = answer.body as { next?: unknown } | undefined;
  if (answer.status !== 200 || page === undefined || page === null || typeof page !== 'object' || !('next' in page)) return answer;
  const next = new URL(typeof page.next === 'string' ? page.next : `http://${host ?? url.host}${url.pathname}${url.search}`);
  next.searchParams.set('x', String(loop));
  return { ...answer, body: { ...page, next: next.toString() } };
}
