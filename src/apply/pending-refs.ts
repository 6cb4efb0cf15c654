// Tracks and locations the plan creates before the sessions that name them (--create-missing).
// A killed earlier run may already have created some, so existing ones are found and reused
// instead of created twice.
import type { GuidebookClient } from '../api/types.js';
import type { NamedToCreate, Plan } from '../plan/types.js';
import type { ApiLocation, ApiScheduleTrack } from '../types.js';
import { isStopError } from './stop-reason.js';
import type { RunStop } from './run-stop.js';

interface NamedResource {
  id: number;
  name: string;
  import_id?: string | null;
}

/** What became of each name: an id to use, or why there is none. */
export interface RefTable<T extends NamedResource> {
  label: string;
  ids: Map<string, number>;
  failures: Map<string, string>;
  created: T[];
  reused: T[];
}

export interface ResolvedRefs {
  /** The plan's guide, which every write body carries. */
  guideId: number;
  tracks: RefTable<ApiScheduleTrack>;
  locations: RefTable<ApiLocation>;
}

interface RefKind<T extends NamedResource> {
  label: string;
  list: () => AsyncIterable<T>;
  create: (wanted: NamedToCreate) => Promise<T>;
}

/** `known`: a fresh listing to look in instead of listing again (ApplyOptions.knownReferences). */
export async function createPendingRefs(
  plan: Plan,
  client: GuidebookClient,
  stop: RunStop,
  known?: { tracks: readonly ApiScheduleTrack[]; locations: readonly ApiLocation[] },
): Promise<ResolvedRefs> {
  const tracks = await ensureAll(plan.tracksToCreate, stop, known?.tracks, {
    label: 'schedule track',
    list: () => client.listScheduleTracks(plan.guideId),
    create: (wanted) => client.createScheduleTrack({ guide: plan.guideId, name: wanted.name, import_id: wanted.import_id }),
  });
  const locations = await ensureAll(plan.locationsToCreate, stop, known?.locations, {
    label: 'location',
    list: () => client.listLocations(plan.guideId),
    // 2: a placeholder room, known by its name only (no map position).
    create: (wanted) =>
      client.createLocation({
        guide: plan.guideId,
        name: wanted.name,
        import_id: wanted.import_id,
        location_type: wanted.location_type ?? 2,
      }),
  });
  return { guideId: plan.guideId, tracks, locations };
}

async function ensureAll<T extends NamedResource>(
  wanted: NamedToCreate[],
  stop: RunStop,
  known: readonly T[] | undefined,
  kind: RefKind<T>,
): Promise<RefTable<T>> {
  const table: RefTable<T> = { label: kind.label, ids: new Map(), failures: new Map(), created: [], reused: [] };
  if (wanted.length === 0 || stop.check()) return table;

  let existing: T[];
  try {
    existing = known ? [...known] : await collect(kind.list());
  } catch (error) {
    if (isStopError(error)) stop.stopWith(error);
    else for (const item of wanted) table.failures.set(item.name, `could not list the guide's ${kind.label}s: ${messageOf(error)}`);
    return table;
  }

  for (const item of wanted) {
    if (stop.check()) break;
    const found = findExisting(existing, item);
    if (found) {
      table.ids.set(item.name, found.id);
      table.reused.push(found);
      continue;
    }
    try {
      const made = await kind.create(item);
      table.ids.set(item.name, made.id);
      table.created.push(made);
      existing.push(made);
    } catch (error) {
      if (isStopError(error)) {
        stop.stopWith(error);
        break;
      }
      // A lost answer was already looked up by the client (createScheduleTrack/createLocation
      // recover by import_id or name before any retry): what still fails here has failed.
      table.failures.set(item.name, messageOf(error));
    }
  }
  return table;
}

/** The same import_id, else the same name (exactly, then ignoring case and outer spaces). */
function findExisting<T extends NamedResource>(existing: T[], wanted: NamedToCreate): T | undefined {
  const key = normalName(wanted.name);
  return (
    existing.find((item) => wanted.import_id && item.import_id === wanted.import_id) ??
    existing.find((item) => item.name === wanted.name) ??
    existing.find((item) => normalName(item.name) === key)
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function normalName(name: string): string {
  return name.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The ids for an entry's pending names, or the message of the first name that has none.
 * Names are looked up as the plan wrote them, then ignoring case.
 */
export function pendingIds<T extends NamedResource>(
  table: RefTable<T>,
  names: string[] | undefined,
): { ids: number[] } | { failure: string } {
  const ids: number[] = [];
  for (const name of names ?? []) {
    const id = table.ids.get(name) ?? findIgnoringCase(table.ids, name);
    if (id !== undefined) {
      ids.push(id);
      continue;
    }
    const failure = table.failures.get(name) ?? findIgnoringCase(table.failures, name);
    return {
      failure:
        failure !== undefined
          ? `${table.label} ${JSON.stringify(name)} could not be created: ${failure}`
          : `${table.label} ${JSON.stringify(name)} was not created (it is not among the plan's ${table.label}s to create)`,
    };
  }
  return { ids };
}

function findIgnoringCase<V>(map: Map<string, V>, name: string): V | undefined {
  const key = normalName(name);
  for (const [candidate, value] of map) if (normalName(candidate) === key) return value;
  return undefined;
}
