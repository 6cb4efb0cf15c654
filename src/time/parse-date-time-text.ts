import { MONTH_NAME_PATTERN, monthNumber } from './month-names.js';
import { parseTimeOfDay } from './parse-time-of-day.js';
import type { ParsedValue, WrittenDate } from './parsed-value.js';

// The shapes a hand-written agenda uses. Each regex matches at the start of the lower-cased text;
// what follows the date (if anything) must be a time, optionally with an offset.
const MONTH_NAME = MONTH_NAME_PATTERN;
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/; // 2027-03-14, 2027/03/14
const YEAR_LAST = new RegExp(`^${WEEKDAY}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)`); // 14/3/2027, 3-14-27, 14.3.2027
const DAY_MONTH_NAME = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s/-]*${MONTH_NAME}\\.?,?[\\s/-]*(\\d{4}|\\d{2})(?!\\d)`,
); // 14 Mar 2027, 14-Mar-27, 14 March, 2027
const MONTH_NAME_DAY = new RegExp(
  `^${WEEKDAY}${MONTH_NAME}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(\\d{4})(?!\\d)`,
); // Mar 14, 2027
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
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase();
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
