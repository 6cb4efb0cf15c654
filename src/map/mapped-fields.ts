import type { MappedField } from '../types.js';

/** Every MappedField, in the order messages list them. */
export const MAPPED_FIELDS = [
  'import_id',
  'name',
  'description',
  'datetime_start',
  'datetime_end',
  'date',
  'start',
  'end',
  'duration',
  'timezone',
  'all_day',
  'tracks',
  'locations',
  'allow_rating',
  'add_to_schedule',
  'rank',
  'require_login',
  'max_capacity',
  'waitlist',
  'registration_start_date',
  'registration_end_date',
] as const satisfies readonly MappedField[];

// Fails to compile when src/types.ts gains a MappedField this list does not have.
type Missing = Exclude<MappedField, (typeof MAPPED_FIELDS)[number]>;
const everyFieldListed: Missing extends never ? true : never = true;
void everyFieldListed;

const FIELD_SET: ReadonlySet<string> = new Set(MAPPED_FIELDS);

export function isMappedField(value: string): value is MappedField {
  return FIELD_SET.has(value);
}
