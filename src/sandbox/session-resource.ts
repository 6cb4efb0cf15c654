// Sessions: fields, the rules between them, and list filters, as the Open API states them.
import { booleanField, dateTimeField, floatField, integerField, primaryKeyField, primaryKeyListField, stringField } from './drf-fields.js';
import { addError, type FieldErrors, type FieldSpecs } from './field-reader.js';
import { allDayEndTime } from './datetime.js';
import { cleanDescriptionHtml } from './html-cleaner.js';
import { readListQuery } from './guide-access.js';
import { readGuidedWrite } from './guided-write.js';
import { sessionDefaults } from './normalize-state.js';
import type { WritableFields, WritableResource } from './resource.js';
import type { ApiVersion } from './routes.js';
import type { SandboxStore } from './store.js';
import type { SandboxSession } from './types.js';

export const DESCRIPTION_MAX_LENGTH = 20_000;

function sessionFieldSpecs(version: ApiVersion): FieldSpecs {
  return {
    guide: { parse: primaryKeyField, required: true },
    name: { parse: stringField({ maxLength: 255 }), required: true },
    // Required in v1, and a required CharField refuses "" as well as a missing value.
    description_html:
      version === 'v1'
        ? { parse: stringField({ maxLength: DESCRIPTION_MAX_LENGTH }), required: true }
        : { parse: stringField({ maxLength: DESCRIPTION_MAX_LENGTH, allowBlank: true }), nullable: true },
    start_time: { parse: dateTimeField, required: true },
    end_time: { parse: dateTimeField, nullable: true },
    all_day: { parse: booleanField },
    allow_rating: { parse: booleanField },
    add_to_schedule: { parse: booleanField },
    import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
    schedule_tracks: { parse: primaryKeyListField, list: true },
    locations: { parse: primaryKeyListField, list: true },
    // Documented answers show 0.0 for a rank never set, never null: the column is not nullable.
    rank: { parse: floatField(), formBlankIsAbsent: true },
    require_login: { parse: booleanField },
    max_capacity: { parse: integerField({ min: 0 }), nullable: true },
    waitlist: { parse: booleanField },
    registration_start_date: { parse: dateTimeField, nullable: true },
    registration_end_date: { parse: dateTimeField, nullable: true },
  };
}

type SessionFields = WritableFields<'sessions'>;

export const sessionResource: WritableResource<'sessions'> = {
  kind: 'sessions',
  orderingFields: ['id', 'start_time', 'end_time', 'name'],

  check(body, ctx, existing) {
    // The image is a file part of a multipart body, never JSON.
    const read = readGuidedWrite(body, ctx, existing, { specs: sessionFieldSpecs(ctx.version), images: ['image'], what: 'session' });
    if (!read.ok) return read;
    const { values, errors, uploads } = read;
    if (typeof values.description_html === 'string') values.description_html = cleanDescriptionHtml(values.description_html);

    const base = existing ? withoutMeta(existing) : creationDefaults(ctx.version);
    // Merged first, then checked: a PATCH must leave a session that is valid as a whole.
    const merged = inSeedOrder({ ...base, ...values } as SessionFields);
    // The service gives an all-day session an end time of its own when a write leaves it without
    // one (a PATCH that touches neither field leaves a stored session as it was).
    const touchesTimes = !existing || 'all_day' in values || 'end_time' in values || 'start_time' in values;
    if (touchesTimes && merged.all_day && !merged.end_time && !errors.start_time && merged.start_time) {
      merged.end_time = allDayEndTime(merged.start_time);
    }
    if (!errors.guide && merged.guide !== undefined) {
      checkRelated(ctx.store, 'schedule_tracks', merged, values, errors);
      checkRelated(ctx.store, 'locations', merged, values, errors);
    }
    checkRules(merged, errors);
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    return { ok: true, fields: merged, uploads };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id', 'schedule_tracks'], { required: ctx.version === 'v1.1', param: 'guide' });
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id, schedule_tracks: track } = numbers;
    const importId = query.get('import_id') ?? '';
    const store = ctx.store;
    return {
      ok: true,
      keep: (s) =>
        (guide === null ? store.guide(s.guide)?.owner === store.account : s.guide === guide) &&
        (importId === '' || s.import_id === importId) &&
        (id === undefined || s.id === id) &&
        (track === undefined || s.schedule_tracks.includes(track)),
    };
  },
};

