// A state file may be written by hand ("start with these guides"), so missing parts are filled
// in rather than refused; only a shape that cannot be a state is an error.
import { GuidebookImportError } from '../errors.js';
import {
  EPOCH_TIMESTAMP,
  SANDBOX_ACCOUNT,
  customListDefaults,
  customListItemDefaults,
  defaultCustomLists,
  defaultSandboxState,
} from './default-state.js';
import type {
  SandboxCustomList,
  SandboxCustomListItem,
  SandboxCustomListItemRelation,
  SandboxGuide,
  SandboxImage,
  SandboxLink,
  SandboxLocation,
  SandboxPublication,
  SandboxScheduleTrack,
  SandboxSession,
  SandboxState,
  WritableKind,
} from './types.js';

export function normalizeState(raw: unknown, source: string): SandboxState {
  if (!isObject(raw)) throw invalid(source, 'the top level is not a JSON object');
  const account = typeof raw.account === 'string' && raw.account !== '' ? raw.account : SANDBOX_ACCOUNT;
  // No "guides" at all means the default guides; an empty list means none.
  const givenGuides = raw.guides === undefined ? defaultSandboxState().guides : raw.guides;
  const guides = listOf(givenGuides, source, 'guides').map((g): SandboxGuide => {
    if (typeof g.id !== 'number') throw invalid(source, `a guide has no numeric "id": ${JSON.stringify(g)}`);
    return {
      id: g.id,
      name: typeof g.name === 'string' ? g.name : `Guide ${g.id}`,
      timezone: typeof g.timezone === 'string' ? g.timezone : null,
      start_date: typeof g.start_date === 'string' ? g.start_date : null,
      end_date: typeof g.end_date === 'string' ? g.end_date : null,
      owner: typeof g.owner === 'string' ? g.owner : account,
    };
  });
  const sessions = records(raw.sessions, source, 'sessions').map((s) => withDefaults<SandboxSession>(s, sessionDefaults()));
  const tracks = records(raw.schedule_tracks, source, 'schedule_tracks').map((t) =>
    withDefaults<SandboxScheduleTrack>(t, { color: null, import_id: null, created_at: EPOCH_TIMESTAMP, last_updated: EPOCH_TIMESTAMP }),
  );
  const locations = records(raw.locations, source, 'locations').map((l) =>
    withDefaults<SandboxLocation>(l, {
      location_type: 2,
      import_id: null,
      address: null,
      latitude: null,
      longitude: null,
      created_at: EPOCH_TIMESTAMP,
      last_updated: EPOCH_TIMESTAMP,
    }),
  );
  // Every new guide has a "Speakers" list: a state that says nothing about lists gets one per guide.
  const givenLists = raw.custom_lists === undefined ? defaultCustomLists(guides) : raw.custom_lists;
  const customLists = records(givenLists, source, 'custom_lists').map((l) =>
    withDefaults<SandboxCustomList>(l, { ...customListDefaults(), name: 'Speakers' }),
  );
  const items = records(raw.custom_list_items, source, 'custom_list_items').map((i) =>
    withDefaults<SandboxCustomListItem>(i, { name: '', ...customListItemDefaults() }),
  );
  const relations = listOf(raw.custom_list_item_relations, source, 'custom_list_item_relations').map((r) => {
    if (typeof r.id !== 'number' || typeof r.custom_list !== 'number' || typeof r.custom_list_item !== 'number') {
      throw invalid(
        source,
        `an entry of "custom_list_item_relations" needs numeric "id", "custom_list" and "custom_list_item": ${JSON.stringify(r).slice(0, 200)}`,
      );
    }
    return withDefaults<SandboxCustomListItemRelation>(r, { rank: 0, created_at: EPOCH_TIMESTAMP, last_updated: EPOCH_TIMESTAMP });
  });
  const links = records(raw.links, source, 'links').map((l) =>
    withDefaults<SandboxLink>(l, { rank: 0, import_id: null, created_at: EPOCH_TIMESTAMP, last_updated: EPOCH_TIMESTAMP }),
  );
  const images = isObject(raw.images) ? (raw.images as Record<string, SandboxImage>) : {};
  const publications = listOf(raw.publications, source, 'publications') as unknown as SandboxPublication[];
  const givenNext = isObject(raw.nextIds) ? raw.nextIds : {};
  const nextId = (kind: WritableKind, items: Array<{ id: number }>): number => {
    const floor = items.reduce((max, item) => Math.max(max, item.id + 1), 1);
    const given = givenNext[kind];
    return typeof given === 'number' && given >= floor ? given : floor;
  };
  const budget =
    isObject(raw.budget) && typeof raw.budget.day === 'string' && typeof raw.budget.count === 'number'
      ? { day: raw.budget.day, count: raw.budget.count }
      : { day: '1970-01-01', count: 0 };
  return {
    version: 1,
    account,
    guides,
    sessions,
    schedule_tracks: tracks,
    locations,
    custom_lists: customLists,
    custom_list_items: items,
    custom_list_item_relations: relations,
    links,
    images,
    publications,
    nextIds: {
      sessions: nextId('sessions', sessions),
      schedule_tracks: nextId('schedule_tracks', tracks),
      locations: nextId('locations', locations),
      custom_lists: nextId('custom_lists', customLists),
      custom_list_items: nextId('custom_list_items', items),
      custom_list_item_relations: nextId('custom_list_item_relations', relations),
      links: nextId('links', links),
    },
    budget,
  };
}

export function sessionDefaults(): Omit<SandboxSession, 'id' | 'guide' | 'name' | 'start_time'> {
  return {
    created_at: EPOCH_TIMESTAMP,
    last_updated: EPOCH_TIMESTAMP,
    end_time: null,
    all_day: false,
    description_html: null,
    import_id: null,
    allow_rating: false,
    add_to_schedule: false,
    schedule_tracks: [],
    locations: [],
    rank: 0,
    require_login: false,
    max_capacity: null,
    waitlist: false,
    registration_start_date: null,
    registration_end_date: null,
    image: null,
  };
}

/**
 * The record with its missing fields filled in, its own keys first and in their own order: a
 * state file loaded and saved again keeps the same bytes (`{...defaults, ...record}` would move
 * the keys of every record the API wrote, so a restart alone changed the file).
 */
function withDefaults<T>(record: Record<string, unknown>, defaults: object): T {
  const filled: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(defaults)) if (!(key in filled)) filled[key] = value;
  return filled as T;
}

function records(value: unknown, source: string, name: string): Array<Record<string, unknown> & { id: number; guide: number }> {
  return listOf(value, source, name).map((item) => {
    if (typeof item.id !== 'number' || typeof item.guide !== 'number') {
      throw invalid(source, `an entry of "${name}" needs numeric "id" and "guide": ${JSON.stringify(item).slice(0, 200)}`);
    }
    return item as Record<string, unknown> & { id: number; guide: number };
  });
}

function listOf(value: unknown, source: string, name: string): Array<Record<string, unknown>> {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw invalid(source, `"${name}" must be a list of objects`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function invalid(source: string, why: string): GuidebookImportError {
  return new GuidebookImportError('file', `sandbox state ${source} is not usable: ${why}`);
}
