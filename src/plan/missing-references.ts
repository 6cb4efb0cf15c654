import type { NamedToCreate } from './types.js';
import { createdImportId, type ReferenceKind } from './reference-index.js';
import { referenceKey } from './reference-name.js';

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

const MAX_CACHED_SPELLINGS = 10_000;
