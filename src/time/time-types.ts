import type { MappedField } from '../types.js';
import type { ColumnParser } from './read-cell.js';
import type { DayMonthOrder } from './written-value.js';

export interface TimeOptions {
  /** --timezone: the zone of the sheet's local times. */
  timezone?: string;
  /** The guide's own zone (import only), used after a per-row zone column and --timezone. */
  guideTimezone?: string;
  /** --date-format, a luxon format such as d/M/yyyy or M/d/yyyy h:mm a. */
  dateFormat?: string;
  /** Opt-in: an end time earlier than the start means the next day. */
  overnight?: boolean;
  /** The guide's dates, to warn about rows far outside them. */
  guideWindow?: { start_date?: string | null; end_date?: string | null } | null;
}

/** The fields whose cells hold dates and/or times. */
export const DATE_TIME_FIELDS = [
  'datetime_start',
  'datetime_end',
  'date',
  'start',
  'end',
  'registration_start_date',
  'registration_end_date',
] as const satisfies readonly MappedField[];

export type DateTimeField = (typeof DATE_TIME_FIELDS)[number];

/** How the sheet's date/time columns are read, decided once for the whole sheet (validate/column-formats.ts). */
export interface ColumnFormats {
  /** The --date-format in force, or null. */
  readonly dateFormat: string | null;
  /** Day/month order of each column holding numeric dates such as 14/03/2027. */
  readonly dayMonthOrder: Readonly<Partial<Record<DateTimeField, DayMonthOrder>>>;
  readonly parsers: Readonly<Record<DateTimeField, ColumnParser>>;
}
