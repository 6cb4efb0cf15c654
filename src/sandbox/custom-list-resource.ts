// Custom lists: named lists of items in a guide ("Speakers" is the one every new guide has).
import { booleanField, primaryKeyField, stringField } from './drf-fields.js';
import { nonObjectBodyError, readFields, type FieldErrors } from './field-reader.js';
import { checkWriteGuide, readGuideFilter, readIntegerFilter } from './guide-access.js';
import { customListDefaults } from './default-state.js';
import { PERMISSION_DENIED, type WritableFields, type WritableResource } from './resource.js';

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
    const shapeError = nonObjectBodyError(body);
    if (shapeError) return { ok: false, status: 400, errors: shapeError };
    const { values, errors } = readFields(body, specs, existing !== undefined);
    if (checkWriteGuide(ctx.store, values.guide as number | undefined, existing?.guide, errors, 'custom list') === 'forbidden') {
      return { ok: false, status: 403, detail: PERMISSION_DENIED };
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    const { created_at: _c, last_updated: _u, ...defaults } = customListDefaults();
    const m = { ...defaults, ...existing, ...values } as WritableFields<'custom_lists'>;
    return {
      ok: true,
      fields: { guide: m.guide, name: m.name, import_id: m.import_id, allow_rating: m.allow_rating, disable_todo: m.disable_todo },
    };
  },

  filter(query, ctx) {
    const guide = readGuideFilter(ctx.store, query, true);
    if (!guide.ok) return guide;
    const errors: FieldErrors = {};
    const id = readIntegerFilter(query, 'id', errors);
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    const importId = query.get('import_id') ?? '';
    const name = query.get('name') ?? '';
    return {
      ok: true,
      keep: (l) =>
        l.guide === guide.guide &&
        (id === undefined || l.id === id) &&
        (importId === '' || l.import_id === importId) &&
        (name === '' || l.name === name),
    };
  },
};
