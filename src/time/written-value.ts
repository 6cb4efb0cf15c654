import { parseTimeOfDay, type WrittenTime } from './clock-time.js';
import type { NameLanguage } from './local-names.js';
import { matchSpelledDate } from './spelled-dates.js';
import { parseTimeSpan } from './time-range.js';
import type { CalendarDate } from './wall-clock.js';

// A date/time text as written in a sheet ("14/03/2027 9:30 AM", "Mar 14, 2027", "noon",
// "Tue 18 May, 9:00–10:30", "Day 2"), read into its parts before any column order, first day or
// zone is applied.

export type { WrittenTime } from './clock-time.js';
export { timeFromParts } from './clock-time.js';

export type DayMonthOrder = 'd/M' | 'M/d';

/** The date part of a value as written. Numeric dates such as 03/04/2027 wait for the column's order. */
export type WrittenDate =
  /** `weekday`: the weekday written with it ("Tue 18 May 2027"), checked against the date. */
  | { kind: 'calendar'; date: CalendarDate; weekday?: number }
  /** year null: "4/21", "18.5." (placed in the year nearest the first day). */
  | { kind: 'numeric'; first: number; second: number; year: number | null; separator: string }
  /** A named month without a year: "May 18", "18. Mai", "5月18日". */
  | { kind: 'month_day'; month: number; day: number; weekday?: number }
  /** "Day 2", "Tag 1", "1日目": counted from the first day (day 1), 0 the day before. */
  | { kind: 'day_number'; day: number }
  /** "Thursday", "jeudi", "木曜日" (1 = Monday): the first such day on or after the first day. */
  | { kind: 'weekday'; weekday: number };

/** The written dates that need the first day of the event to become a calendar date. */
export function isPartialDate(date: WrittenDate): boolean {
  return (
    date.kind === 'day_number' || date.kind === 'weekday' || date.kind === 'month_day' || (date.kind === 'numeric' && date.year === null)
  );
}

/** A date-time cell as written: date, time or both, and an offset when the text carried one. */
export interface ParsedValue {
  date: WrittenDate | null;
  time: WrittenTime | null;
  offsetMinutes: number | null;
  /**
   * A range's end ("9:00-10:30"): undefined when the text is no range, null for an open end
   * ("18:00 - open end").
   */
  end?: WrittenTime | null;
  /**
   * "2027-11-07 01:30-05:00" reads as a range or as a time with its UTC offset: the range is
   * `end`, and this the offset, for a row whose own End column settles it.
   */
  offsetAlternative?: number;
}

/** English month names and abbreviations ("Sept" too), as one capturing regex group. */
export const MONTH_NAME_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** 1-12 for a lower-case name matched by MONTH_NAME_PATTERN; 0 otherwise. */
export function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3)] ?? 0;
}

