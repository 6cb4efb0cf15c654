// Locations: rooms and places of a guide.
import { choiceField, floatField, primaryKeyField, stringField } from './drf-fields.js';
import { addError } from './field-reader.js';
import { readListQuery } from './guide-access.js';
import { readGuidedWrite } from './guided-write.js';
import type { WritableFields, WritableResource } from './resource.js';

/** 1 the guide's Main Venue, 2 a placeholder room, 3 a map location with coordinates. */
export const LOCATION_TYPES = [1, 2, 3] as const;

const specs = {
  guide: { parse: primaryKeyField, required: true },
  name: { parse: stringField({ maxLength: 255 }), required: true },
  location_type: { parse: choiceField(LOCATION_TYPES) },
  import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
  address: { parse: stringField({ maxLength: 1000, allowBlank: true }), nullable: true },
  latitude: { parse: floatField({ min: -90, max: 90 }), nullable: true },
  longitude: { parse: floatField({ min: -180, max: 180 }), nullable: true },
};

type LocationFields = WritableFields<'locations'>;

export const locationResource: WritableResource<'locations'> = {
  kind: 'locations',
  orderingFields: ['id', 'name'],

  check(body, ctx, existing) {
    const read = readGuidedWrite(body, ctx, existing, { specs, what: 'location' });
    if (!read.ok) return read;
    const { values, errors } = read;
    const base = existing ?? { location_type: 2, import_id: null, address: null, latitude: null, longitude: null };
    const m = { ...base, ...values } as LocationFields;
    if (!errors.location_type && m.location_type === 3 && (m.latitude === null || m.longitude === null)) {
      addError(errors, 'location_type', 'A map location (location_type 3) needs latitude and longitude.');
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    return {
      ok: true,
      fields: {
        guide: m.guide,
        name: m.name,
        location_type: m.location_type,
        import_id: m.import_id,
        address: m.address,
        latitude: m.latitude,
        longitude: m.longitude,
      },
    };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['location_type', 'id']);
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { location_type: type, id } = numbers;
    const importId = query.get('import_id') ?? '';
    return {
      ok: true,
      keep: (l) =>
        l.guide === guide &&
        (type === undefined || l.location_type === type) &&
        (id === undefined || l.id === id) &&
        (importId === '' || l.import_id === importId),
    };
  },
};
