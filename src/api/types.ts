// The contract of the Guidebook API client (implemented in src/api/client.ts). apply/ and the
// commands receive a GuidebookClient; they never build one.
import type { ApiGuide, ApiLocation, ApiScheduleTrack, ApiSession, SessionFields } from '../types.js';

/** A session body as sent: sheet fields plus the guide and resolved track/location ids. */
export interface SessionWriteBody extends Partial<SessionFields> {
  guide?: number;
  schedule_tracks?: number[];
  locations?: number[];
}

export interface SessionCreateBody extends SessionFields {
  guide: number;
  schedule_tracks?: number[];
  locations?: number[];
}

export interface ClientOptions {
  /** Base URL ending in /open-api/v1.1/ (or v1/). */
  apiUrl: string;
  apiKey: string;
  /** Parallel requests at most (p-limit). Default 4. */
  concurrency?: number;
  /** Requests per second at most. Default 5. */
  rate?: number;
  /** Retries of a retryable failure (network, 408, 5xx, short 429). Default 4. */
  retries?: number;
  /** Deadline of one attempt in ms, reading the whole answer included. Default 30000. */
  timeoutMs?: number;
  /** Stop before sending request number maxRequests + 1 (throws code 'max_requests'). */
  maxRequests?: number;
  /** Once aborted, no new request starts (throws code 'interrupted'). */
  signal?: AbortSignal;
  /** Page size asked for on lists. Default 500 (the server may cap it). */
  pageSize?: number;
  /** Largest answer read, in bytes; a larger one is an error. Default 50 MB. */
  maxAnswerBytes?: number;
  /** Called before every attempt; the hook point for logging and tests. */
  onRequest?: (info: RequestInfo) => void;
  /** Injected for tests: records backoff delays instead of sleeping for real when given. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests: jitter source in [0, 1). */
  random?: () => number;
}

export interface RequestInfo {
  method: string;
  /** Path and query without the base and without any secret. */
  path: string;
  attempt: number;
}

/** What a create that had to recover from a lost answer did. */
export interface CreateOutcome {
  session: ApiSession;
  /** True when the POST's answer was lost and the session was found by import_id instead. */
  recovered: boolean;
  /** True when the POST was answered 2xx with an empty or unusable body and then found by import_id. */
  unusableAnswer: boolean;
  status: number;
}

/** An image file to upload, already checked to be PNG or JPEG (src/images/). */
export interface ImageUploadFile {
  bytes: Uint8Array;
  filename: string;
  contentType: 'image/png' | 'image/jpeg';
}

/** Guide-level calls and image uploads (api/guide-calls.ts). */
export interface GuideCalls {
  /** The guides the key can reach, every page. */
  listGuides(): AsyncIterable<ApiGuide>;
  /** `POST /guides/{id}/publish/`; a refusal (403, e.g. a plan that cannot publish) throws an HttpError. */
  publishGuide(guideId: number): Promise<void>;
  /**
   * A multipart PATCH of image fields (`image`; list items also `thumbnail`) on one record.
   * Resolves with the record as answered (the stored images' URLs).
   */
  uploadImages(
    collection: 'sessions' | 'custom-list-items',
    recordId: number,
    guideId: number,
    files: { image?: ImageUploadFile; thumbnail?: ImageUploadFile },
  ): Promise<Record<string, unknown> & { id: number }>;
}

export interface GuidebookClient extends CustomListCalls, GuideCalls {
  /** Requests sent so far (every attempt counts: the daily budget counts them too). */
  readonly requestCount: number;
  /**
   * What the client left out of the server's answers so far and the run should tell the user,
   * e.g. records of other guides a server listed although asked for one guide.
   */
  warnings(): string[];
  getGuide(guideId: number): Promise<ApiGuide>;
  listSessions(guideId: number, filter?: { import_id?: string }): AsyncIterable<ApiSession>;
  findSessionsByImportId(guideId: number, importId: string): Promise<ApiSession[]>;
  getSession(sessionId: number): Promise<ApiSession>;
  /**
   * POST a session. Never blindly re-sent: when the answer is lost (network error, timeout,
   * 5xx after sending) the import_id is looked up first; only if absent is the POST retried.
   */
  createSession(body: SessionCreateBody): Promise<CreateOutcome>;
  /**
   * PATCH only the given fields (idempotent, retried as usual). The body carries `guide`: a
   * session never moves, so the server refuses a PATCH of a session of another guide.
   */
  patchSession(sessionId: number, body: SessionWriteBody & { guide: number }): Promise<ApiSession>;
  /** DELETE; a 404 on a retry counts as done. */
  deleteSession(sessionId: number): Promise<void>;
  listScheduleTracks(guideId: number): AsyncIterable<ApiScheduleTrack>;
  createScheduleTrack(body: { guide: number; name: string; import_id?: string; color?: string }): Promise<ApiScheduleTrack>;
  listLocations(guideId: number): AsyncIterable<ApiLocation>;
  createLocation(body: { guide: number; name: string; import_id?: string; location_type?: number }): Promise<ApiLocation>;
}

