import { GuidebookImportError } from '../errors.js';
import { describeAnswer, isJsonObject, isRecordWithId } from './answer-shape.js';
import type { RequestRunner } from './request-runner.js';

/**
 * Pages read of one list at most, whatever the server says: at the documented page size of 500
 * that is far beyond any guide; at a server's cap of 20 it still allows 20,000 records.
 */
export const MAX_LIST_PAGES = 1000;

/** Reads of a whole list at most when its pages come back with gaps (see paginate). */
export const MAX_LIST_PASSES = 3;

/**
 * Yields every record of a list once, following `next` until it is null. The client asks for
 * `ordering=id` (a list ordered by a field with ties can repeat and skip records between pages);
 * a record listed twice is yielded once. The server is not trusted to end the list: a read stops
 * with an error when a page is empty but links to another, when more records or pages arrive than
 * its `count` allows (one page of slack, for a record created meanwhile), when a list without a
 * count sends a page with nothing new, or at MAX_LIST_PAGES. When a read ends with fewer distinct records than the server
 * counted (pages that shifted: a server that ignored ordering=id), the list is read again and
 * only new records are yielded, up to MAX_LIST_PASSES reads; still short, it is an error, since
 * planning on a list with gaps would create a second copy of what was skipped.
 */
export async function* paginate<T extends { id: number }>(runner: RequestRunner, firstUrl: string): AsyncGenerator<T> {
  const seenIds = new Set<number>();
  for (let pass = 1; ; pass += 1) {
    const count = yield* readOnce<T>(runner, firstUrl, seenIds);
    if (count === null || seenIds.size >= count) return;
    if (pass === MAX_LIST_PASSES) {
      throw listingError(
        runner,
        firstUrl,
        `the server counted ${count} records but ${MAX_LIST_PASSES} reads of its pages held ${seenIds.size} distinct ones: ` +
          'its order shifts between pages (planning on a list with gaps would duplicate what was skipped); try again later',
      );
    }
  }
}

function listingError(runner: RequestRunner, url: string, why: string): GuidebookImportError {
  return new GuidebookImportError('http', `GET ${runner.path(url)}: ${why}; the listing was stopped and nothing was written`);
}

/** One read of the list from its first page; yields the records not in `seenIds`, returns the count. */
async function* readOnce<T>(runner: RequestRunner, firstUrl: string, seenIds: Set<number>): AsyncGenerator<T, number | null> {
  const fail = (url: string, why: string): GuidebookImportError => listingError(runner, url, why);
  const seenUrls = new Set<string>();
  const idsThisRead = new Set<number>();
  let url: string | null = firstUrl;
  let pages = 0;
  let received = 0;
  let count: number | null = null;
  // The page bounds follow the pages as served: the smallest page for how many there can be,
  // the largest as the slack for records created while listing.
  let smallestPage = Infinity;
  let largestPage = 0;
  while (url !== null) {
    seenUrls.add(url);
    pages += 1;
    const { body } = await runner.call('GET', url);
    // An unpaginated list (some endpoints of v1 answer a bare array).
    const results: unknown = Array.isArray(body) ? body : isJsonObject(body) ? body.results : undefined;
    if (!Array.isArray(results)) throw fail(url, `the server answered ${describeAnswer(body)} instead of a page of "results"`);
    const page = isJsonObject(body) ? body : {};
    if (pages === 1) count = typeof page.count === 'number' && Number.isInteger(page.count) && page.count >= 0 ? page.count : null;
    const next: string | null = typeof page.next === 'string' && page.next !== '' ? followNext(runner, url, page.next) : null;
    if (results.length === 0 && next !== null) throw fail(url, `page ${pages} is empty but links to a next page`);
    received += results.length;
    let fresh = 0;
    for (const item of results) {
      if (!isRecordWithId(item)) throw fail(url, `page ${pages} holds ${describeAnswer(item)} instead of a record with a numeric id`);
      if (idsThisRead.has(item.id)) continue;
      idsThisRead.add(item.id);
      fresh += 1;
      if (seenIds.has(item.id)) continue;
      seenIds.add(item.id);
      yield item as unknown as T;
    }
    if (next === null) break;
    // With a count, its page bound below ends a loop; without one, a page with nothing new must.
    if (fresh === 0 && count === null) {
      throw fail(url, `page ${pages} holds only records already listed: the server's "next" link goes round in a loop`);
    }
    if (seenUrls.has(next)) throw fail(next, `the server's "next" page link goes round in a loop`);
    smallestPage = Math.min(smallestPage, results.length);
    largestPage = Math.max(largestPage, results.length);
    if (count !== null) {
      if (received > count + largestPage || pages >= Math.ceil(count / smallestPage) + 1) {
        throw fail(next, `the server keeps sending pages (${pages} pages, ${received} records) beyond the ${count} records it counted`);
      }
    }
    if (pages >= MAX_LIST_PAGES) throw fail(next, `the list goes on past ${MAX_LIST_PAGES} pages`);
    url = next;
  }
  return count;
}

/**
 * The `next` link, kept on the API's own origin: the key travels with every request, so a link
 * to another host is never followed as such (a server behind a proxy may also answer http://
 * links for an https:// API). A `next` link is the API's own paging, not an HTTP redirect.
 */
function followNext(runner: RequestRunner, currentUrl: string, next: string): string {
  const link = new URL(next, currentUrl);
  return new URL(`${link.pathname}${link.search}`, new URL(runner.options.apiUrl).origin).toString();
}
