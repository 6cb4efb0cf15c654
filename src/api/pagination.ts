import { GuidebookImportError } from '../errors.js';
import type { RequestRunner } from './request-runner.js';

/**
 * Yields every item of a list, following `next` until it is null. The page size asked for is
 * only a wish: a server that caps it simply answers with more pages.
 */
export async function* paginate<T>(runner: RequestRunner, firstUrl: string): AsyncGenerator<T> {
  const seen = new Set<string>();
  let url: string | null = firstUrl;
  while (url !== null) {
    seen.add(url);
    const { body } = await runner.call('GET', url);
    if (Array.isArray(body)) {
      // An unpaginated list (some endpoints of v1 answer a bare array).
      yield* body as T[];
      return;
    }
    const page = body as { results?: unknown; next?: unknown } | null;
    if (page === null || typeof page !== 'object' || !Array.isArray(page.results)) {
      throw new GuidebookImportError('http', `GET ${runner.path(url)} answered without a list of "results"`);
    }
    yield* page.results as T[];
    url = typeof page.next === 'string' && page.next !== '' ? followNext(runner, url, page.next) : null;
    if (url !== null && seen.has(url)) {
      throw new GuidebookImportError('http', `GET ${runner.path(url)}: the server's "next" page link goes round in a loop`);
    }
  }
}

/**
 * The `next` link, kept on the API's own origin: the key travels with every request, so a link
 * to another host is never followed as such (a server behind a proxy may also answer http://
 * links for an https:// API).
 */
function followNext(runner: RequestRunner, currentUrl: string, next: string): string {
  const link = new URL(next, currentUrl);
  return new URL(`${link.pathname}${link.search}`, new URL(runner.options.apiUrl).origin).toString();
}
