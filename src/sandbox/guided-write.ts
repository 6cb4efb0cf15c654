// The reading every write to a guide's record starts with: the body's fields against the resource's
// specs, its image parts, then the guide it writes to. Each resource declares its fields and keeps
// only the rules between them; the order here is the order of the answer's errors.
import { readBody, type FieldErrors, type FieldSpecs } from './field-reader.js';
import { checkWriteGuide } from './guide-access.js';
import { readImageFields } from './image-upload.js';
import { PERMISSION_DENIED, type ImageUpload, type Refusal, type ResourceContext } from './resource.js';
import type { RequestBody } from './request-body.js';

export interface GuidedFields {
  specs: FieldSpecs;
  /** Image fields, given as multipart file parts; read after the other fields. */
  images?: readonly string[];
  /** The record's name in "A … cannot be moved to another guide." */
  what: string;
}

export type GuidedWrite = { ok: true; values: Record<string, unknown>; errors: FieldErrors; uploads: ImageUpload[] } | Refusal;

/** A create (existing undefined) or a PATCH of a record whose `guide` field names its guide. */
export function readGuidedWrite(
  body: RequestBody,
  ctx: ResourceContext,
  existing: { guide: number } | undefined,
  fields: GuidedFields,
): GuidedWrite {
  const read = readBody(body, fields.specs, existing !== undefined);
  if (!read.ok) return read;
  const { values, errors } = read;
  const images = readImageFields(body, fields.images ?? [], errors);
  Object.assign(values, images.values);
  if (checkWriteGuide(ctx.store, values.guide as number | undefined, existing?.guide, errors, fields.what) === 'forbidden') {
    return { ok: false, status: 403, detail: PERMISSION_DENIED };
  }
  return { ok: true, values, errors, uploads: images.uploads };
}
