import type { MappedField } from '../types.js';

// The sheet fields the importer knows: every MappedField, the headers each is recognised by, the
// importer's own canonical columns, and how a header is matched to a field.

/** Every MappedField, in the order messages list them. */
export const MAPPED_FIELDS = [
  'import_id',
  'name',
  'description',
  'datetime_start',
  'datetime_end',
  'date',
  'start',
  'end',
  'duration',
  'timezone',
  'all_day',
  'tracks',
  'locations',
  'allow_rating',
  'add_to_schedule',
  'rank',
  'require_login',
  'max_capacity',
  'waitlist',
  'registration_start_date',
  'registration_end_date',
] as const satisfies readonly MappedField[];

// Fails to compile when src/types.ts gains a MappedField this list does not have.
type Missing = Exclude<MappedField, (typeof MAPPED_FIELDS)[number]>;
const everyFieldListed: Missing extends never ? true : never = true;
void everyFieldListed;

const FIELD_SET: ReadonlySet<string> = new Set(MAPPED_FIELDS);

export function isMappedField(value: string): value is MappedField {
  return FIELD_SET.has(value);
}

/**
 * The comparable form of a header: lowercase letters and digits only, so "Track(s)", "track s"
 * and "TRACKS " compare equal. Letters of any script count, so German or French headers keep
 * their umlauts and accents.
 */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Header names each field is recognised by, without a mapping file. They are compared in
 * normalised form (normaliseHeader), so spacing, case and punctuation do not matter. Covers the
 * importer's own canonical columns (CANONICAL_COLUMNS, below), Guidebook Builder's schedule template
 * and the usual exports of scheduling tools.
 */
export const FIELD_ALIASES: Readonly<Record<MappedField, readonly string[]>> = {
  import_id: ['Import ID', 'ID', 'Session ID', 'External ID', 'UID', 'Code', 'Session Code', 'Event ID'],
  name: ['Title', 'Session Title', 'Session Name', 'Session', 'Name', 'Event Name', 'Event Title', 'Talk Title'],
  description: ['Description', 'Abstract', 'Details', 'Description (Optional)', 'Summary', 'Session Description', 'Description HTML'],
  datetime_start: ['Start Date Time', 'Start Datetime', 'Starts At', 'Start Time (UTC)', 'Start At', 'Start Timestamp', 'Begins At'],
  datetime_end: ['End Date Time', 'End Datetime', 'Ends At', 'End Time (UTC)', 'End At', 'End Timestamp'],
  date: ['Date', 'Day', 'Session Date', 'Start Date', 'Event Date'],
  start: ['Start', 'Start Time', 'Starts', 'Begin', 'Time Start', 'From', 'Begins'],
  end: ['End', 'End Time', 'Time End', 'Ends', 'To', 'Finish', 'Until'],
  duration: ['Duration', 'Duration (minutes)', 'Length', 'Minutes', 'Duration (min)', 'Duration Minutes'],
  timezone: ['Timezone', 'Time Zone', 'TZ'],
  all_day: ['All Day', 'All-day', 'All Day Event'],
  tracks: ['Track', 'Tracks', 'Track(s)', 'Schedule Track', 'Schedule Track (Optional)', 'Schedule Tracks', 'Category', 'Categories'],
  locations: ['Location', 'Locations', 'Room', 'Room/Location', 'Venue', 'Rooms', 'Location(s)', 'Room(s)'],
  allow_rating: ['Allow Rating', 'Rating', 'Allow Ratings'],
  add_to_schedule: ['Add to Schedule', 'Add to My Schedule'],
  rank: ['Rank', 'Order', 'Sort Order'],
  require_login: ['Require Login', 'Login Required'],
  max_capacity: ['Max Capacity', 'Capacity', 'Maximum Capacity'],
  waitlist: ['Waitlist', 'Wait List', 'Waitlist Enabled'],
  registration_start_date: ['Registration Start', 'Registration Start Date', 'Registration Opens'],
  registration_end_date: ['Registration End', 'Registration End Date', 'Registration Closes'],
};

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
export const CANONICAL_COLUMNS: ReadonlyArray<{ header: string; field: MappedField; help: string }> = [
  {
    header: 'Import ID',
    field: 'import_id',
    help: 'Your own stable id for the session (any text, up to 255 characters); re-imports match on it. Blank: derived from title and start.',
  },
  { header: 'Title', field: 'name', help: 'Session name (required, up to 255 characters).' },
  {
    header: 'Date',
    field: 'date',
    help: 'Day of the session, e.g. 2027-03-14 (other orders such as 14/03/2027 are detected or set with --date-format).',
  },
  {
    header: 'Start',
    field: 'start',
    help: 'Local start time, e.g. 09:30 or 9:30 AM; may be a full date-time when there is no Date column.',
  },
  { header: 'End', field: 'end', help: 'Local end time, e.g. 10:15; after the start. Blank for an all-day session.' },
  {
    header: 'Time Zone',
    field: 'timezone',
    help: "IANA zone of this row's times, e.g. America/New_York. Blank: --timezone, else the guide's zone.",
  },
  { header: 'All Day', field: 'all_day', help: 'yes/no (also y/n, true/false, 1/0, x/blank). yes: the session lasts all day.' },
  {
    header: 'Track(s)',
    field: 'tracks',
    help: 'Schedule track names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
  },
  {
    header: 'Room/Location',
    field: 'locations',
    help: 'Location names (or ids), several separated by ; or , (a cell with ; splits on ; only).',
  },
  {
    header: 'Description',
    field: 'description',
    help: 'Plain text (a blank line starts a new paragraph) or basic HTML; up to 20,000 characters as HTML.',
  },
  { header: 'Allow Rating', field: 'allow_rating', help: 'yes/no: attendees may rate the session.' },
  { header: 'Add to Schedule', field: 'add_to_schedule', help: 'yes/no: attendees may add the session to their schedule.' },
  { header: 'Rank', field: 'rank', help: 'A number; orders sessions that start at the same time (lower first).' },
  { header: 'Require Login', field: 'require_login', help: 'yes/no: attendees must log in to add it; needs Add to Schedule yes.' },
  { header: 'Max Capacity', field: 'max_capacity', help: 'Positive whole number of seats; needs Require Login yes.' },
  { header: 'Waitlist', field: 'waitlist', help: 'yes/no: a waitlist once Max Capacity is reached; needs Max Capacity.' },
  {
    header: 'Registration Start',
    field: 'registration_start_date',
    help: 'Local date and time registration opens, e.g. 2027-03-01 09:00; needs Require Login yes.',
  },
  {
    header: 'Registration End',
    field: 'registration_end_date',
    help: 'Local date and time registration closes, after Registration Start; needs Require Login yes.',
  },
];

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
