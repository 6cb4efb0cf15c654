// Custom list item relations: an item's place (rank) in one list. One relation per (item, list)
// and one rank per list, as documented; the record has no guide of its own, so it is its list's
// (the list filter is `custom_list__guide`).
import { floatField, primaryKeyField } from './drf-fields.js';
import { addError, readBody } from './field-reader.js';
import { guideAccess, readListQuery } from './guide-access.js';
import { PERMISSION_DENIED, type WritableFields, type WritableResource } from './resource.js';

/** The rank a relation gets when the request gives none ("a large negative value"). */
export const DEFAULT_RELATION_RANK = -2147483648;

const GUIDE_FILTER = 'custom_list__guide';

const specs = {
  custom_list: { parse: primaryKeyField, required: true },
  custom_list_item: { parse: primaryKeyField, required: true },
  rank: { parse: floatField(), formBlankIsAbsent: true },
};

type RelationFields = WritableFields<'custom_list_item_relations'>;

export const customListItemRelationResource: WritableResource<'custom_list_item_relations'> = {
  kind: 'custom_list_item_relations',
  orderingFields: ['id', 'rank'],
  guideFilter: GUIDE_FILTER,

  check(body, ctx, existing) {
    const read = readBody(body, specs, existing !== undefined);
    if (!read.ok) return read;
    const { values, errors } = read;
    const m = { rank: DEFAULT_RELATION_RANK, ...existing, ...values } as RelationFields;
    const list = errors.custom_list ? undefined : ctx.store.get('custom_lists', m.custom_list);
    const item = errors.custom_list_item ? undefined : ctx.store.get('custom_list_items', m.custom_list_item);
    if (!errors.custom_list && !list) addError(errors, 'custom_list', `Invalid pk "${m.custom_list}" - object does not exist.`);
    if (!errors.custom_list_item && !item)
      addError(errors, 'custom_list_item', `Invalid pk "${m.custom_list_item}" - object does not exist.`);
    if (list && guideAccess(ctx.store, list.guide) !== 'own') return { ok: false, status: 403, detail: PERMISSION_DENIED };
    if (item && guideAccess(ctx.store, item.guide) !== 'own') return { ok: false, status: 403, detail: PERMISSION_DENIED };
    if (list && item && item.guide !== list.guide) {
      addError(errors, 'custom_list_item', `Custom list item ${item.id} belongs to guide ${item.guide}, not to guide ${list.guide}.`);
    }
    if (Object.keys(errors).length === 0) {
      // DRF's UniqueTogetherValidator, against every other relation.
      const others = ctx.store.all('custom_list_item_relations').filter((r) => r.id !== existing?.id && r.custom_list === m.custom_list);
      if (others.some((r) => r.custom_list_item === m.custom_list_item)) {
        addError(errors, 'non_field_errors', 'The fields custom_list, custom_list_item must make a unique set.');
      } else if (others.some((r) => r.rank === m.rank)) {
        addError(errors, 'non_field_errors', 'The fields custom_list, rank must make a unique set.');
      }
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    return { ok: true, fields: { custom_list: m.custom_list, custom_list_item: m.custom_list_item, rank: m.rank } };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id', 'custom_list', 'custom_list_item'], { required: true, param: GUIDE_FILTER });
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id, custom_list: list, custom_list_item: item } = numbers;
    const store = ctx.store;
    return {
      ok: true,
      keep: (r) =>
        store.get('custom_lists', r.custom_list)?.guide === guide &&
        (id === undefined || r.id === id) &&
        (list === undefined || r.custom_list === list) &&
        (item === undefined || r.custom_list_item === item),
    };
  },
};
