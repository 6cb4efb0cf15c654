// A record as each API version shows it. The store keeps one record; the versions differ in what
// they answer: v1.1 has no `last_updated` (only v1 lists it among the read-only fields) and its
// sessions carry `image` (a URL or null; the sandbox stores no images).
import type { ApiVersion } from './routes.js';
import type { WritableKind } from './types.js';

export function answerShape(kind: WritableKind, record: object, version: ApiVersion): Record<string, unknown> {
  if (version === 'v1') return record as Record<string, unknown>;
  const { last_updated: _updated, ...fields } = record as Record<string, unknown>;
  if (kind === 'sessions') fields.image = fields.image ?? null;
  return fields;
}
