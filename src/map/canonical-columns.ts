import type { MappedField } from '../types.js';

/**
 * The importer's own columns, in the order `template` and `export` write them. Each header is an
 * alias of its field (field-aliases.ts), so these sheets import with no mapping file. `help` is the
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