/** A custom list as the API returns it (v1.1 `/custom-lists/`): speakers live in one. */
export interface ApiCustomList {
  id: number;
  guide: number;
  name: string;
  import_id?: string | null;
}

/** A custom list item (v1.1 `/custom-list-items/`): one speaker. */
export interface ApiCustomListItem {
  id: number;
  guide: number;
  name: string;
  subtitle?: string | null;
  description_html?: string | null;
  contact_email?: string | null;
  import_id?: string | null;
  /** Read-only: the lists the item is in (through its relations). */
  custom_lists?: number[];
  image?: string | null;
  thumbnail?: string | null;
}

/** What puts an item in a list (`/custom-list-item-relations/`): one per (item, list), rank unique per list. */
export interface ApiCustomListItemRelation {
  id: number;
  custom_list: number;
  custom_list_item: number;
  rank: number;
}

export type LinkContentType = 'schedule.session' | 'custom_list.customlistitem';

/** A link (`/links/`): shown on its source only, ordered there by rank. */
export interface ApiLink {
  id: number;
  guide: number;
  source_content_type: string;
  source_object_id: number;
  target_content_type: string;
  target_object_id: number;
  rank?: number | null;
  import_id?: string | null;
}

export interface CustomListItemBody {
  guide: number;
  name?: string;
  subtitle?: string;
  description_html?: string;
  contact_email?: string;
  import_id?: string;
}

export interface LinkCreateBody {
  guide: number;
  source_content_type: LinkContentType;
  source_object_id: number;
  target_content_type: LinkContentType;
  target_object_id: number;
  rank: number;
  /** The importer's mark on a link it made (see speakers/speaker-ids.ts); links without it are never changed. */
  import_id?: string;
}

/** The speaker resources: custom lists, their items, the relations between them, and links. */
export interface CustomListCalls {
  listCustomLists(guideId: number): AsyncIterable<ApiCustomList>;
  createCustomList(body: { guide: number; name: string }): Promise<ApiCustomList>;
  listCustomListItems(guideId: number): AsyncIterable<ApiCustomListItem>;
  /** POST an item; a lost answer is recovered by its import_id (never sent twice blindly). */
  createCustomListItem(body: CustomListItemBody & { name: string; import_id: string }): Promise<ApiCustomListItem>;
  patchCustomListItem(itemId: number, body: CustomListItemBody): Promise<ApiCustomListItem>;
  deleteCustomListItem(itemId: number): Promise<void>;
  /** The relations of the guide's lists; `listIds` are the guide's lists (relations carry no guide field). */
  listCustomListItemRelations(guideId: number, listIds: ReadonlySet<number>): AsyncIterable<ApiCustomListItemRelation>;
  /** POST a relation; a lost answer is recovered by (item, list), which the API keeps unique. */
  createCustomListItemRelation(
    guideId: number,
    body: { custom_list: number; custom_list_item: number; rank: number },
  ): Promise<ApiCustomListItemRelation>;
  deleteCustomListItemRelation(relationId: number): Promise<void>;
  listLinks(guideId: number): AsyncIterable<ApiLink>;
  /** POST a link; a lost answer is recovered by (source, target). */
  createLink(body: LinkCreateBody): Promise<ApiLink>;
  patchLink(linkId: number, body: { guide: number; rank: number }): Promise<ApiLink>;
  deleteLink(linkId: number): Promise<void>;
}
