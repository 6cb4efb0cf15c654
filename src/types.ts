// The plain typed values that travel through the pipeline:
//   file ─read─▶ RawRow ─map─▶ MappedRow ─convert/validate─▶ SheetSession | RowIssue[]
//        ─plan─▶ Plan ─apply─▶ RowResult ─report─▶ CSV / JSON / HTML
// Each stage owns its own extra types in src/<area>/; only what crosses a stage boundary lives here.

/** Wall-clock parts of a spreadsheet date/time cell, free of any machine time zone. */
export interface WallClockParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * A date or time cell from a workbook. The serial is kept as SheetJS gives it (days since the
 * workbook's epoch, fraction = time of day) and the wall-clock parts are derived with
 * XLSX.SSF.parse_date_code, so the machine's TZ never leaks in.
 */
export interface SheetDateCell {
  kind: 'date';
  serial: number;
  date1904: boolean;
  parts: WallClockParts;
  /** true when the cell holds only a time of day (serial < 1), e.g. a "9:30" cell. */
  timeOnly: boolean;
  /** true when the cell holds a date with no time of day (integer serial and a date-only format). */
  dateOnly: boolean;
  /** The text a spreadsheet program shows for the cell (formatted), for messages. */
  text: string;
}

export type CellValue = string | number | boolean | null | SheetDateCell;

/** One data row of a sheet, exactly as read. `row` is the number a spreadsheet program shows. */
export interface RawRow {
  sheet: string;
  row: number;
  /** Cells aligned with SheetHeader.headers (same index). Missing trailing cells are null. */
  cells: CellValue[];
  /** What the read stage had to say about this row (a grid's last session has no end): row warnings. */
  notes?: readonly string[];
}

export interface SheetHeader {
  sheet: string;
  /** The spreadsheet row number of the header line. */
  row: number;
  headers: string[];
}

/** Every field a sheet column can be mapped to. Some are session fields, some feed conversion. */
export type MappedField =
  | 'import_id'
  | 'name'
  | 'description'
  | 'datetime_start' // a combined start date-time column
  | 'datetime_end'
  | 'date'
  | 'start' // a time (or date-time) of start
  | 'end'
  | 'duration'
  | 'timezone'
  | 'all_day'
  | 'tracks'
  | 'locations'
  | 'allow_rating'
  | 'add_to_schedule'
  | 'rank'
  | 'require_login'
  | 'max_capacity'
  | 'waitlist'
  | 'registration_start_date'
  | 'registration_end_date'
  | 'end_date' // the day a session ends, when it is not its start day (across midnight, several days)
  | 'speakers' // a list of presenter names (one or several columns: Speakers, Speaker 1..N, Presenter1..3)
  | 'moderators' // a list of names whose role is Moderator
  | 'image'; // a path (relative to the sheet) or an http(s) URL of a PNG/JPEG

export interface MappedCell {
  /** The header text of the column, as in the sheet (or "(default)" for a mapping constant). */
  column: string;
  value: CellValue;
}

export interface MappedRow {
  sheet: string;
  row: number;
  fields: Partial<Record<MappedField, MappedCell>>;
  /** The row's cells in columns that feed no field (set by the sheet driver): a time there is never ignored. */
  unmapped?: readonly MappedCell[];
}

export type Severity = 'error' | 'warning';

export type IssueCode =
  | 'required'
  | 'bad_date'
  | 'bad_time'
  | 'bad_duration'
  | 'bad_boolean'
  | 'bad_number'
  | 'bad_timezone'
  | 'dst_gap'
  | 'dst_overlap'
  | 'end_before_start'
  | 'too_long'
  | 'html_sanitised'
  | 'rule'
  | 'duplicate_import_id'
  | 'derived_import_id'
  | 'merged_rows'
  | 'import_id_normalised'
  | 'unknown_track'
  | 'unknown_location'
  | 'server_conflict'
  | 'suspicious_time'
  | 'open_end' // an end written as "open end", "TBA", "?": the session has none
  | 'clock_order' // a time without am/pm read as afternoon by its place in the day
  | 'unmapped_time' // a date without a time, while an unmapped column holds times
  | 'out_of_window'
  | 'server_rejected'
  | 'request_failed'
  | 'bad_image'
  | 'bad_email';

/** A problem with one row: data, not an exception. Travels to the report. */
export interface RowIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
  sheet: string;
  row: number;
  column?: string;
  value?: string;
}

