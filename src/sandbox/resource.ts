// What a writable resource (sessions, schedule tracks, locations, custom lists and their items,
// relations, links) tells the generic handler.
import type { FieldErrors } from './field-reader.js';
import type { RequestBody } from './request-body.js';
import type { ApiVersion } from './routes.js';
import type { RecordOf, SandboxStore } from './store.js';
import type { SandboxImage, WritableKind } from './types.js';

export interface ResourceContext {
  store: SandboxStore;
  version: ApiVersion;
}

/** The fields a write sets (everything but id and the timestamps). */
export type WritableFields<K extends WritableKind> = Omit<RecordOf[K], 'id' | 'created_at' | 'last_updated'>;

/** An image a write uploads, to be kept under its media path once the write is accepted. */
export interface ImageUpload {
  path: string;
  image: SandboxImage;
}

/** A request refused: field errors (400), or a guide that is not the key's own (403). */
export type Refusal = { ok: false; status: 400; errors: FieldErrors } | { ok: false; status: 403; detail: string };

export type WriteCheck<K extends WritableKind> = { ok: true; fields: WritableFields<K>; uploads?: ImageUpload[] } | Refusal;

export type ListFilter<K extends WritableKind> = { ok: true; keep: (record: RecordOf[K]) => boolean } | Refusal;

export interface WritableResource<K extends WritableKind> {
  kind: K;
  /** Validates a create (existing undefined) or a PATCH (existing given, merged then checked). */
  check(body: RequestBody, ctx: ResourceContext, existing?: RecordOf[K]): WriteCheck<K>;
  /** The list filters of a query; the guide filter and access are checked here. */
  filter(query: URLSearchParams, ctx: ResourceContext): ListFilter<K>;
  /** Fields `ordering=` may name. */
  orderingFields: ReadonlyArray<keyof RecordOf[K] & string>;
  /** The query parameter naming the guide, when not `guide` (relations: `custom_list__guide`). */
  guideFilter?: string;
  /** Fields the answers add to the stored record (read-only fields such as an item's lists). */
  answerExtras?: (record: RecordOf[K], store: SandboxStore) => Record<string, unknown>;
}

export const PERMISSION_DENIED = 'You do not have permission to perform this action.';
