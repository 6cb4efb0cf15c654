// Maps a request path to an API resource. The same resources are served under /open-api/v1/,
// /open-api/v1.1/ and bare (an alias of v1.1, so `curl $ORIGIN/sessions/?guide=1` works).

export type ApiVersion = 'v1' | 'v1.1';
export type ResourceName = 'guides' | 'sessions' | 'schedule-tracks' | 'locations';

export interface ApiRoute {
  version: ApiVersion;
  /** The prefix as requested ('' for the bare alias), kept in the URLs the answers hold. */
  prefix: string;
  resource: ResourceName;
  /** The record id of an item path; null for the collection. */
  id: number | null;
}

const ROUTE = /^(\/open-api\/v1(?:\.1)?)?\/(guides|sessions|schedule-tracks|locations)(?:\/(\d+))?\/?$/;

/** The route of a path, or null when no resource lives there. Both trailing-slash forms match. */
export function matchRoute(pathname: string): ApiRoute | null {
  const m = ROUTE.exec(pathname);
  if (!m) return null;
  const prefix = m[1] ?? '';
  return {
    version: prefix === '/open-api/v1' ? 'v1' : 'v1.1',
    prefix,
    resource: m[2] as ResourceName,
    id: m[3] === undefined ? null : Number(m[3]),
  };
}

/** The canonical form of the route's path: always with the trailing slash. */
export function canonicalPath(route: ApiRoute): string {
  const base = `${route.prefix}/${route.resource}/`;
  return route.id === null ? base : `${base}${route.id}/`;
}
