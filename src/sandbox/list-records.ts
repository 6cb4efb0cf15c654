// The records one list request answers, in order: the resource's own filters, then the hostile
// listing switches (--ignore-guide-filter, --unstable-order) when they are on.
import { guideAccess } from './guide-access.js';
import { orderRecords } from './ordering.js';
import type { ListFilter, ResourceContext, WritableResource } from './resource.js';
import type { RecordOf } from './store.js';
import type { WritableKind } from './types.js';

export interface ListingSwitches {
  ignoreGuideFilter: boolean;
  ignoreOrdering: boolean;
  /** Set when ties shuffle (--unstable-order): the draws of the shuffle. */
  unstableRandom: (() => number) | null;
}

/** What a real database would order by when the request names nothing. */
const DEFAULT_ORDER_KEY: Record<WritableKind, string | null> = {
  sessions: 'start_time',
  schedule_tracks: 'name',
  locations: 'name',
  custom_lists: 'name',
  custom_list_items: 'name',
  custom_list_item_relations: 'rank',
  links: 'rank',
};

export type ListResult<K extends WritableKind> = { ok: true; records: RecordOf[K][] } | Exclude<ListFilter<K>, { ok: true }>;

export function listRecords<K extends WritableKind>(
  resource: WritableResource<K>,
  query: URLSearchParams,
  ctx: ResourceContext,
  switches: ListingSwitches,
): ListResult<K> {
  // The request's own filter is still checked, so a missing or foreign ?guide= answers as always.
  const filter = resource.filter(query, ctx);
  if (!filter.ok) return filter;
  const keep = switches.ignoreGuideFilter ? keepForEveryOwnGuide(resource, query, ctx) : filter.keep;
  const kept = ctx.store.all(resource.kind).filter(keep);
  const unstable = switches.unstableRandom ? { random: switches.unstableRandom, defaultKey: DEFAULT_ORDER_KEY[resource.kind] } : undefined;
  const ordering = switches.ignoreOrdering ? null : query.get('ordering');
  return { ok: true, records: orderRecords(kept, ordering, resource.orderingFields, unstable) };
}

/**
 * A server that ignores the guide filter: every other filter still applies, but to the records
 * of every guide the account owns (a key that reaches several guides sees them all).
 */
function keepForEveryOwnGuide<K extends WritableKind>(
  resource: WritableResource<K>,
  query: URLSearchParams,
  ctx: ResourceContext,
): (record: RecordOf[K]) => boolean {
  const perGuide = new Map<number, ((record: RecordOf[K]) => boolean) | null>();
  return (record) => {
    const guide = ctx.store.guideOf(resource.kind, record);
    if (guide === undefined) return false;
    if (!perGuide.has(guide)) {
      let keep: ((record: RecordOf[K]) => boolean) | null = null;
      if (guideAccess(ctx.store, guide) === 'own') {
        const asked = new URLSearchParams(query);
        asked.set(resource.guideFilter ?? 'guide', String(guide));
        const filter = resource.filter(asked, ctx);
        keep = filter.ok ? filter.keep : null;
      }
      perGuide.set(guide, keep);
    }
    return perGuide.get(guide)?.(record) ?? false;
  };
}
