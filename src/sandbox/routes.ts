// Maps a request path to an API resource. The same resources are served under /open-api/v1/,
// /open-api/v1.1/ and bare (an alias of v1.1, so `curl $ORIGIN/sessions/?guide=1` works).

export type ApiVersion = 'v1' | 'v1.1';
export type ResourceName =
  | 'guides'
  | 'sessions'
  | 'schedule-tracks'
  | 'locations'
  | 'custom-lists'
  | 'custom-list-items'
  | 'custom-list-item-relations'
  | 'links';

export interface ApiRoute {
  version: ApiVersion;
  /** The prefix as requested ('' for the bare alias), kept in the URLs the answers hold. */
  prefix: string;
  resource: ResourceName;
  /** The record id of an item path; null for the collection. */
  id: number | null;
  /** An action on an item (`publish` of `/guides/{id}/publish/`), or null. */
  action: 'publish' | null;
}

const ROUTE =
  /^(\/open-api\/v1(?:\.1)?)?\/(guides|sessions|schedule-tracks|locations|custom-lists|custom-list-items|custom-list-item-relations|links)(?:\/(\d+)(?:\/(publish))?)?\/?$/;

/** The route of a path, or null when no resource lives there. Both trailing-slash forms match. */
export function matchRoute(pathname: string): ApiRoute | null {
  const m = ROUTE.exec(pathname);
  if (!m) return null;
  const prefix = m[1] ?? '';
  // Only guides have an action.
  if (m[4] !== undefined && m[2] !== 'guides') return null;
  return {
    version: prefix === '/open-api/v1' ? 'v1' : 'v1.1',
    prefix,
    resource: m[2] as ResourceName,
    id: m[3] === undefined ? null : Number(m[3]),
    action: m[4] === undefined ? null : 'publish',
  };
}

/** The canonical form of the route's path: always with the trailing slash. */
export function canonicalPath(route: ApiRoute): string {
  const base = `${route.prefix}/${route.resource}/`;
  if (route.id === null) return base;
  return route.action === null ? `${base}${route.id}/` : `${base}${route.id}/${route.action}/`;
}