/** The API's session fields that an import can write. Times are UTC ISO strings. */
export interface SessionFields {
  name: string;
  description_html?: string;
  start_time: string;
  end_time?: string | null;
  all_day?: boolean;
  allow_rating?: boolean;
  add_to_schedule?: boolean;
  import_id: string;
  rank?: number | null;
  require_login?: boolean;
  max_capacity?: number | null;
  waitlist?: boolean;
  registration_start_date?: string | null;
  registration_end_date?: string | null;
}

/** A speaker named on a session row, in the order the cell lists them (link order = this order). */
export interface SessionSpeakerRef {
  name: string;
  /** 'Speaker' unless the column says otherwise (e.g. 'Moderator'). */
  role: string;
  /** An email written in the cell ("Jane Doe <jane@example.org>"): matched before the name. */
  email?: string;
}

/**
 * One speaker as a Speakers sheet (or a feed) describes them. The Speakers sheet's canonical
 * columns are: Import ID, Name, Title, Company, Bio, Email, Photo, Role, Sessions.
 */
export interface SheetSpeaker {
  sheet: string;
  row: number;
  name: string;
  import_id?: string;
  title?: string;
  company?: string;
  /** Plain text or basic HTML, converted and sanitised like a session description. */
  bio?: string;
  email?: string;
  /** A path (relative to the sheet) or an http(s) URL. */
  photo?: string;
  role?: string;
  /** Import ids of the sessions this speaker presents (a Speakers sheet's Sessions column). */
  sessions?: string[];
}

/** A valid sheet row converted to what would be sent, with tracks/locations still by name or id. */
export interface SheetSession {
  sheet: string;
  row: number;
  fields: SessionFields;
  /** Track and location references as written in the sheet (names or numeric ids). */
  tracks?: string[];
  locations?: string[];
  /** Speakers named on the row (merged presenter rows collect theirs here), in cell order. */
  speakers?: SessionSpeakerRef[];
  /** The session's image: a path (relative to the sheet) or an http(s) URL, not yet checked. */
  image?: string;
  /** Which session fields the sheet actually maps (fields not mapped are never touched). */
  mapped: ReadonlyArray<keyof SessionFields | 'schedule_tracks' | 'locations'>;
  /** The IANA zone the row's local times were read in (or "offset" when the value carried one). */
  zone: string;
  /** True when import_id was derived from the row's content. */
  derivedImportId: boolean;
  warnings: RowIssue[];
}

/** The result of converting and validating one row. */
export type ConvertedRow =
  | { ok: true; session: SheetSession }
  | { ok: false; sheet: string; row: number; name?: string; import_id?: string; issues: RowIssue[] };

/** A session as the API returns it. */
export interface ApiSession {
  id: number;
  guide: number;
  name: string;
  description_html: string | null;
  start_time: string;
  end_time: string | null;
  all_day: boolean;
  allow_rating: boolean;
  add_to_schedule: boolean;
  import_id: string | null;
  schedule_tracks: number[];
  locations?: number[];
  rank?: number | null;
  require_login?: boolean;
  max_capacity?: number | null;
  waitlist?: boolean;
  registration_start_date?: string | null;
  registration_end_date?: string | null;
  created_at?: string;
  last_updated?: string;
}

export interface ApiGuide {
  id: number;
  name: string;
  timezone: string | null;
  start_date?: string | null;
  end_date?: string | null;
}

export interface ApiScheduleTrack {
  id: number;
  guide: number;
  name: string;
  color?: string | null;
  import_id?: string | null;
  created_at?: string;
}

export interface ApiLocation {
  id: number;
  guide: number;
  name: string;
  location_type?: number;
  import_id?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** What the report calls an action. */
export type Action = 'create' | 'update' | 'unchanged' | 'delete' | 'invalid' | 'conflict';
export type Outcome = 'done' | 'planned' | 'failed' | 'not_attempted';

/** One row of the results report (PRODUCT.md "The report"). */
export interface ReportRow {
  sheet: string;
  row: number | null;
  import_id: string;
  name: string;
  action: Action;
  outcome: Outcome;
  session_id: number | null;
  http_status: number | null;
  changed_fields: string[];
  message: string;
  /** JSON/HTML report extras: the zone used, old → new values, normalised fields sent. */
  zone?: string;
  changes?: Array<{ field: string; old: unknown; new: unknown }>;
  fields?: Record<string, unknown>;
  issues?: RowIssue[];
  /** 'speaker' for a speaker's row (counted apart, in Summary.speakers); absent for a session's. */
  record?: 'speaker';
}

export interface Summary {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  invalid: number;
  conflicts: number;
  failed: number;
  not_attempted: number;
  requests: number;
  /** The speakers' rows, counted alike (present when the run had speakers). */
  speakers?: Omit<Summary, 'requests' | 'speakers'>;
}
