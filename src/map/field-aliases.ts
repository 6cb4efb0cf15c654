import type { MappedField } from '../types.js';
import { normaliseHeader } from './normalise-header.js';

/**
 * Header names each field is recognised by, without a mapping file. They are compared in
 * normalised form (normaliseHeader), so spacing, case and punctuation do not matter. Covers the
 * importer's own canonical columns (canonical-columns.ts), Guidebook Builder's schedule template
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
