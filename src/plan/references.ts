import type { NamedToCreate } from './types.js';
import type { RowIssue } from '../types.js';

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

/** The form names are matched in: case, accents' composition and white space do not matter. */
export function referenceKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** A stable ASCII slug for import ids: "Main Hall (B)" → "main-hall-b". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  // Names in scripts without ASCII letters still need a stable, distinct id.
  return slug || `x${fnv1a(name.normalize('NFKC')).toString(16)}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Edit distance, for suggesting the known names closest to a misspelt one. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The tracks or locations a run creates (--create-missing): each name once, however many rows
 * use it or however they spell its case and spacing. The first spelling seen is the one created,
 * and entries refer to it by exactly that name so apply can hand them its id.
 */
export interface MissingReferences {
  /** Registers a name and returns the canonical name entries must reference. */
  add(name: string): string;
  list(): NamedToCreate[];
}

export function collectMissingReferences(kind: ReferenceKind): MissingReferences {
  const byKey = new Map<string, NamedToCreate>();
  const usedImportIds = new Set<string>();
  // The canonical name of each spelling already added: rows repeat a few names many times.
  const bySpelling = new Map<string, string>();
  return {
    add(name) {
      const known = bySpelling.get(name);
      if (known !== undefined) return known;
      const canonical = addName(name);
      if (bySpelling.size < MAX_CACHED_SPELLINGS) bySpelling.set(name, canonical);
      return canonical;
    },
    list() {
      return [...byKey.values()];
    },
  };

  function addName(name: string): string {
    const key = referenceKey(name);
    const existing = byKey.get(key);
    if (existing) return existing.name;
    const trimmed = name.trim().replace(/\s+/g, ' ');
    // Different names can share a slug ("A&B", "A-B"): number the later ones.
    const base = createdImportId(kind, trimmed);
    let importId = base;
    for (let n = 2; usedImportIds.has(importId); n++) importId = `${base}-${n}`;
    usedImportIds.add(importId);
    const created: NamedToCreate = { name: trimmed, import_id: importId };
    // A sheet gives a room only by name: a placeholder room (2), not a map location.
    if (kind === 'location') created.location_type = 2;
    byKey.set(key, created);
    return trimmed;
  }
}

export interface RowReferences {
  /** Ids of existing tracks/locations, in sheet order, without repeats. */
  ids: number[];
  /** Every reference by name (existing names as the guide spells them, then pending ones). */
  names: string[];
  /** Names to be created first (--create-missing). */
  pending: string[];
  issues: RowIssue[];
}

const NOUN = { track: 'schedule track', location: 'location' } as const;
const PLURAL = { track: 'schedule tracks', location: 'locations' } as const;

/** Resolves one row's track or location references against the guide. */
export function resolveRowReferences(
  references: readonly string[] | undefined,
  index: ReferenceIndex,
  missing: MissingReferences | null,
  where: { sheet: string; row: number; guideId: number },
): RowReferences {
  const result: RowReferences = { ids: [], names: [], pending: [], issues: [] };
  for (const raw of references ?? []) {
    const reference = raw.trim();
    if (!reference) continue;
    const found = index.resolve(reference);
    if (found) {
      if (!result.ids.includes(found.id)) {
        result.ids.push(found.id);
        result.names.push(found.name);
      }
    } else if (missing) {
      const name = missing.add(reference);
      if (!result.pending.includes(name)) result.pending.push(name);
    } else {
      result.issues.push(unknownReferenceIssue(reference, index, where));
    }
  }
  result.names.push(...result.pending);
  return result;
}

function unknownReferenceIssue(reference: string, index: ReferenceIndex, where: { sheet: string; row: number; guideId: number }): RowIssue {
  const kind = index.kind;
  const suggestions = index.suggestions(reference);
  const known =
    index.size === 0
      ? `the guide has no ${PLURAL[kind]} yet`
      : `known: ${suggestions.map((name) => JSON.stringify(name)).join(', ')}${index.size > suggestions.length ? `, … ${index.size} in all` : ''}`;
  return {
    code: kind === 'track' ? 'unknown_track' : 'unknown_location',
    severity: 'error',
    message:
      `Row ${where.row}: ${NOUN[kind]} ${JSON.stringify(reference)} is not in guide ${where.guideId} (${known}); ` +
      `correct the name, or run with --create-missing to create it`,
    sheet: where.sheet,
    row: where.row,
    value: reference,
  };
}
