// Schedule tracks: filtered views of a guide's schedule.
import { primaryKeyField, stringField, type FieldParser } from './drf-fields.js';
import { readListQuery } from './guide-access.js';
import { readGuidedWrite } from './guided-write.js';
import type { WritableFields, WritableResource } from './resource.js';

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

const colorField: FieldParser<unknown> = (raw) => {
  const text = stringField({ maxLength: 7 })(raw);
  if (!text.ok) return text;
  return HEX_COLOR.test(text.value) ? text : { ok: false, message: 'Enter a valid hex color, such as #000080.' };
};

const specs = {
  guide: { parse: primaryKeyField, required: true },
  name: { parse: stringField({ maxLength: 255 }), required: true },
  color: { parse: colorField, nullable: true },
  import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
};

export const scheduleTrackResource: WritableResource<'schedule_tracks'> = {
  kind: 'schedule_tracks',
  orderingFields: ['id', 'name'],

  check(body, ctx, existing) {
    const read = readGuidedWrite(body, ctx, existing, { specs, what: 'schedule track' });
    if (!read.ok) return read;
    const { values, errors } = read;
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    const base = existing ?? { color: null, import_id: null };
    const merged = { ...base, ...values } as WritableFields<'schedule_tracks'>;
    return { ok: true, fields: { guide: merged.guide, name: merged.name, color: merged.color, import_id: merged.import_id } };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id']);
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id } = numbers;
    const importId = query.get('import_id') ?? '';
    return {
      ok: true,
      keep: (t) => t.guide === guide && (importId === '' || t.import_id === importId) && (id === undefined || t.id === id),
    };
  },
};
