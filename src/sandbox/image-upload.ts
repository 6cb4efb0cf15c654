// Image fields (a session's `image`, a list item's `image` and `thumbnail`): multipart file parts,
// checked by their bytes the way Pillow behind DRF's ImageField checks them, and only PNG or JPEG
// kept. A stored image is named by its content hash, so the same bytes uploaded twice are one file.
import { createHash } from 'node:crypto';
import { imageKindOf } from '../images/index.js';
import { addError, type FieldErrors } from './field-reader.js';
import type { RequestBody, UploadedFile } from './request-body.js';
import type { ImageUpload } from './resource.js';
import type { SandboxImage } from './types.js';

/** Where the server answers a stored image's bytes: `<origin>/media/<hash>.<ext>`. */
export const MEDIA_PREFIX = 'media/';

const MESSAGES = {
  notAFile: 'The submitted data was not a file. Check the encoding type on the form.',
  empty: 'The submitted file is empty.',
  notAnImage: 'Upload a valid image. The file you uploaded was either not an image or a corrupted image.',
  notPngOrJpeg: 'Only PNG and JPEG images are accepted.',
} as const;

export interface ImageFieldValues {
  /** The media path of each image field given (null = cleared by a JSON null). */
  values: Record<string, string | null>;
  uploads: ImageUpload[];
}

/** Reads the named image fields of a body; problems go into `errors` under the field's name. */
export function readImageFields(body: RequestBody, names: readonly string[], errors: FieldErrors): ImageFieldValues {
  const values: Record<string, string | null> = {};
  const uploads: ImageUpload[] = [];
  for (const name of names) {
    if (body.kind === 'json') {
      const data = body.data as Record<string, unknown>;
      if (!Object.hasOwn(data, name)) continue;
      if (data[name] === null) values[name] = null;
      else addError(errors, name, MESSAGES.notAFile);
      continue;
    }
    if (body.kind !== 'form') continue;
    const file = body.files?.get(name);
    if (file) {
      const stored = storedImage(file);
      if (typeof stored === 'string') addError(errors, name, stored);
      else {
        values[name] = stored.path;
        uploads.push(stored);
      }
      continue;
    }
    // A text value where a file belongs: an empty one means "no file" (an HTML form's empty input).
    const text = body.params.get(name);
    if (text !== null && text !== '') addError(errors, name, MESSAGES.notAFile);
  }
  return { values, uploads };
}

function storedImage(file: UploadedFile): ImageUpload | string {
  if (file.bytes.length === 0) return MESSAGES.empty;
  // The importer's own check by signature: one place knows what a PNG and a JPEG start with.
  const kind = imageKindOf(file.bytes);
  if (kind === null) return MESSAGES.notAnImage;
  if (typeof kind === 'object') return MESSAGES.notPngOrJpeg;
  const hash = createHash('sha256').update(file.bytes).digest('hex').slice(0, 32);
  const image: SandboxImage = { content_type: kind === 'png' ? 'image/png' : 'image/jpeg', data: file.bytes.toString('base64') };
  return { path: `${MEDIA_PREFIX}${hash}.${kind === 'png' ? 'png' : 'jpg'}`, image };
}

/** The URL an answer gives for a stored media path. */
export function mediaUrl(origin: string, path: string | null | undefined): string | null {
  return path ? `${origin}/${path}` : null;
}
