import type { NamedToCreate } from './types.js';
import type { RowIssue } from '../types.js';
import { editDistance, isCloseName, slipOf } from '../did-you-mean.js';

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

/** The names of a server record's track or location ids, by the guide's listing (an unknown id as `#id`). */
export function namesOf(ids: unknown, index: ReferenceIndex): string[] {
  return Array.isArray(ids) ? ids.map((id) => index.nameOf(Number(id))) : [];
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

/** A name the sheet uses that the guide lacks, without --create-missing. */
export interface MissingName {
  /** As the sheet first spells it. */
  name: string;
  /** Rows that use it. */
  rows: number;
  /** The guide's closest name, when one is close enough to be a misspelling. */
  suggestion: string | null;
}

/**
 * The names a run cannot resolve, gathered for ONE run-level message (missingReferencesMessage)
 * instead of a near-identical paragraph on each of hundreds of rows.
 */
export interface UnknownReferences {
  /** `where`: the row naming it, counted once in `rowsNamed` however many missing names it uses. */
  note(reference: string, where?: { sheet: string; row: number }): MissingName;
  list(): MissingName[];
}

/**
 * `rowsNamed`: shared by the tracks' and the locations' collectors, so that a row naming a
 * missing track and a missing room is one row of the message's count, not two.
 */
export function collectUnknownReferences(index: ReferenceIndex, rowsNamed?: Set<string>): UnknownReferences {
  const byKey = new Map<string, MissingName>();
  return {
    note(reference, where) {
      if (where) rowsNamed?.add(`${where.sheet}\u0000${where.row}`);
      const key = referenceKey(reference);
      let known = byKey.get(key);
      if (!known) {
        known = { name: reference, rows: 0, suggestion: closeName(reference, index) };
        byKey.set(key, known);
      }
      known.rows++;
      return known;
    },
    list: () => [...byKey.values()],
  };
}

/** The guide's name closest to `reference` when it is within a misspelling's reach, else null. */
function closeName(reference: string, index: ReferenceIndex): string | null {
  const [best] = index.suggestions(reference, 1);
  if (best === undefined) return null;
  return isCloseName(referenceKey(reference), referenceKey(best)) ? best : null;
}

const SHOWN_MISSING = 12;

/**
 * The run's one message on names the guide lacks: "10 tracks and 6 rooms are missing from guide 1:
 * add --create-missing to create them, or fix these names: …", with the guide's closest name for
 * each that looks misspelt. Null when nothing is missing.
 */
export function missingReferencesMessage(
  guideId: number,
  tracks: readonly MissingName[],
  locations: readonly MissingName[],
  /** Rows that name at least one of them; without it, the names' own row counts added up. */
  rowsNamed?: number,
): string | null {
  if (tracks.length === 0 && locations.length === 0) return null;
  const counted = [
    tracks.length > 0 ? `${tracks.length} ${tracks.length === 1 ? 'track' : 'tracks'}` : '',
    locations.length > 0 ? `${locations.length} ${locations.length === 1 ? 'room' : 'rooms'}` : '',
  ].filter(Boolean);
  const verb = tracks.length + locations.length === 1 ? 'is' : 'are';
  const rows = (names: readonly MissingName[]) => names.reduce((sum, name) => sum + name.rows, 0);
  const listed = (label: string, names: readonly MissingName[]) => {
    if (names.length === 0) return '';
    const shown = names.slice(0, SHOWN_MISSING).map((name) => {
      const hint = name.suggestion ? ` (did you mean ${JSON.stringify(name.suggestion)}?)` : '';
      return `${JSON.stringify(name.name)}${hint}`;
    });
    const more = names.length > SHOWN_MISSING ? `, … ${names.length - SHOWN_MISSING} more` : '';
    return `${label} ${shown.join(', ')}${more}`;
  };
  const lists = [listed('tracks', tracks), listed('rooms', locations)].filter(Boolean).join('; ');
  const affected = rowsNamed ?? rows(tracks) + rows(locations);
  return (
    `${counted.join(' and ')} ${verb} missing from guide ${guideId} (named on ${affected} ${affected === 1 ? 'row' : 'rows'}, which stay invalid): ` +
    `add --create-missing to create them, or fix these names: ${lists}`
  );
}

/**
 * The run's one message on names --create-missing creates that look like slips of names the guide
 * has (slipOf): it creates them as asked, but never silently. Null when none looks like one.
 */
export function nearNamesMessage(
  guideId: number,
  created: { tracks: readonly NamedToCreate[]; locations: readonly NamedToCreate[] },
  existing: { tracks: readonly string[]; locations: readonly string[] },
): string | null {
  const slips = [
    ...created.tracks.map((named) => ({ kind: 'track', name: named.name, near: slipOf(named.name, existing.tracks) })),
    ...created.locations.map((named) => ({ kind: 'room', name: named.name, near: slipOf(named.name, existing.locations) })),
  ].filter((slip) => slip.near !== null);
  if (slips.length === 0) return null;
  const listed = slips
    .slice(0, SHOWN_MISSING)
    .map((slip) => `${slip.kind} ${JSON.stringify(slip.name)} (guide ${guideId} has ${JSON.stringify(slip.near)})`);
  const more = slips.length > SHOWN_MISSING ? `, … ${slips.length - SHOWN_MISSING} more` : '';
  return (
    `--create-missing creates ${slips.length === 1 ? 'a name' : `${slips.length} names`} one slip away from a name the guide has: ` +
    `${listed.join(', ')}${more}; if ${slips.length === 1 ? 'it is a typo' : 'they are typos'}, fix the sheet ` +
    '(the sessions are linked to the names as the sheet writes them)'
  );
}

/** Resolves one row's track or location references against the guide. */
export function resolveRowReferences(
  references: readonly string[] | undefined,
  index: ReferenceIndex,
  missing: MissingReferences | null,
  where: { sheet: string; row: number; guideId: number },
  unknown?: UnknownReferences,
): RowReferences {
  // Nearly every row's names all resolve: they share one empty list of issues, replaced by a
  // list of the row's own at its first issue.
  const result: RowReferences = { ids: [], names: [], pending: [], issues: NO_ISSUES };
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
      if (result.issues === NO_ISSUES) result.issues = [];
      result.issues.push(unknownReferenceIssue(reference, index, where, unknown?.note(reference, where)));
    }
  }
  if (result.pending.length > 0) result.names.push(...result.pending);
  return result;
}

