import { monthMeanings, type NameLanguage, nameValue, weekdayMeanings } from './local-names.js';
import type { WrittenDate } from './written-value.js';

// Dates as people spell them, in the languages of local-names.ts, with or without a year:
// "18. Mai 2027", "18 mai 2027", "Mittwoch, 18. Mai", "18 de mayo de 2027", "May 18", "Tue 18 May",
// "2027年5月18日", "5月18日(火)"; and the day labels of agendas without dates: "Day 2", "Día 3",
// "Tag 1", "Jour 2", "Dag 1", "1日目", "Thursday", "jeudi", "木曜日", "4/21", "18.5.".
// Texts arrive normalised (lower case, accents off, spaces collapsed).

export interface SpelledDate {
  date: WrittenDate;
  /** How much of the text the date takes (the rest may be a time). */
  length: number;
}

/** Why a text that looks like a date was not read: a name several languages read differently. */
export type SpelledDateResult = SpelledDate | { ambiguous: string } | null;

const WEEKDAY_PREFIX = '(?:(\\p{L}+(?:-\\p{L}+)?)\\.?,?\\s+)?';
// 2-digit years are left to the numeric shapes: "18 May, 10:30" is no year 2010.
const DAY_MONTH = new RegExp(
  `^${WEEKDAY_PREFIX}(\\d{1,2})(?:\\.|o|er|st|nd|rd|th)?\\s*(?:de\\s+|[/-]\\s*)?(\\p{L}+)\\.?(?:(?:\\s*,\\s*|\\s+de\\s+|\\s+del\\s+|[\\s/-]+)(\\d{4}))?(?![\\d\\p{L}])`,
  'u',
);
const MONTH_DAY = new RegExp(`^${WEEKDAY_PREFIX}(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?(?![\\d\\p{L}:.])`, 'u');
const JAPANESE_DATE = /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*[(（]\s*([月火水木金土日])(?:曜日?)?\s*[)）])?/u;
const JAPANESE_WEEKDAY = /^[(（]([月火水木金土日])(?:曜日?)?[)）]|^([月火水木金土日])曜日?/u;
const JAPANESE_DAY_NUMBER = /^(?:第\s*)?(\d{1,2})\s*日目/u;
const DAY_NUMBER =
  /^(?:day|dia|tag|jour|dag|giorno|journee)\s*(\d{1,2})(?![\d.]|:\d)|^(\d{1,2})(?:st|nd|rd|th|e|er|o)?\s+(?:day|tag|jour|dag|dia)(?!\p{L})/u;
const WEEKDAY_ALONE = /^(\p{L}+(?:-\p{L}+)?)\.?(?![\p{L}\d])/u; // "quinta-feira" too
const NUMERIC_NO_YEAR = /^(\d{1,2})\/(\d{1,2})(?![\d/])|^(\d{1,2})\.(\d{1,2})\.(?![\d.])/;
const JAPANESE_WEEKDAYS = '月火水木金土日';

/** A spelled or partial date at the start of the text; null when there is none. */
export function matchSpelledDate(text: string, locale: NameLanguage | null): SpelledDateResult {
  let m = JAPANESE_DATE.exec(text);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    const date: WrittenDate = m[1] ? { kind: 'calendar', date: { year: Number(m[1]), month, day } } : { kind: 'month_day', month, day };
    if (m[4]) date.weekday = JAPANESE_WEEKDAYS.indexOf(m[4]) + 1;
    return { date, length: m[0].length };
  }
  m = JAPANESE_DAY_NUMBER.exec(text);
  if (m) return { date: { kind: 'day_number', day: Number(m[1]) }, length: m[0].length };
  m = JAPANESE_WEEKDAY.exec(text);
  if (m) return { date: { kind: 'weekday', weekday: JAPANESE_WEEKDAYS.indexOf((m[1] ?? m[2])!) + 1 }, length: m[0].length };
  m = DAY_NUMBER.exec(text);
  if (m) return { date: { kind: 'day_number', day: Number(m[1] ?? m[2]) }, length: m[0].length };
  m = NUMERIC_NO_YEAR.exec(text);
  if (m) {
    const separator = m[1] !== undefined ? '/' : '.';
    const first = Number(m[1] ?? m[3]);
    const second = Number(m[2] ?? m[4]);
    return { date: { kind: 'numeric', first, second, year: null, separator }, length: m[0].length };
  }
  return namedMonth(DAY_MONTH.exec(text), 3, 2, locale) ?? namedMonth(MONTH_DAY.exec(text), 2, 3, locale) ?? weekdayAlone(text, locale);
}

/** A day-month match whose words are a weekday (if any) and a month: the date, or null. */
function namedMonth(m: RegExpExecArray | null, monthAt: number, dayAt: number, locale: NameLanguage | null): SpelledDateResult {
  if (!m) return null;
  const weekdayWord = m[1];
  const weekday = weekdayWord === undefined ? undefined : nameValue(weekdayMeanings(weekdayWord), locale);
  if (weekday === null) return null;
  const word = m[monthAt]!;
  const month = nameValue(monthMeanings(word), locale);
  if (month === null) return null;
  if (month === 'ambiguous') return { ambiguous: word };
  const day = Number(m[dayAt]);
  const year = m[4];
  const date: WrittenDate = year ? { kind: 'calendar', date: { year: Number(year), month, day } } : { kind: 'month_day', month, day };
  if (typeof weekday === 'number') date.weekday = weekday;
  return { date, length: m[0].length };
}

function weekdayAlone(text: string, locale: NameLanguage | null): SpelledDateResult {
  const m = WEEKDAY_ALONE.exec(text);
  if (!m) return null;
  const word = m[1]!;
  // Two letters ("do", "mi") name a weekday only as the whole text or before a comma.
  if (word.length < 3 && !/^\p{L}+\.?(?:,|$)/u.test(text)) return null;
  const meanings = weekdayMeanings(word);
  const weekday = nameValue(meanings, locale);
  if (weekday === null) return null;
  if (weekday === 'ambiguous') return { ambiguous: word };
  // "Mar" alone is Tuesday in Spanish, French and Italian but March in English: only the sheet's
  // language (--locale, or its column's) makes it a weekday.
  if (monthMeanings(word).length > 0 && !(locale && meanings.some((m) => m.language === locale))) return { ambiguous: word };
  return { date: { kind: 'weekday', weekday }, length: m[0].length };
}
