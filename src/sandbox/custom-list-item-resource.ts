// Custom list items (a speaker is one): text, contact, images; which lists hold an item is read
// from its relations (`custom_lists`, read-only).
import { customListItemDefaults } from './default-state.js';
import { booleanField, primaryKeyField, primaryKeyListField, stringField, type FieldParser } from './drf-fields.js';
import { addError } from './field-reader.js';
import { readListQuery } from './guide-access.js';
import { readGuidedWrite } from './guided-write.js';
import { cleanDescriptionHtml } from './html-cleaner.js';
import type { WritableFields, WritableResource } from './resource.js';
import { DESCRIPTION_MAX_LENGTH } from './session-resource.js';

/** Django's EmailValidator in short: one @, a dotted domain, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const emailField: FieldParser<unknown> = (raw) => {
  const text = stringField({ maxLength: 254, allowBlank: true })(raw);
  if (!text.ok || text.value === '' || EMAIL.test(text.value)) return text;
  return { ok: false, message: 'Enter a valid email address.' };
};

const specs = {
  guide: { parse: primaryKeyField, required: true },
  name: { parse: stringField({ maxLength: 255 }), required: true },
  // Required, as documented; an empty text is accepted (a speaker without a bio).
  description_html: { parse: stringField({ maxLength: DESCRIPTION_MAX_LENGTH, allowBlank: true }), required: true },
  subtitle: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
  import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
  allow_rating: { parse: booleanField },
  locations: { parse: primaryKeyListField, list: true },
  contact_email: { parse: emailField, nullable: true },
};

type ItemFields = WritableFields<'custom_list_items'>;

export const customListItemResource: WritableResource<'custom_list_items'> = {
  kind: 'custom_list_items',
  orderingFields: ['id', 'name'],

  check(body, ctx, existing) {
    const read = readGuidedWrite(body, ctx, existing, { specs, images: ['image', 'thumbnail'], what: 'custom list item' });
    if (!read.ok) return read;
    const { values, errors, uploads } = read;
    if (typeof values.description_html === 'string') values.description_html = cleanDescriptionHtml(values.description_html);
    const { created_at: _c, last_updated: _u, ...defaults } = customListItemDefaults();
    const m = { ...defaults, ...existing, ...values } as ItemFields;
    if (!errors.locations && !errors.guide && values.locations !== undefined) {
      for (const id of m.locations) {
        const location = ctx.store.get('locations', id);
        if (!location) addError(errors, 'locations', `Invalid pk "${id}" - object does not exist.`);
        else if (location.guide !== m.guide)
          addError(errors, 'locations', `Location ${id} belongs to guide ${location.guide}, not to guide ${m.guide}.`);
        if (errors.locations) break;
      }
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    return {
      ok: true,
      fields: {
        guide: m.guide,
        name: m.name,
        subtitle: m.subtitle,
        description_html: m.description_html,
        import_id: m.import_id,
        allow_rating: m.allow_rating,
        locations: m.locations,
        contact_email: m.contact_email,
        image: m.image,
        thumbnail: m.thumbnail,
      },
      uploads,
    };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id', 'custom_lists']);
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id, custom_lists: list } = numbers;
    const importId = query.get('import_id') ?? '';
    const inList =
      list === undefined
        ? null
        : new Set(
            ctx.store
              .all('custom_list_item_relations')
              .filter((r) => r.custom_list === list)
              .map((r) => r.custom_list_item),
          );
    return {
      ok: true,
      keep: (i) =>
        i.guide === guide &&
        (id === undefined || i.id === id) &&
        (importId === '' || i.import_id === importId) &&
        (inList === null || inList.has(i.id)),
    };
  },

  answerExtras(item, store) {
    const lists = store
      .all('custom_list_item_relations')
      .filter((r) => r.custom_list_item === item.id)
      .map((r) => r.custom_list);
    return { custom_lists: [...new Set(lists)].sort((a, b) => a - b) };
  },
};
