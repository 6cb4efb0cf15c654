// A record as each API version shows it. The store keeps one record; the versions differ in what
// they answer: v1.1 has no `last_updated` (only v1 lists it among the read-only fields), and v1
// sessions have no `image`. Stored images are media paths; answers give them as absolute URLs.
import { mediaUrl } from './image-upload.js';
import type { ApiVersion } from './routes.js';
import type { WritableKind } from './types.js';

const IMAGE_FIELDS = ['image', 'thumbnail'] as const;

export function answerShape(kind: WritableKind, record: object, version: ApiVersion, origin: string): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  if (version === 'v1.1') delete fields.last_updated;
  if (kind === 'sessions') {
    delete fields.image;
    if (version === 'v1.1') fields.image = mediaUrl(origin, (record as { image?: string | null }).image);
    return fields;
  }
  for (const field of IMAGE_FIELDS) if (field in fields) fields[field] = mediaUrl(origin, fields[field] as string | null);
  return fields;
}
