import type { SessionWriteBody } from '../api/types.js';
import type { SheetSession } from '../types.js';
import { FIELD_KINDS, V1_1_ONLY_FIELDS, isComparedField, type ComparedField, type FieldKind } from './session-field-kinds.js';

export type ApiVersion = 'v1' | 'v1.1';

/**
 * The fields a sheet row asks for, as they would be sent: only the fields the sheet maps.
 * A mapped field the row leaves empty (undefined) means "empty" where the API has an empty
 * value (null for times and numbers, "" for the description, [] for lists); a blank boolean is
 * left alone, because guessing false would silently flip a setting made in Builder.
 * Track and location ids come already resolved.
 */
export function desiredFields(
  session: SheetSession,
  refIds: { schedule_tracks?: number[]; locations?: number[] },
  apiVersion: ApiVersion,
): SessionWriteBody {
  const desired: Record<string, unknown> = {};
  for (const [field, kind] of comparedFields(session.mapped, apiVersion)) {
    if (kind === 'id_set') {
      desired[field] = field === 'schedule_tracks' ? (refIds.schedule_tracks ?? []) : (refIds.locations ?? []);
      continue;
    }
    const value = (session.fields as unknown as Record<string, unknown>)[field];
    if (value !== undefined) desired[field] = value;
    else if (kind === 'html') desired[field] = '';
    else if (kind === 'instant' || kind === 'number') desired[field] = null;
  }
  return desired as SessionWriteBody;
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
