import type { RowIssue } from '../types.js';
import type { MissingReferences } from './missing-references.js';
import type { ReferenceIndex } from './reference-index.js';

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

function unknownReferenceIssue(
  reference: string,
  index: ReferenceIndex,
  where: { sheet: string; row: number; guideId: number },
): RowIssue {
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