// The shapes a hand-written agenda uses. Each regex matches at the start of the lower-cased text;
// what follows the date (if anything) must be a time, optionally with an offset.
const MONTH_NAME = MONTH_NAME_PATTERN;
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/; // 2027-03-14, 2027/03/14
const YEAR_LAST = new RegExp(`^${WEEKDAY}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)`); // 14/3/2027, 3-14-27, 14.3.2027
const DAY_MONTH_NAME = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s/-]*${MONTH_NAME}\\.?,?[\\s/-]*(\\d{4}(?!\\d)|\\d{2}(?![\\d:h]|\\.\\d))`,
); // 14 Mar 2027, 14-Mar-27, 14 March, 2027
const MONTH_NAME_DAY = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(\\d{4})(?!\\d)`); // Mar 14, 2027
const DATE_TIME_SEPARATOR = /^(?:t|\s*[,;:|]?\s*(?:(?:at|um|a las|a la|as|alle|om|vanaf|de)\s+|[@\-–—]\s*)?)/;
// Numeric offsets only in the ISO style, a date and a two-digit 24-hour clock right before the
// sign: "9:30-10:30" is a range, not 9:30 at UTC-10:30.
const NUMERIC_OFFSET = /^(\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s?([+-])(\d{2}):?(\d{2})?$/;
const UTC_SUFFIX = /\s*(?:z|utc|gmt)$/;

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/**
 * Lower-cases, trims, collapses white space (including no-break spaces) and takes accents and
 * full-width forms off ("März" → "marz", "１０：００" → "10:00") once, for every parser.
 */
export function normaliseText(text: string): string {
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Parses a normalised date, date-time, time or time-range text in any of the shapes the sheet may
 * hold, month and weekday names read in any known language (`locale` settles a name that
 * languages read differently). Returns null when the text is none of them.
 */
export function parseDateTimeText(text: string, locale: NameLanguage | null = null): ParsedValue | null {
  const dated = matchDate(text) ?? spelled(text, locale);
  if (!dated) return parseLoneTime(text);
  const rest = text.slice(dated.length);
  if (rest === '' || /^[\s,.;:]+$/.test(rest)) return { date: dated.date, time: null, offsetMinutes: null };
  if (dated.date.kind === 'day_number' || dated.date.kind === 'weekday') {
    const inner = labelledDate(rest, dated.date, locale);
    if (inner) return inner;
  }
  const timeText = rest.replace(DATE_TIME_SEPARATOR, '');
  if (timeText === '' || timeText === rest) return null; // "2027-03-14x" or a dangling "T"
  const isoStyle = rest.startsWith('t');
  return parseTimeWithOffset(timeText, dated.date, isoStyle) ?? spanValue(timeText, dated.date);
}

// "Day 1 - Monday", "Tag 1: Montag, 18. Mai", "Monday (18 May)": a label, then what it names.
const LABEL_TAIL = /^\s*[-–—:,|(/]\s*/;

/**
 * A day number or weekday followed by a more telling date: that date (with its time), else the
 * day number with the weekday's time; null when the rest is no date.
 */
function labelledDate(rest: string, label: WrittenDate, locale: NameLanguage | null): ParsedValue | null {
  const tail = LABEL_TAIL.exec(rest);
  if (!tail) return null;
  const inner = parseDateTimeText(rest.slice(tail[0].length).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim(), locale);
  if (!inner?.date) return null;
  if (inner.date.kind === 'weekday' || inner.date.kind === 'day_number')
    return label.kind === 'day_number' ? { ...inner, date: label } : inner;
  // "Monday (19 May)": the weekday is checked against the date like "Mon 19 May".
  if (label.kind === 'weekday' && (inner.date.kind === 'calendar' || inner.date.kind === 'month_day') && inner.date.weekday === undefined) {
    return { ...inner, date: { ...inner.date, weekday: label.weekday } };
  }
  return inner;
}

function spelled(text: string, locale: NameLanguage | null): { date: WrittenDate; length: number } | null {
  const found = matchSpelledDate(text, locale);
  return found && 'date' in found ? found : null;
}

const ENGLISH_WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*/;
const ENGLISH_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** matchDate, with the English weekday written before the date, if any (1 = Monday). */
function matchDate(text: string): { date: WrittenDate; length: number } | null {
  const found = matchBareDate(text);
  if (found?.date.kind !== 'calendar') return found;
  const weekday = ENGLISH_WEEKDAY.exec(text);
  if (weekday) found.date.weekday = ENGLISH_WEEKDAYS.indexOf(weekday[1]!) + 1;
  return found;
}

function matchBareDate(text: string): { date: WrittenDate; length: number } | null {
  let m = YEAR_FIRST.exec(text);
  if (m) return calendar(Number(m[1]), Number(m[3]), Number(m[4]), m[0].length);
  m = YEAR_LAST.exec(text);
  if (m) {
    const separator = m[2] ?? '/';
    const date: WrittenDate = { kind: 'numeric', first: Number(m[1]), second: Number(m[3]), year: fullYear(m[4] ?? ''), separator };
    return { date, length: m[0].length };
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) return calendar(fullYear(m[3] ?? ''), monthNumber(m[2] ?? ''), Number(m[1]), m[0].length);
  m = MONTH_NAME_DAY.exec(text);
  if (m) return calendar(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]), m[0].length);
  return null;
}

function calendar(year: number, month: number, day: number, length: number): { date: WrittenDate; length: number } {
  return { date: { kind: 'calendar', date: { year, month, day } }, length };
}

// A negative offset whose minutes a real zone has (:00, :30, :45), after a clock without seconds.
const RANGE_OR_OFFSET = /^\d{2}:\d{2}-(\d{2}):(00|30|45)$/;

function parseTimeWithOffset(text: string, date: WrittenDate, isoStyle: boolean): ParsedValue | null {
  let offsetMinutes: number | null = null;
  let timeText = text;
  const utc = UTC_SUFFIX.exec(timeText);
  const numeric = utc ? null : NUMERIC_OFFSET.exec(timeText);
  if (utc) {
    offsetMinutes = 0;
    timeText = timeText.slice(0, utc.index);
  } else if (numeric) {
    const hours = Number(numeric[3]);
    const minutes = Number(numeric[4] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = (numeric[2] === '-' ? -1 : 1) * (hours * 60 + minutes);
    timeText = numeric[1] ?? '';
    // "2027-05-18 09:00-10:30" is as often a range as a time at UTC-10:30: both readings travel
    // (no zone is 10:15 behind UTC, so "09:00-10:15" is a range alone).
    if (!isoStyle && /^\d{2}:\d{2}-\d{2}:\d{2}$/.test(text)) {
      const span = spanValue(text, date);
      // An end before the start ("23:00-01:00") is a range across midnight as much as it is a
      // time at UTC-01:00: the row's own End (or its absence) decides, as for any other range.
      if (span?.end && span.time) {
        return RANGE_OR_OFFSET.test(text) ? { ...span, offsetAlternative: offsetMinutes } : span;
      }
    }
  }
  const time = parseTimeOfDay(timeText);
  return time ? { date, time, offsetMinutes } : null;
}

function spanValue(text: string, date: WrittenDate | null): ParsedValue | null {
  const span = parseTimeSpan(text);
  return span ? { date, time: span.start, offsetMinutes: null, end: span.end } : null;
}

function parseLoneTime(text: string): ParsedValue | null {
  const utc = UTC_SUFFIX.exec(text);
  const time = parseTimeOfDay(utc ? text.slice(0, utc.index).trimEnd() : text);
  if (time) return { date: null, time, offsetMinutes: utc ? 0 : null };
  const span = spanValue(text, null);
  // "00:41-05:00" in a Start column beside a Date: a range, or (as export writes a repeated
  // hour) a time at UTC-05:00; both readings travel, the row decides (validate/row-times.ts).
  const offset = span ? RANGE_OR_OFFSET.exec(text) : null;
  if (span && offset && Number(offset[1]) <= 12) span.offsetAlternative = -(Number(offset[1]) * 60 + Number(offset[2]));
  return span;
}
