import type { SessionWriteBody } from '../api/types.js';
import type { SheetSession } from '../types.js';
import { FIELD_KINDS, V1_1_ONLY_FIELDS, isComparedField, type ComparedField, type FieldKind } from './session-field-kinds.js';

export type ApiVersion = 'v1' | 'v1.1';

/**
 * The fields a sheet row manages, as they would be sent: the fields the sheet maps AND the row
 * fills in. A blank cell (or a column the sheet lacks) leaves the session's value as it is, for
 * every kind of field alike: the service fills blanks in with values of its own (rank 0.0, an
 * end time for an all-day session, true for allow_rating on create), so a blank sent or compared
 * as "empty" would be refused (rank: null) or rewritten on every re-sync. Guessing false for a
 * blank yes/no would silently flip a setting made in Builder. To clear a value, clear it in
 * Builder. Track and location ids come already resolved.
 */
export function desiredFields(
  session: SheetSession,
  refIds: { schedule_tracks?: number[]; locations?: number[] },
  apiVersion: ApiVersion,
): SessionWriteBody {
  const desired: Record<string, unknown> = {};
  for (const [field, kind] of comparedFields(session.mapped, apiVersion)) {
    if (kind === 'id_set') {
      // The names decide, not the ids: names of tracks still to be created have no id yet.
      const names = field === 'schedule_tracks' ? session.tracks : session.locations;
      if (!names || names.length === 0) continue;
      desired[field] = field === 'schedule_tracks' ? (refIds.schedule_tracks ?? []) : (refIds.locations ?? []);
      continue;
    }
    const value = (session.fields as unknown as Record<string, unknown>)[field];
    if (!isBlank(value)) desired[field] = value;
  }
  return desired as SessionWriteBody;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type FieldsWithKinds = ReadonlyArray<readonly [ComparedField, FieldKind]>;

// The rows of a sheet share a few frozen `mapped` lists (see validate/convert-row.ts): the fields
// each compares, with their kinds, are worked out once per list and version.
const COMPARED = new WeakMap<ReadonlyArray<string>, Partial<Record<ApiVersion, FieldsWithKinds>>>();

function comparedFields(mapped: ReadonlyArray<string>, apiVersion: ApiVersion): FieldsWithKinds {
  const frozen = Object.isFrozen(mapped);
  const known = frozen ? COMPARED.get(mapped)?.[apiVersion] : undefined;
  if (known) return known;
  const fields: Array<readonly [ComparedField, FieldKind]> = [];
  for (const field of mapped) {
    if (!isComparedField(field)) continue;
    if (apiVersion === 'v1' && V1_1_ONLY_FIELDS.has(field)) continue;
    fields.push([field, FIELD_KINDS[field]]);
  }
  if (frozen) COMPARED.set(mapped, { ...COMPARED.get(mapped), [apiVersion]: fields });
  return fields;
}
