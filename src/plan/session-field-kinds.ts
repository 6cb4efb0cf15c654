import type { SessionWriteBody } from '../api/types.js';

/** How a session field is compared between the sheet and the server. */
export type FieldKind = 'text' | 'html' | 'instant' | 'boolean' | 'number' | 'id_set';

/** Every field an import may write (guide and import_id are the match key, never diffed). */
export type ComparedField = Exclude<keyof SessionWriteBody, 'guide' | 'import_id'>;

export const FIELD_KINDS: Readonly<Record<ComparedField, FieldKind>> = {
  name: 'text',
  description_html: 'html',
  start_time: 'instant',
  end_time: 'instant',
  all_day: 'boolean',
  allow_rating: 'boolean',
  add_to_schedule: 'boolean',
  rank: 'number',
  require_login: 'boolean',
  max_capacity: 'number',
  waitlist: 'boolean',
  registration_start_date: 'instant',
  registration_end_date: 'instant',
  schedule_tracks: 'id_set',
  locations: 'id_set',
};

/** Fields the v1 API does not have: not written or compared when talking to v1. */
export const V1_1_ONLY_FIELDS: ReadonlySet<ComparedField> = new Set([
  'locations',
  'rank',
  'registration_start_date',
  'registration_end_date',
]);

export function isComparedField(field: string): field is ComparedField {
  return Object.hasOwn(FIELD_KINDS, field);
}
