// The sandbox's public shapes: its options, the handle a caller gets back, and its state. The
// state is plain JSON (the state file holds exactly this), so tests can build and compare it.
import type { ApiGuide, ApiLocation, ApiScheduleTrack, ApiSession } from '../types.js';

export interface FaultSettings {
  /** Delay before every API answer, in ms. */
  latencyMs: number;
  /** Share of API requests answered 500/502/503 before anything is done (0..1). */
  failRate: number;
  /** Share of writes (POST/PATCH/DELETE) done and then cut off with no answer (0..1). */
  dropRate: number;
  /** API requests allowed per UTC day; request budget+1 and later answer 429. */
  dailyBudget: number;
  // What real infrastructure does that the documented service does not (issue 10): each off
  // (null/false) by default, so the sandbox answers the faithful way unless a test asks.
  /** Largest `page_size` honoured; a larger one is silently cut to it, as a real server may. */
  pageSizeCap: number;
  /**
   * Lists are ordered by start time (sessions) with ties in a different order on every request,
   * unless the request asks for `ordering=id` (or a key list ending in id): a database without a
   * tie-breaker. Pages of such a list repeat and skip records.
   */
  unstableOrder: boolean;
  /** Lists ignore `?guide=`: they return the records of every guide of the account. */
  ignoreGuideFilter: boolean;
  /** Lists ignore `?ordering=` (with --unstable-order, even ordering=id leaves ties shuffled). */
  ignoreOrdering: boolean;
  /**
   * Writes answer a redirect without doing anything: 'https' a 301 to the same URL on https://
   * (a proxy enforcing TLS), 'path' a 302 to the same path without the /open-api/v1.1 prefix
   * (a moved API, which a client that follows redirects turns into a GET that answers 200).
   */
  redirectWrites: 'https' | 'path' | null;
  /** A create is done but answered 201 with an empty body. */
  emptyCreateAnswers: boolean;
  /** After this many more API requests every request answers 401 (a key revoked mid-run). */
  revokeAfter: number | null;
  /** Answers send their headers at once and their body this many ms later (a stalled transfer). */
  slowBodyMs: number;
  /** Every list page links to a "next" page 2 with a fresh random parameter, never to the end. */
  loopingNext: boolean;
  /** The next this-many API requests answer 429 with no Retry-After (a rate limiter), counting down. */
  throttleNext: number;
  /** Every API request answers 200 with an HTML login page (a single-sign-on proxy in front). */
  loginPage: boolean;
  /** `POST /guides/{id}/publish/` answers 403 as for an account whose plan cannot publish. */
  refusePublish: boolean;
}

export interface SandboxOptions {
  /** 0 = any free port (the default). */
  port?: number;
  /** Loaded on start if it exists; kept up to date on disk as the state changes. */
  stateFile?: string;
  /** Only this key is accepted; when absent any non-empty token is. */
  apiKey?: string;
  /** PRNG seed for faults (default 1). */
  seed?: number;
  latencyMs?: number;
  failRate?: number;
  dropRate?: number;
  /** Default 10000. */
  dailyBudget?: number;
  /** Appends one JSON line per API request. */
  requestLogFile?: string;
  /** One line per request on stderr. */
  verbose?: boolean;
  /** Largest page_size honoured (default 500); see FaultSettings.pageSizeCap. */
  pageSizeCap?: number;
  /** @deprecated the older name of pageSizeCap, still accepted. */
  pageSizeMax?: number;
  unstableOrder?: boolean;
  ignoreGuideFilter?: boolean;
  ignoreOrdering?: boolean;
  redirectWrites?: 'https' | 'path' | null;
  emptyCreateAnswers?: boolean;
  revokeAfter?: number | null;
  slowBodyMs?: number;
  loopingNext?: boolean;
  throttleNext?: number;
  loginPage?: boolean;
  refusePublish?: boolean;
  /** Starting state when there is no state file (or it does not exist yet). */
  initialState?: SandboxState;
  /** Clock in ms since the epoch; injected by tests that cross a UTC midnight. */
  now?: () => number;
}

export interface RequestLogEntry {
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** The parsed request body (JSON or form fields), null when there was none. */
  body: unknown;
  /** True when the answer was cut off on purpose (drop-rate). */
  dropped?: boolean;
}

