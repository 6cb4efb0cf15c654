import { parseTimeOfDay } from './parse-time-of-day.js';
import type { ParsedValue, WrittenDate } from './parsed-value.js';

// The shapes a hand-written agenda uses. Each regex matches at the start of the lower-cased text;
// what follows the date (if anything) must be a time, optionally with an offset.
const MONTH_NAME =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/; // 2027-03-14, 2027/03/14
const YEAR_LAST = new RegExp(`^${WEEKDAY}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4}|\\d{2})(?!\\d)`); // 14/3/2027, 3-14-27, 14.3.2027
const DAY_MONTH_NAME = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?[\\s/-]*${MONTH_NAME}\\.?,?[\\s/-]*(\\d{4}|\\d{2})(?!\\d)`,
); // 14 Mar 2027, 14-Mar-27, 14 March, 2027
const MONTH_NAME_DAY = new RegExp(`^${WEEKDAY}${MONTH_NAME}\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`); // Mar 14, 2027
const DATE_TIME_SEPARATOR = /^(?:t|\s*,?\s*(?:at\s+|@\s*)?)/;
// Numeric offsets only in the ISO style, a date and a two-digit 24-hour clock right before the
// sign: "9:30-10:30" is a range, not 9:30 at UTC-10:30.
const NUMERIC_OFFSET = /^(\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s?([+-])(\d{2}):?(\d{2})?$/;
const UTC_SUFFIX = /\s*(?:z|utc|gmt)$/;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function monthNumber(name: string): number {
  return MONTHS[name.slice(0, 3)] ?? 0;
}

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
  if (m) return { date: { kind: 'calendar', date: { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) } }, length: m[0].length };
  m = YEAR_LAST.exec(text);
  if (m) {
    const date: WrittenDate = { kind: 'numeric', first: Number(m[1]), second: Number(m[3]), year: fullYear(m[4] ?? ''), separator: m[2] ?? '/' };
    return { date, length: m[0].length };
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) return { date: { kind: 'calendar', date: { year: fullYear(m[3] ?? ''), month: monthNumber(m[2] ?? ''), day: Number(m[1]) } }, length: m[0].length };
  m = MONTH_NAME_DAY.exec(text);
  if (m) return { date: { kind: 'calendar', date: { year: Number(m[3]), month: monthNumber(m[1] ?? ''), day: Number(m[2]) } }, length: m[0].length };
  return null;
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
