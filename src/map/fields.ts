import type { SessionWriteBody } from '../api/types.js';
import type { MappedField } from '../types.js';

// THE session-field table: every sheet field the importer knows, with the headers it is recognised
// by, the kind of value its cells hold, the API field it writes (with how that is compared and the
// API versions that have it) and, for the importer's own canonical columns, the column header and
// help line. Mapped fields, field kinds, version-only fields, canonical columns, aliases and labels
// are all derived from it: adding a field is one entry here (plus its tests).

export type ApiVersion = 'v1' | 'v1.1';

/** How a session field is compared between the sheet and the server. */
export type FieldKind = 'text' | 'html' | 'instant' | 'boolean' | 'number' | 'id_set';

/** Every field an import may write (guide and import_id are the match key, never diffed). */
export type ComparedField = Exclude<keyof SessionWriteBody, 'guide' | 'import_id'>;

/** What a sheet cell of the field holds. */
export type CellKind = 'text' | 'html' | 'date' | 'time' | 'date_time' | 'minutes' | 'zone' | 'yes_no' | 'names' | 'number';

export interface SessionFieldEntry {
  /** Header names the field is recognised by without a mapping file (compared normalised). */
  aliases: readonly string[];
  cell: CellKind;
  /** The API field the sheet field writes, its comparison kind, and the API versions that have it. */
  api?: { field: ComparedField; kind: FieldKind; versions: readonly ApiVersion[] };
  /** A canonical column: its place in `template`/`export` sheets, header and one line of help. */
  column?: { at: number; header: string; help: string };
}

const BOTH: readonly ApiVersion[] = ['v1', 'v1.1'];
const V1_1: readonly ApiVersion[] = ['v1.1'];

