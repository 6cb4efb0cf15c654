import type { CalendarDate, TimeOfDay } from './wall-clock.js';

// A date/time text as written in a sheet ("14/03/2027 9:30 AM", "Mar 14, 2027", "noon"), read
// into its parts before any column order or zone is applied.

export type DayMonthOrder = 'd/M' | 'M/d';

/** The date part of a value as written. Numeric dates such as 03/04/2027 wait for the column's order. */
export type WrittenDate =
  | { kind: 'calendar'; date: CalendarDate }
  | { kind: 'numeric'; first: number; second: number; year: number; separator: string };

/** A date-time cell as written: date, time or both, and an offset when the text carried one. */
export interface ParsedValue {
  date: WrittenDate | null;
  time: WrittenTime | null;
  offsetMinutes: number | null;
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

/** A time of day as written, before it meets a date. */
export interface WrittenTime extends TimeOfDay {
  /** Written as the word "midnight" (or "24:00"): as an end time it means the end of the day. */
  midnightWord: boolean;
}

// "9:30", "09:30:15", "9:30:15.250", "9.30am", "9:30 a.m.", "9 pm", "21:00"
const CLOCK = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*([ap])\.?(?:m\.?)?)?$/;
// "0930", "930", "1400", "930pm"
const FOUR_DIGITS = /^(\d{1,2})(\d{2})(?:\s*([ap])\.?(?:m\.?)?)?$/;
// "9h30", "9h", "21h00", "9 h 30 min"
const H_SEPARATED = /^(\d{1,2})\s*h\s*(?:(\d{2})\s*(?:m|min)?)?$/;
const NOON = /^(?:12\s*)?(?:noon|midday)$/;
const MIDNIGHT = /^(?:12\s*)?midnight$/;

/** Parses a lower-cased, trimmed time of day; null when it is not one. */
function parseTimeOfDay(text: string): WrittenTime | null {
  if (NOON.test(text)) return at(12, 0, 0, 0, false);
  if (MIDNIGHT.test(text)) return at(0, 0, 0, 0, true);
  let m = CLOCK.exec(text);
  if (m) {
    const [, h, min, sec, frac, meridiem] = m;
    if (min === undefined && meridiem === undefined) return null; // a bare "9" is not a time
    return timeFromParts(Number(h), Number(min ?? 0), Number(sec ?? 0), fractionMs(frac), meridiem);
  }
  m = FOUR_DIGITS.exec(text);
  if (m) return timeFromParts(Number(m[1]), Number(m[2]), 0, 0, m[3]);
  m = H_SEPARATED.exec(text);
  if (m) return timeFromParts(Number(m[1]), Number(m[2] ?? 0), 0, 0, undefined);
  return null;
}

function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));
}

/** Checks the ranges and applies am/pm ("a" or "p"); null when the parts are no time of day. */
export function timeFromParts(
  hour: number,
  minute: number,
  second: number,
  millisecond: number,
  meridiem: string | undefined,
): WrittenTime | null {
  if (minute > 59 || second > 59) return null;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    const h24 = meridiem === 'a' ? hour % 12 : (hour % 12) + 12;
    return at(h24, minute, second, millisecond, false);
  }
  if (hour === 24) return minute === 0 && second === 0 && millisecond === 0 ? at(24, 0, 0, 0, true) : null;
  return hour > 23 ? null : at(hour, minute, second, millisecond, false);
}

function at(hour: number, minute: number, second: number, millisecond: number, midnightWord: boolean): WrittenTime {
  return { hour, minute, second, millisecond, midnightWord };
}

// The shapes a hand-written agenda uses. Each regex matches at the start of the lower-cased text;
// what follows the date (if anything) must be a time, optionally with an offset.
const MONTH_NAME = MONTH_NAME_PATTERN;
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/; // 2027-03-14, 2027/03/14
const YEAR_LAST = new RegExp(`^${WEEKDAY}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)`); // 14/3/2027, 3-14-27, 14.3.2027
const DAY_MONTH_NAME = new RegExp(`^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s/-]*${MONTH_NAME}\\.?,?[\\s/-]*(\\d{4}|\\d{2})(?!\\d)`); // 14 Mar 2027, 14-Mar-27, 14 March, 2027
const MONTH_NAME_DAY = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(\\d{4})(?!\\d)`); // Mar 14, 2027
const DATE_TIME_SEPARATOR = /^(?:t|\s*,?\s*(?:at\s+|@\s*)?)/;
// Numeric offsets only in the ISO style, a date and a two-digit 24-hour clock right before the
// sign: "9:30-10:30" is a range, not 9:30 at UTC-10:30.
const NUMERIC_OFFSET = /^(\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s?([+-])(\d{2}):?(\d{2})?$/;
const UTC_SUFFIX = /\s*(?:z|utc|gmt)$/;

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Lower-cases, trims and collapses white space (including no-break spaces) once, for every parser. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Parses a normalised date, date-time or time text in any of the shapes the sheet may hold.
 * Returns null when the text is none of them.
 */
export function parseDateTimeText(text: string): ParsedValue | null {
  const dated = matchDate(text);
  if (!dated) return parseLoneTime(text);
  const rest = text.slice(dated.length);
  if (rest === '') return { date: dated.date, time: null, offsetMinutes: null };
  const timeText = rest.replace(DATE_TIME_SEPARATOR, '');
  if (timeText === '' || timeText === rest) return null; // "2027-03-14x" or a dangling "T"
  return parseTimeWithOffset(timeText, dated.date);
}

function matchDate(text: string): { date: WrittenDate; length: number } | null {
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

function parseTimeWithOffset(text: string, date: WrittenDate): ParsedValue | null {
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
  }
  const time = parseTimeOfDay(timeText);
  return time ? { date, time, offsetMinutes } : null;
}

function parseLoneTime(text: string): ParsedValue | null {
  const utc = UTC_SUFFIX.exec(text);
  const time = parseTimeOfDay(utc ? text.slice(0, utc.index).trimEnd() : text);
  return time ? { date: null, time, offsetMinutes: utc ? 0 : null } : null;
}