const NO_ISSUES = Object.freeze([]) as unknown as RowIssue[];

function unknownReferenceIssue(
  reference: string,
  index: ReferenceIndex,
  where: { sheet: string; row: number; guideId: number },
  noted: MissingName | undefined,
): RowIssue {
  const kind = index.kind;
  let message: string;
  if (noted) {
    // The run's message (missingReferencesMessage) lists every missing name with its fix once.
    const hint = noted.suggestion ? ` (did you mean ${JSON.stringify(noted.suggestion)}?)` : '';
    message = `Row ${where.row}: ${NOUN[kind]} ${JSON.stringify(reference)} is not in guide ${where.guideId}${hint}; see the run's message on missing tracks and rooms, or add --create-missing`;
  } else {
    const suggestions = index.suggestions(reference);
    const known =
      index.size === 0
        ? `the guide has no ${PLURAL[kind]} yet`
        : `known: ${suggestions.map((name) => JSON.stringify(name)).join(', ')}${index.size > suggestions.length ? `, … ${index.size} in all` : ''}`;
    message =
      `Row ${where.row}: ${NOUN[kind]} ${JSON.stringify(reference)} is not in guide ${where.guideId} (${known}); ` +
      `correct the name, or run with --create-missing to create it`;
  }
  return {
    code: kind === 'track' ? 'unknown_track' : 'unknown_location',
    severity: 'error',
    message,
    sheet: where.sheet,
    row: where.row,
    value: reference,
  };
}
