// Links: shown on their source object, pointing at their target. A session and a speaker that
// point at each other need two. Source and target are fixed once the link exists, and both must
// be objects of the link's own guide.
import { choiceField, floatField, integerField, primaryKeyField, stringField } from './drf-fields.js';
import { addError, type FieldErrors } from './field-reader.js';
import { readListQuery } from './guide-access.js';
import { readGuidedWrite } from './guided-write.js';
import type { WritableFields, WritableResource } from './resource.js';
import { LINK_KINDS, type SandboxStore } from './store.js';
import type { LinkContentType } from './types.js';

export const LINK_CONTENT_TYPES = Object.keys(LINK_KINDS) as LinkContentType[];

const specs = {
  guide: { parse: primaryKeyField, required: true },
  source_content_type: { parse: choiceField(LINK_CONTENT_TYPES), required: true },
  source_object_id: { parse: integerField({ min: 1 }), required: true },
  target_content_type: { parse: choiceField(LINK_CONTENT_TYPES), required: true },
  target_object_id: { parse: integerField({ min: 1 }), required: true },
  rank: { parse: floatField(), formBlankIsAbsent: true },
  import_id: { parse: stringField({ maxLength: 255, allowBlank: true }), nullable: true },
};

const FIXED = ['source_content_type', 'source_object_id', 'target_content_type', 'target_object_id'] as const;

type LinkFields = WritableFields<'links'>;

export const linkResource: WritableResource<'links'> = {
  kind: 'links',
  orderingFields: ['id', 'rank'],

  check(body, ctx, existing) {
    const read = readGuidedWrite(body, ctx, existing, { specs, what: 'link' });
    if (!read.ok) return read;
    const { values, errors } = read;
    if (existing) {
      for (const field of FIXED) {
        if (values[field] !== undefined && values[field] !== existing[field]) {
          addError(errors, field, 'This field cannot be changed once the link exists.');
        }
      }
    }
    const m = { rank: 0, import_id: null, ...existing, ...values } as LinkFields;
    if (!existing && !errors.guide) {
      checkEnd(ctx.store, m, 'source', errors);
      checkEnd(ctx.store, m, 'target', errors);
    }
    if (Object.keys(errors).length > 0) return { ok: false, status: 400, errors };
    return {
      ok: true,
      fields: {
        guide: m.guide,
        source_content_type: m.source_content_type,
        source_object_id: m.source_object_id,
        target_content_type: m.target_content_type,
        target_object_id: m.target_object_id,
        rank: m.rank,
        import_id: m.import_id,
      },
    };
  },

  filter(query, ctx) {
    const read = readListQuery(ctx.store, query, ['id', 'source_object_id', 'target_object_id']);
    if (!read.ok) return read;
    const { guide, numbers } = read;
    const { id, source_object_id: sourceId, target_object_id: targetId } = numbers;
    const importId = query.get('import_id') ?? '';
    const sourceType = query.get('source_content_type') ?? '';
    const targetType = query.get('target_content_type') ?? '';
    return {
      ok: true,
      keep: (l) =>
        l.guide === guide &&
        (id === undefined || l.id === id) &&
        (sourceId === undefined || l.source_object_id === sourceId) &&
        (targetId === undefined || l.target_object_id === targetId) &&
        (sourceType === '' || l.source_content_type === sourceType) &&
        (targetType === '' || l.target_content_type === targetType) &&
        (importId === '' || l.import_id === importId),
    };
  },
};

/** The object at one end must exist in the link's guide. */
function checkEnd(store: SandboxStore, link: LinkFields, end: 'source' | 'target', errors: FieldErrors): void {
  const typeField = `${end}_content_type` as const;
  const idField = `${end}_object_id` as const;
  if (errors[typeField] || errors[idField]) return;
  const type = link[typeField];
  const record = store.get(LINK_KINDS[type], link[idField]);
  if (!record || record.guide !== link.guide) {
    addError(errors, idField, `There is no ${type} with id ${link[idField]} in guide ${link.guide}.`);
  }
}