export interface SandboxHandle {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** origin + '/open-api/v1.1/' */
  apiUrl: string;
  port: number;
  /** Every API request so far, in arrival order of answers (admin paths are not in it). */
  requestLog: RequestLogEntry[];
  /** A deep copy of the current state. */
  state(): SandboxState;
  /** The fault settings and hostile switches now in force. */
  faults(): FaultSettings;
  setFaults(faults: Partial<FaultSettings>): void;
  /** Sets today's request count back to zero. */
  resetBudget(): void;
  close(): Promise<void>;
}

/** A guide as stored: the API's fields plus the account that owns it. */
export interface SandboxGuide extends ApiGuide {
  owner: string;
}

export type SandboxSession = ApiSession & {
  locations: number[];
  rank: number | null;
  require_login: boolean;
  max_capacity: number | null;
  waitlist: boolean;
  registration_start_date: string | null;
  registration_end_date: string | null;
  /** The stored image's media path (see SandboxState.images), or null (absent in older states). */
  image?: string | null;
  created_at: string;
  last_updated: string;
};

export type SandboxScheduleTrack = ApiScheduleTrack & {
  color: string | null;
  import_id: string | null;
  created_at: string;
  last_updated: string;
};

export type SandboxLocation = ApiLocation & {
  location_type: number;
  import_id: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  created_at: string;
  last_updated: string;
};

/** A custom list, such as the "Speakers" list every new guide has. */
export interface SandboxCustomList {
  id: number;
  guide: number;
  name: string;
  import_id: string | null;
  allow_rating: boolean;
  disable_todo: boolean;
  created_at: string;
  last_updated: string;
}

/** An item of custom lists (a speaker); which lists hold it is in its relations. */
export interface SandboxCustomListItem {
  id: number;
  guide: number;
  name: string;
  subtitle: string | null;
  description_html: string;
  import_id: string | null;
  allow_rating: boolean;
  locations: number[];
  contact_email: string | null;
  /** Media paths of the stored uploads (see SandboxState.images), or null. */
  image: string | null;
  thumbnail: string | null;
  created_at: string;
  last_updated: string;
}

/** An item's place in one list. Its guide is its list's guide (the record has no guide field). */
export interface SandboxCustomListItemRelation {
  id: number;
  custom_list: number;
  custom_list_item: number;
  rank: number;
  created_at: string;
  last_updated: string;
}

/** The content types a link may join. */
export type LinkContentType = 'schedule.session' | 'custom_list.customlistitem';

/** A link shown on its source object, pointing at its target. */
export interface SandboxLink {
  id: number;
  guide: number;
  source_content_type: LinkContentType;
  source_object_id: number;
  target_content_type: LinkContentType;
  target_object_id: number;
  rank: number;
  import_id: string | null;
  created_at: string;
  last_updated: string;
}

/** The kinds of records the API can write. */
export type WritableKind =
  | 'sessions'
  | 'schedule_tracks'
  | 'locations'
  | 'custom_lists'
  | 'custom_list_items'
  | 'custom_list_item_relations'
  | 'links';

/** An uploaded image, kept by the media path the answers' URLs end in. */
export interface SandboxImage {
  content_type: 'image/png' | 'image/jpeg';
  /** The bytes, base64. */
  data: string;
}

/** One `POST /guides/{id}/publish/` that the sandbox accepted. */
export interface SandboxPublication {
  guide: number;
  at: string;
}

export interface SandboxState {
  version: 1;
  /** The account every accepted API key belongs to; guides of another owner answer 403. */
  account: string;
  guides: SandboxGuide[];
  sessions: SandboxSession[];
  schedule_tracks: SandboxScheduleTrack[];
  locations: SandboxLocation[];
  custom_lists: SandboxCustomList[];
  custom_list_items: SandboxCustomListItem[];
  custom_list_item_relations: SandboxCustomListItemRelation[];
  links: SandboxLink[];
  /** Uploaded images by media path (e.g. "media/3f2a....png"); answers give them as URLs. */
  images: Record<string, SandboxImage>;
  /** Accepted publishes, oldest first. */
  publications: SandboxPublication[];
  /**
   * The id the next created record of each kind gets (ids are never reused). A hand-built state
   * may leave kinds out; loading fills them in from the records.
   */
  nextIds: Partial<Record<WritableKind, number>>;
  /** API requests counted on one UTC day (YYYY-MM-DD). */
  budget: { day: string; count: number };
}