/** A new session's defaults; v1.1 documents allow_rating and add_to_schedule as on. */
function creationDefaults(version: ApiVersion): Partial<SessionFields> {
  const { created_at: _created, last_updated: _updated, ...defaults } = sessionDefaults();
  if (version === 'v1.1') return { ...defaults, allow_rating: true, add_to_schedule: true };
  return defaults;
}

/** The field order of the API's own answers (the seed page), then the v1.1 fields. */
function inSeedOrder(s: SessionFields): SessionFields {
  return {
    start_time: s.start_time,
    end_time: s.end_time,
    all_day: s.all_day,
    name: s.name,
    description_html: s.description_html,
    import_id: s.import_id,
    allow_rating: s.allow_rating,
    add_to_schedule: s.add_to_schedule,
    guide: s.guide,
    schedule_tracks: s.schedule_tracks,
    locations: s.locations,
    rank: s.rank,
    require_login: s.require_login,
    max_capacity: s.max_capacity,
    waitlist: s.waitlist,
    registration_start_date: s.registration_start_date,
    registration_end_date: s.registration_end_date,
    image: s.image ?? null,
  };
}

function withoutMeta(session: SandboxSession): SessionFields {
  const { id: _id, created_at: _created, last_updated: _updated, ...fields } = session;
  return fields;
}

/** Track and location ids must exist and belong to the session's own guide. */
function checkRelated(
  store: SandboxStore,
  field: 'schedule_tracks' | 'locations',
  merged: SessionFields,
  given: Record<string, unknown>,
  errors: FieldErrors,
): void {
  // Only ids this request names are checked; ids already on the session were valid when set.
  if (errors[field] || given[field] === undefined) return;
  const what = field === 'schedule_tracks' ? 'Schedule track' : 'Location';
  for (const id of merged[field]) {
    const record = store.get(field, id);
    if (!record) {
      addError(errors, field, `Invalid pk "${id}" - object does not exist.`);
      return;
    }
    if (record.guide !== merged.guide) {
      addError(errors, field, `${what} ${id} belongs to guide ${record.guide}, not to guide ${merged.guide}.`);
      return;
    }
  }
}

function checkRules(s: SessionFields, errors: FieldErrors): void {
  const clean = (...fields: string[]) => fields.every((f) => !errors[f]);
  if (clean('start_time', 'end_time') && s.end_time && s.start_time && s.end_time < s.start_time) {
    addError(errors, 'end_time', 'End time must not be before start time.');
  }
  if (clean('require_login', 'add_to_schedule') && s.require_login && !s.add_to_schedule) {
    addError(errors, 'require_login', 'require_login needs add_to_schedule to be true.');
  }
  if (clean('max_capacity', 'require_login') && s.max_capacity !== null && s.max_capacity !== undefined && !s.require_login) {
    addError(errors, 'max_capacity', 'max_capacity needs require_login to be true.');
  }
  if (clean('waitlist', 'max_capacity') && s.waitlist && (s.max_capacity === null || s.max_capacity === undefined)) {
    addError(errors, 'waitlist', 'waitlist needs max_capacity to be set.');
  }
  for (const field of ['registration_start_date', 'registration_end_date'] as const) {
    if (clean(field, 'require_login') && s[field] && !s.require_login) {
      addError(errors, field, `${field} needs require_login to be true.`);
    }
  }
  if (
    clean('registration_start_date', 'registration_end_date') &&
    s.registration_start_date &&
    s.registration_end_date &&
    s.registration_end_date < s.registration_start_date
  ) {
    addError(errors, 'registration_end_date', 'registration_end_date must not be before registration_start_date.');
  }
}