/** Every MappedField, in the order messages list them (the key order). */
export const SESSION_FIELDS = {
  import_id: {
    aliases: ['Import ID', 'ID', 'Session ID', 'External ID', 'UID', 'Code', 'Session Code', 'Event ID'],
    cell: 'text',
    column: {
      at: 0,
      header: 'Import ID',
      help: 'Your own stable id for the session (any text, up to 255 characters); re-imports match on it. Blank: derived from title and start.',
    },
  },
  name: {
    aliases: ['Title', 'Session Title', 'Session Name', 'Session', 'Name', 'Event Name', 'Event Title', 'Talk Title'],
    cell: 'text',
    api: { field: 'name', kind: 'text', versions: BOTH },
    column: { at: 1, header: 'Title', help: 'Session name (required, up to 255 characters).' },
  },
  description: {
    aliases: ['Description', 'Abstract', 'Details', 'Description (Optional)', 'Summary', 'Session Description', 'Description HTML'],
    cell: 'html',
    api: { field: 'description_html', kind: 'html', versions: BOTH },
    column: {
      at: 9,
      header: 'Description',
      help: 'Plain text (a blank line starts a new paragraph) or basic HTML; up to 20,000 characters as HTML.',
    },
  },
  datetime_start: {
    aliases: ['Start Date Time', 'Start Datetime', 'Starts At', 'Start Time (UTC)', 'Start At', 'Start Timestamp', 'Begins At'],
    cell: 'date_time',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
  },
  datetime_end: {
    aliases: ['End Date Time', 'End Datetime', 'Ends At', 'End Time (UTC)', 'End At', 'End Timestamp'],
    cell: 'date_time',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  date: {
    aliases: ['Date', 'Day', 'Session Date', 'Start Date', 'Event Date'],
    cell: 'date',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
    column: {
      at: 2,
      header: 'Date',
      help: 'Day of the session, e.g. 2027-03-14 (other orders such as 14/03/2027 are detected or set with --date-format).',
    },
  },
  start: {
    aliases: ['Start', 'Start Time', 'Starts', 'Begin', 'Time Start', 'From', 'Begins'],
    cell: 'time',
    api: { field: 'start_time', kind: 'instant', versions: BOTH },
    column: {
      at: 3,
      header: 'Start',
      help: 'Local start time, e.g. 09:30 or 9:30 AM; may be a full date-time when there is no Date column.',
    },
  },
  end: {
    aliases: ['End', 'End Time', 'Time End', 'Ends', 'To', 'Finish', 'Until'],
    cell: 'time',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
    column: { at: 4, header: 'End', help: 'Local end time, e.g. 10:15; after the start. Blank for an all-day session.' },
  },
  duration: {
    aliases: ['Duration', 'Duration (minutes)', 'Length', 'Minutes', 'Duration (min)', 'Duration Minutes'],
    cell: 'minutes',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  timezone: {
    aliases: ['Timezone', 'Time Zone', 'TZ'],
    cell: 'zone',
    column: {
      at: 5,
      header: 'Time Zone',
      help: "IANA zone of this row's times, e.g. America/New_York. Blank: --timezone, else the guide's zone.",
    },
  },
  all_day: {
    aliases: ['All Day', 'All-day', 'All Day Event'],
    cell: 'yes_no',
    api: { field: 'all_day', kind: 'boolean', versions: BOTH },
    column: { at: 6, header: 'All Day', help: 'yes/no (also y/n, true/false, 1/0, x/blank). yes: the session lasts all day.' },
  },
  tracks: {
    aliases: ['Track', 'Tracks', 'Track(s)', 'Schedule Track', 'Schedule Track (Optional)', 'Schedule Tracks', 'Category', 'Categories'],
    cell: 'names',
    api: { field: 'schedule_tracks', kind: 'id_set', versions: BOTH },
    column: {
      at: 7,
      header: 'Track(s)',
      help: 'Schedule track names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
    },
  },
  locations: {
    aliases: ['Location', 'Locations', 'Room', 'Room/Location', 'Venue', 'Rooms', 'Location(s)', 'Room(s)'],
    cell: 'names',
    api: { field: 'locations', kind: 'id_set', versions: V1_1 },
    column: {
      at: 8,
      header: 'Room/Location',
      help: 'Location names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
    },
  },
  allow_rating: {
    aliases: ['Allow Rating', 'Rating', 'Allow Ratings'],
    cell: 'yes_no',
    api: { field: 'allow_rating', kind: 'boolean', versions: BOTH },
    column: { at: 10, header: 'Allow Rating', help: 'yes/no: attendees may rate the session.' },
  },
  add_to_schedule: {
    aliases: ['Add to Schedule', 'Add to My Schedule'],
    cell: 'yes_no',
    api: { field: 'add_to_schedule', kind: 'boolean', versions: BOTH },
    column: { at: 11, header: 'Add to Schedule', help: 'yes/no: attendees may add the session to their schedule.' },
  },
  rank: {
    aliases: ['Rank', 'Order', 'Sort Order'],
    cell: 'number',
    api: { field: 'rank', kind: 'number', versions: V1_1 },
    column: { at: 12, header: 'Rank', help: 'A number; orders sessions that start at the same time (lower first).' },
  },
  require_login: {
    aliases: ['Require Login', 'Login Required'],
    cell: 'yes_no',
    api: { field: 'require_login', kind: 'boolean', versions: BOTH },
    column: { at: 13, header: 'Require Login', help: 'yes/no: attendees must log in to add it; needs Add to Schedule yes.' },
  },
  max_capacity: {
    aliases: ['Max Capacity', 'Capacity', 'Maximum Capacity'],
    cell: 'number',
    api: { field: 'max_capacity', kind: 'number', versions: BOTH },
    column: { at: 14, header: 'Max Capacity', help: 'Positive whole number of seats; needs Require Login yes.' },
  },
  waitlist: {
    aliases: ['Waitlist', 'Wait List', 'Waitlist Enabled'],
    cell: 'yes_no',
    api: { field: 'waitlist', kind: 'boolean', versions: BOTH },
    column: { at: 15, header: 'Waitlist', help: 'yes/no: a waitlist once Max Capacity is reached; needs Max Capacity.' },
  },
  registration_start_date: {
    aliases: ['Registration Start', 'Registration Start Date', 'Registration Opens'],
    cell: 'date_time',
    api: { field: 'registration_start_date', kind: 'instant', versions: V1_1 },
    column: {
      at: 16,
      header: 'Registration Start',
      help: 'Local date and time registration opens, e.g. 2027-03-01 09:00; needs Require Login yes.',
    },
  },
  registration_end_date: {
    aliases: ['Registration End', 'Registration End Date', 'Registration Closes'],
    cell: 'date_time',
    api: { field: 'registration_end_date', kind: 'instant', versions: V1_1 },
    column: {
      at: 17,
      header: 'Registration End',
      help: 'Local date and time registration closes, after Registration Start; needs Require Login yes.',
    },
  },
  end_date: {
    aliases: ['End Date', 'End Day', 'end_day', 'Date End'],
    cell: 'date',
    api: { field: 'end_time', kind: 'instant', versions: BOTH },
  },
  speakers: {
    aliases: ['Speakers', 'Speaker', 'Presenters', 'Presenter', 'Speaker Names', 'Speaker Name'],
    cell: 'names',
  },
  moderators: {
    aliases: ['Moderator', 'Moderators', 'Moderator(s)'],
    cell: 'names',
  },
  image: {
    aliases: ['Image', 'Image URL', 'Session Image', 'Picture'],
    cell: 'text',
  },
} as const satisfies Readonly<Record<MappedField, SessionFieldEntry>>;

type Table = typeof SESSION_FIELDS;

/** Every MappedField, in the order messages list them. */
export const MAPPED_FIELDS = Object.keys(SESSION_FIELDS) as unknown as readonly [MappedField, ...MappedField[]];

/** The yes/no settings a sheet may set (All Day is yes/no too, but read with the times). */
export type BooleanField = Exclude<{ [F in MappedField]: Table[F]['cell'] extends 'yes_no' ? F : never }[MappedField], 'all_day'>;
export const BOOLEAN_FIELDS = MAPPED_FIELDS.filter(
  (field): field is BooleanField => SESSION_FIELDS[field].cell === 'yes_no' && field !== 'all_day',
) as readonly BooleanField[];

/**
 * The session settings beside name, description, times and references: fields whose sheet name is
 * the API's name, read one cell each.
 */
export type SettingField = Exclude<
  { [F in MappedField]: Table[F] extends { api: { field: F } } ? F : never }[MappedField],
  'name' | 'all_day' | 'locations'
>;
export const SETTING_FIELDS = MAPPED_FIELDS.filter(
  (field): field is SettingField =>
    (SESSION_FIELDS[field] as SessionFieldEntry).api?.field === field && !['name', 'all_day', 'locations'].includes(field),
) as readonly SettingField[];

/** How each API field is compared: one kind per API field, whichever sheet field writes it. */
export const FIELD_KINDS: Readonly<Record<ComparedField, FieldKind>> = buildKinds();

/** API fields the v1 API does not have: not written or compared when talking to v1. */
export const V1_1_ONLY_FIELDS: ReadonlySet<ComparedField> = new Set(
  apiEntries()
    .filter((api) => !api.versions.includes('v1'))
    .map((api) => api.field),
);

function apiEntries(): Array<NonNullable<SessionFieldEntry['api']>> {
  return MAPPED_FIELDS.flatMap((field) => {
    const api = (SESSION_FIELDS[field] as SessionFieldEntry).api;
    return api ? [api] : [];
  });
}

function buildKinds(): Record<ComparedField, FieldKind> {
  const kinds: Partial<Record<ComparedField, FieldKind>> = {};
  for (const api of apiEntries()) {
    // Several sheet fields write one API field (Date, Start and Start Date Time all set start_time).
    if (kinds[api.field] && kinds[api.field] !== api.kind) throw new Error(`${api.field} is listed as ${kinds[api.field]} and ${api.kind}`);
    kinds[api.field] = api.kind;
  }
  return kinds as Record<ComparedField, FieldKind>;
}

export function isComparedField(field: string): field is ComparedField {
  return Object.hasOwn(FIELD_KINDS, field);
}

/** The name a message uses for a field: its canonical column header, else its first alias. */
export function fieldLabel(field: MappedField): string {
  const entry: SessionFieldEntry = SESSION_FIELDS[field];
  return entry.column?.header ?? entry.aliases[0]!;
}

/**
 * The comparable form of a header: lowercase letters and digits only, so "Track(s)", "track s"
 * and "TRACKS " compare equal. Letters of any script count, so German or French headers keep
 * their umlauts and accents.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Header names each field is recognised by, without a mapping file. They are compared in
 * normalised form (normaliseHeader), so spacing, case and punctuation do not matter. Covers the
 * importer's own canonical columns (CANONICAL_COLUMNS, below), Guidebook Builder's schedule template
 * and the usual exports of scheduling tools.
 */
export const FIELD_ALIASES: Readonly<Record<MappedField, readonly string[]>> = Object.fromEntries(
  MAPPED_FIELDS.map((field) => [field, SESSION_FIELDS[field].aliases]),
) as unknown as Record<MappedField, readonly string[]>;

/** normalised alias → field; built once. */
const ALIAS_LOOKUP: ReadonlyMap<string, MappedField> = buildLookup();

function buildLookup(): Map<string, MappedField> {
  const lookup = new Map<string, MappedField>();
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as Array<[MappedField, readonly string[]]>) {
    for (const alias of aliases) {
      const key = normaliseHeader(alias);
      const taken = lookup.get(key);
      // Two fields claiming one header would make matching depend on object order.
      if (taken && taken !== field) throw new Error(`alias "${alias}" is listed for both ${taken} and ${field}`);
      lookup.set(key, field);
    }
  }
  return lookup;
}

/** The field a header is an alias of, or undefined. */
export function fieldForHeader(header: string): MappedField | undefined {
  return ALIAS_LOOKUP.get(normaliseHeader(header));
}

/**
 * The importer's own columns, in the order `template` and `export` write them. Each header is an
 * alias of its field (FIELD_ALIASES), so these sheets import with no mapping file. `help` is the
 * one line a template shows under or beside the header.
 */
export const CANONICAL_COLUMNS: ReadonlyArray<{ header: string; field: MappedField; help: string }> = MAPPED_FIELDS.flatMap((field) => {
  const column = (SESSION_FIELDS[field] as SessionFieldEntry).column;
  return column ? [{ at: column.at, header: column.header, field, help: column.help }] : [];
})
  .sort((a, b) => a.at - b.at)
  .map(({ header, field, help }) => ({ header, field, help }));

/**
 * How many cells of a candidate row are known column names. The readers pick the row with the
 * best score as the header, so title rows and notes above the table are skipped.
 */
export function scoreHeaderRow(cells: string[]): number {
  let score = 0;
  for (const cell of cells) {
    if (typeof cell === 'string' && cell !== '' && fieldForHeader(cell) !== undefined) score++;
  }
  return score;
}
