import { editDistance, referenceKey, slugify } from './reference-name.js';

export type ReferenceKind = 'track' | 'location';

interface NamedRecord {
  id: number;
  name: string;
  import_id?: string | null;
}

export interface ResolvedReference {
  id: number;
  name: string;
}

/** Looks up a guide's tracks or locations by the names (or ids) a sheet writes. Built once per run. */
export interface ReferenceIndex {
  readonly kind: ReferenceKind;
  resolve(reference: string): ResolvedReference | undefined;
  nameOf(id: number): string;
  /** A few known names, closest to `reference` first, for "did you mean" messages. */
  suggestions(reference: string, count?: number): string[];
  readonly size: number;
}

/** The import_id an import gives a track or location it creates: stable across runs. */
export function createdImportId(kind: ReferenceKind, name: string): string {
  return `gbi-${kind}-${slugify(name)}`;
}

const MAX_CACHED_SPELLINGS = 10_000;

export function buildReferenceIndex(kind: ReferenceKind, records: readonly NamedRecord[]): ReferenceIndex {
  const byKey = new Map<string, NamedRecord>();
  const byId = new Map<number, NamedRecord>();
  const byImportId = new Map<string, NamedRecord>();
  for (const record of records) {
    byId.set(record.id, record);
    const key = referenceKey(record.name);
    // Two records with one name: the oldest (lowest id) wins, so the choice is stable across runs.
    const seen = byKey.get(key);
    if (!seen || record.id < seen.id) byKey.set(key, record);
    if (record.import_id) byImportId.set(record.import_id, record);
  }
  const suggestionCache = new Map<string, string[]>();
  // A sheet writes a handful of track and room names on thousands of rows: each spelling is
  // looked up once (normalising and slugifying it is the costly part).
  const resolved = new Map<string, ResolvedReference | null>();
  const lookUp = (reference: string): ResolvedReference | null => {
    const found =
      byKey.get(referenceKey(reference)) ??
      (/^\d+$/.test(reference.trim()) ? byId.get(Number(reference.trim())) : undefined) ??
      // A track this tool created on an earlier run and someone renamed in Builder since.
      byImportId.get(createdImportId(kind, reference));
    return found ? Object.freeze({ id: found.id, name: found.name }) : null;
  };

  return {
    kind,
    size: records.length,
    resolve(reference) {
      let found = resolved.get(reference);
      if (found === undefined) {
        found = lookUp(reference);
        if (resolved.size >= MAX_CACHED_SPELLINGS) resolved.clear();
        resolved.set(reference, found);
      }
      return found ?? undefined;
    },
    nameOf(id) {
      return byId.get(id)?.name ?? `#${id}`;
    },
    suggestions(reference, count = 5) {
      const key = referenceKey(reference);
      let names = suggestionCache.get(key);
      if (!names) {
        names = [...byKey.entries()]
          .map(([candidate, record]) => ({ name: record.name, distance: editDistance(key, candidate) }))
          .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
          .slice(0, count)
          .map((entry) => entry.name);
        suggestionCache.set(key, names);
      }
      return names;
    },
  };
}
