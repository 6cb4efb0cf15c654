// Answers one API request against the store: auth, routing to a resource, list/create/read/
// update/delete. Synchronous once the body is read, so requests never interleave mid-change.
import { checkAuthorization } from './auth.js';
import { answerShape } from './answer-shape.js';
import { customListItemRelationResource } from './custom-list-item-relation-resource.js';
import { customListItemResource } from './custom-list-item-resource.js';
import { customListResource } from './custom-list-resource.js';
import { linkResource } from './link-resource.js';
import { formatApiTimestamp, guideDateTime } from './datetime.js';
import { guideAccess } from './guide-access.js';
import { locationResource } from './location-resource.js';
import { listRecords, type ListingSwitches } from './list-records.js';
import { paginate } from './pagination.js';
import type { RequestBody } from './request-body.js';
import { PERMISSION_DENIED, type ResourceContext, type WritableResource } from './resource.js';
import { canonicalPath, type ApiRoute, type ResourceName } from './routes.js';
import { scheduleTrackResource } from './schedule-track-resource.js';
import { sessionResource } from './session-resource.js';
import type { SandboxStore } from './store.js';
import type { SandboxGuide, WritableKind } from './types.js';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as it is instead of `body` as JSON (an HTML page of --login-page). */
  raw?: { text: string; contentType: string };
}

export interface ApiRequest {
  method: string;
  route: ApiRoute;
  query: URLSearchParams;
  body: RequestBody;
  authorization: string | undefined;
  /** http://host as the client addressed the server, for absolute next/previous URLs. */
  origin: string;
}

export interface ApiSettings {
  store: SandboxStore;
  apiKey: string | undefined;
  pageSizeMax: number;
  now: () => number;
  /** The hostile listing switches (all off on a faithful sandbox). */
  listing: ListingSwitches;
  /** Publishing answers 403 as on a plan that cannot publish (--refuse-publish). */
  refusePublish: boolean;
}

/** What the service answers a publish on a plan without API publishing. */
export const PUBLISH_REFUSED_DETAIL =
  'Publishing through the Open API is not available on your plan. Upgrade your plan or publish from Guidebook Builder.';

const NOT_FOUND: Answer = { status: 404, body: { detail: 'Not found.' } };
const FORBIDDEN: Answer = { status: 403, body: { detail: PERMISSION_DENIED } };

const RESOURCES: Record<Exclude<ResourceName, 'guides'>, WritableResource<WritableKind>> = {
  sessions: sessionResource as unknown as WritableResource<WritableKind>,
  'schedule-tracks': scheduleTrackResource as unknown as WritableResource<WritableKind>,
  locations: locationResource as unknown as WritableResource<WritableKind>,
  'custom-lists': customListResource as unknown as WritableResource<WritableKind>,
  'custom-list-items': customListItemResource as unknown as WritableResource<WritableKind>,
  'custom-list-item-relations': customListItemRelationResource as unknown as WritableResource<WritableKind>,
  links: linkResource as unknown as WritableResource<WritableKind>,
};

export function handleApiRequest(request: ApiRequest, settings: ApiSettings): Answer {
  const auth = checkAuthorization(request.authorization, settings.apiKey);
  if (!auth.ok) return { status: 401, body: { detail: auth.detail }, headers: { 'WWW-Authenticate': 'JWT realm="api"' } };

  const { route, method } = request;
  const allowed =
    route.action === 'publish'
      ? ['POST']
      : route.resource === 'guides'
        ? ['GET']
        : route.id === null
          ? ['GET', 'POST']
          : ['GET', 'PATCH', 'DELETE'];
  if (!allowed.includes(method)) {
    return { status: 405, body: { detail: `Method "${method}" not allowed.` }, headers: { Allow: allowed.join(', ') } };
  }
  if (route.action === 'publish' && route.id !== null) return answerPublish(route.id, settings);
  if (route.resource === 'guides') return answerGuides(request, settings);
  const resource = RESOURCES[route.resource];
  const ctx: ResourceContext = { store: settings.store, version: route.version };
  return route.id === null ? answerCollection(resource, request, ctx, settings) : answerItem(resource, route.id, request, ctx, settings);
}

