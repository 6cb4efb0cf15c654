import type { MappedField } from '../types.js';
import { normaliseHeader } from './fields.js';
import type { MappingConfig, ValueFormats } from './mapping-config.js';

// Well-known export layouts, recognised by their header signature as a whole rather than guessed
// column by column: each is a built-in mapping (columns, formats) applied when the user gives no
// mapping file. A header is recognised only when every signature column is there, so a sheet
// that merely shares a few names is still read by the aliases.

interface KnownLayout {
  /** How the header summary names it: "Recognised as a <name>". */
  name: string;
  /** Headers that must all be present (compared normalised). */
  signature: readonly string[];
  /** Headers that must not be present (tell two similar exports apart). */
  absent?: readonly string[];
  columns: Readonly<Record<string, MappedField | null>>;
  formats?: ValueFormats;
}

const LAYOUTS: readonly KnownLayout[] = [
  {
    // Outlook's "Export to a file > Comma Separated Values" of a calendar; the column list as
    // Mozilla Lightning's Outlook CSV importer reads it (calendar/base/src/calOutlookCSVImporter.js,
    // localeEn) plus the attendee and resource columns Outlook writes. Dates follow the machine's
    // locale, so the date format is left to detection.
    name: 'Outlook calendar CSV export',
    signature: ['Subject', 'Start Date', 'Start Time', 'All day event', 'Reminder on/off'],
    columns: {
      Subject: 'name',
      'Start Date': 'date',
      'Start Time': 'start',
      // Outlook writes an all-day event's End Date as the next day (midnight, exclusive), which
      // would read as two days; its timed events end on their start day but for the rare one
      // across midnight (then the end is before the start: a row error, or --overnight).
      'End Date': null,
      'End Time': 'end',
      'All day event': 'all_day',
      Categories: 'tracks',
      Description: 'description',
      Location: 'locations',
      'Reminder on/off': null,
      'Reminder Date': null,
      'Reminder Time': null,
      'Meeting Organizer': null,
      'Required Attendees': null,
      'Optional Attendees': null,
      'Meeting Resources': null,
      'Billing Information': null,
      Mileage: null,
      Priority: null,
      Private: null,
      Sensitivity: null,
      'Show time as': null,
    },
  },
  {
    // Google Calendar's CSV import layout (Google Calendar Help, "Create or edit a CSV file",
    // support.google.com/calendar/answer/37118; its header list and US dates also as
    // mydatatables.com/csv-import-export/csv-format-for-google-calendar gives them): dates
    // MM/DD/YYYY ("05/30/2020"), times 12-hour such as "10:00 AM", All Day Event and Private
    // True/False. The documented US date order is applied (05/06/2027 is May 6); a
    // day-first date past the 12th is then a row error, never a swapped date.
    name: 'Google Calendar CSV export',
    signature: ['Subject', 'Start Date', 'Start Time', 'All Day Event', 'Private'],
    absent: ['Reminder on/off'],
    columns: {
      Subject: 'name',
      'Start Date': 'date',
      'Start Time': 'start',
      'End Date': 'end_date',
      'End Time': 'end',
      'All Day Event': 'all_day',
      Description: 'description',
      Location: 'locations',
      Private: null,
    },
    formats: { date: 'M/d/yyyy' },
  },
  {
    // Sessionize's sessions export (Excel/CSV, "Export > Sessions"): Session Id, Title,
    // Description, Owner, Owner Email, the category columns, Status, Date Submitted, Speakers,
    // Room, Scheduled At, Scheduled Duration, then the event's own questions. Column list as a
    // public pybay export documents it (repo notes "Fields/Columns available in core Sessionize
    // Files") and as a published "SessionMoreInfo" type names it (Assigned Track, Titles, ...).
    // "Owner" is the submitter and "Titles" the speakers' job titles: neither is the session's.
    name: 'Sessionize sessions export',
    signature: ['Session Id', 'Title', 'Scheduled At'],
    columns: {
      'Session Id': 'import_id',
      Title: 'name',
      Description: 'description',
      Speakers: 'speakers',
      Room: 'locations',
      'Scheduled At': 'datetime_start',
      'Scheduled Duration': 'duration',
      Track: 'tracks',
      'Assigned Track': 'tracks',
      Owner: null,
      'Owner Email': null,
      'Owner Notes': null,
      Status: null,
      'Date Submitted': null,
      'Session format': null,
      Level: null,
      Scope: null,
      Companies: null,
      'Company Domains': null,
      Titles: null,
      'Speaker Ids': null,
    },
  },
  {
    // Sched's session export (the API's session/export and its CSV download): event_key, name,
    // event_start, event_end (yyyy-MM-dd HH:mm), event_type and event_subtype, venue,
    // description, speakers, seats, goers, invite_only, active, id. Several types share one cell,
    // separated by commas.
    name: 'Sched sessions export',
    signature: ['event_key', 'name', 'event_start'],
    columns: {
      event_key: 'import_id',
      name: 'name',
      event_start: 'datetime_start',
      event_end: 'datetime_end',
      event_type: 'tracks',
      venue: 'locations',
      description: 'description',
      speakers: 'speakers',
      moderators: 'moderators',
      event_subtype: null,
      active: null,
      seats: null,
      goers: null,
      invite_only: null,
      audience: null,
      id: null,
    },
    formats: { list_separator: ',' },
  },
];

/** Signatures normalised once. */
const SIGNATURES = LAYOUTS.map((layout) => ({
  layout,
  signature: layout.signature.map(normaliseHeader),
  absent: (layout.absent ?? []).map(normaliseHeader),
}));

/**
 * The built-in mapping of the well-known export whose signature the header carries, or undefined.
 * Its "source" names it, as a mapping file's path would.
 */
export function knownLayoutMapping(headers: readonly string[]): MappingConfig | undefined {
  const present = new Set(headers.map(normaliseHeader));
  const found = SIGNATURES.find(({ signature, absent }) => signature.every((h) => present.has(h)) && !absent.some((h) => present.has(h)));
  if (found === undefined) return undefined;
  const { layout } = found;
  return Object.freeze({
    source: `the built-in ${layout.name} mapping`,
    columns: Object.freeze({ ...layout.columns }),
    defaults: Object.freeze({}),
    formats: Object.freeze({ ...(layout.formats ?? {}) }),
    layout: layout.name,
  });
}
