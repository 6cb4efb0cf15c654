import type { SessionWriteBody } from '../api/types.js';
import type { SheetSession } from '../types.js';
import { FIELD_KINDS, V1_1_ONLY_FIELDS, isComparedField } from './session-field-kinds.js';

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
  for (const field of session.mapped) {
    if (!isComparedField(field)) continue;
    if (apiVersion === 'v1' && V1_1_ONLY_FIELDS.has(field)) continue;
    const kind = FIELD_KINDS[field];
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
