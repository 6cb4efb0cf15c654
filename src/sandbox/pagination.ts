// DRF's PageNumberPagination: `page` (1-based) and `page_size`, with absolute next/previous URLs
// that keep every other query parameter, so a client can follow them as they are.

export const DEFAULT_PAGE_SIZE = 50;

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** `listUrl` is the absolute canonical URL of the list; `query` the request's query. */
export function paginate<T>(items: T[], query: URLSearchParams, listUrl: string, pageSizeMax: number): Page<T> | null {
  const pageSize = readPageSize(query.get('page_size'), pageSizeMax);
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const rawPage = (query.get('page') ?? '').trim();
  const page = rawPage === '' ? 1 : rawPage === 'last' ? pageCount : /^\d+$/.test(rawPage) ? Number(rawPage) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const start = (page - 1) * pageSize;
  return {
    count: items.length,
    next: page < pageCount ? pageUrl(listUrl, query, page + 1) : null,
    previous: page > 1 ? pageUrl(listUrl, query, page - 1) : null,
    results: items.slice(start, start + pageSize),
  };
}

function readPageSize(raw: string | null, max: number): number {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return Math.min(DEFAULT_PAGE_SIZE, max);
  const size = Number(raw);
  return size < 1 ? Math.min(DEFAULT_PAGE_SIZE, max) : Math.min(size, max);
}

/** The first page's URL has no `page` parameter at all, as DRF writes it. */
function pageUrl(listUrl: string, query: URLSearchParams, page: number): string {
  const params = new URLSearchParams(query);
  if (page === 1) params.delete('page');
  else params.set('page', String(page));
  const search = params.toString();
  return search === '' ? listUrl : `${listUrl}?${search}`;
}