function answerGuides(request: ApiRequest, settings: ApiSettings): Answer {
  const { store } = settings;
  if (request.route.id === null) return answerPage(store.ownGuides().map(publicGuide), request, settings);
  const access = guideAccess(store, request.route.id);
  if (access === 'missing') return NOT_FOUND;
  if (access === 'other') return FORBIDDEN;
  return { status: 200, body: publicGuide(store.guide(request.route.id) as SandboxGuide) };
}

/** Publishing: the guide must be the key's own; a plan that cannot publish is refused. */
function answerPublish(guideId: number, settings: ApiSettings): Answer {
  const access = guideAccess(settings.store, guideId);
  if (access === 'missing') return NOT_FOUND;
  if (access === 'other') return FORBIDDEN;
  if (settings.refusePublish) return { status: 403, body: { detail: PUBLISH_REFUSED_DETAIL } };
  const at = formatApiTimestamp(settings.now());
  settings.store.recordPublication(guideId, at);
  return { status: 200, body: { id: guideId, published_at: at } };
}

/** A record as this request's answer shows it (versions, image URLs, read-only extras). */
function present(resource: WritableResource<WritableKind>, record: object, ctx: ResourceContext, request: ApiRequest) {
  const shaped = answerShape(resource.kind, record, ctx.version, request.origin);
  return resource.answerExtras ? { ...shaped, ...resource.answerExtras(record as never, ctx.store) } : shaped;
}

/** A guide as the API answers it: no owner, and its dates as API datetimes. */
function publicGuide(guide: SandboxGuide): Omit<SandboxGuide, 'owner'> {
  const { owner: _owner, ...fields } = guide;
  return { ...fields, start_date: guideDateTime(fields.start_date ?? null), end_date: guideDateTime(fields.end_date ?? null) };
}

function answerCollection(
  resource: WritableResource<WritableKind>,
  request: ApiRequest,
  ctx: ResourceContext,
  settings: ApiSettings,
): Answer {
  if (request.method === 'GET') {
    const listed = listRecords(resource, request.query, ctx, settings.listing);
    if (!listed.ok) return listed.status === 403 ? FORBIDDEN : { status: 400, body: listed.errors };
    return answerPage(
      listed.records.map((record) => present(resource, record, ctx, request)),
      request,
      settings,
    );
  }
  const check = resource.check(request.body, ctx);
  if (!check.ok) return check.status === 403 ? FORBIDDEN : { status: 400, body: check.errors };
  const now = formatApiTimestamp(settings.now());
  for (const upload of check.uploads ?? []) ctx.store.putImage(upload.path, upload.image);
  const record = ctx.store.create(resource.kind, (id) => ({ id, created_at: now, last_updated: now, ...check.fields }) as never);
  return { status: 201, body: present(resource, record, ctx, request) };
}

function answerItem(
  resource: WritableResource<WritableKind>,
  id: number,
  request: ApiRequest,
  ctx: ResourceContext,
  settings: ApiSettings,
): Answer {
  const existing = ctx.store.get(resource.kind, id);
  if (!existing) return NOT_FOUND;
  const guide = ctx.store.guideOf(resource.kind, existing);
  if (guide === undefined || guideAccess(ctx.store, guide) !== 'own') return FORBIDDEN;
  if (request.method === 'GET') return { status: 200, body: present(resource, existing, ctx, request) };
  const now = formatApiTimestamp(settings.now());
  if (request.method === 'DELETE') {
    ctx.store.remove(resource.kind, id, now);
    return { status: 204 };
  }
  const check = resource.check(request.body, ctx, existing);
  if (!check.ok) return check.status === 403 ? FORBIDDEN : { status: 400, body: check.errors };
  for (const upload of check.uploads ?? []) ctx.store.putImage(upload.path, upload.image);
  const updated = { id, created_at: existing.created_at, last_updated: now, ...check.fields };
  ctx.store.replace(resource.kind, updated as never);
  return { status: 200, body: present(resource, updated, ctx, request) };
}

function answerPage(items: unknown[], request: ApiRequest, settings: ApiSettings): Answer {
  const listUrl = `${request.origin}${canonicalPath(request.route)}`;
  const page = paginate(items, request.query, listUrl, settings.pageSizeMax);
  return page ? { status: 200, body: page } : { status: 404, body: { detail: 'Invalid page.' } };
}
