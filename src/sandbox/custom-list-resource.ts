// Custom lists: named lists of items in a guide ("Speakers" is the one every new guide has).
import { booleanField, primaryKeyField, stringField } from './drf-fields.js';
import { readListQuery } from './guide-access.js';
import { customListDefaults } from './default-state.js';
import { readGuidedWrite } from './guided-write.js';
import type { WritableFields, WritableResource } from './resource.js';

const specs = {
  guide: { parse: primaryKeyField, required: true },
  name: { parse: stringField({ maxLength: 255 }), required: true },
  import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
  allow_rating: { parse: booleanField },
  disable_todo: { parse: booleanField },
};

export const customListResource: WritableResource<'custom_lists'> = {
  kind: 'custom_lists',
  orderingFields: ['id', 'name'],

  check(body, ctx, existing) {
    const read = readGuidedWrite(body, ctx, existing, { specs, what: 'custom list' });
    if (!read.ok) return read;
    const { values, errors } = read;
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    const { created_at: _c, last_updated: _u, ...defaults } = customListDefaults();
    const m = { ...defaults, ...existing, ...values } as WritableFields<'custom_lists'>;
    return {
      ok: true,
      fields: { guide: m.guide, name: m.name, import_id: m.import_id, allow_rating: m.allow_rating, disable_todo: m.disable_todo },
    };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id']);
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id } = numbers;
    const importId = query.get('import_id') ?? '';
    const name = query.get('name') ?? '';
    return {
      ok: true,
      keep: (l) =>
        l.guide === guide &&
        (id === undefined || l.id === id) &&
        (importId === '' || l.import_id === importId) &&
        (name === '' || l.name === name),
    };
  },
};
