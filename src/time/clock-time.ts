import type { TimeOfDay } from './wall-clock.js';

// A time of day as written ("9:30", "9.30am", "0930", "9h30", "noon", "25:00"), before it meets a date.

/** A time of day as written, before it meets a date. */
export interface WrittenTime extends TimeOfDay {
  /** Written as the word "midnight" (or "24:00"): as an end time it means the end of the day. */
  midnightWord: boolean;
}

// "9:30", "09:30:15", "9:30:15.250", "9.30am", "9:30 a.m.", "9 pm", "21:00", "25:00"
const CLOCK = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:\s*([ap])\.?(?:m\.?)?)?$/;
// "0930", "930", "1400", "930pm"
const FOUR_DIGITS = /^(\d{1,2})(\d{2})(?:\s*([ap])\.?(?:m\.?)?)?$/;
// "9h30", "9h", "21h00", "9 h 30 min"
const H_SEPARATED = /^(\d{1,2})\s*h\s*(?:(\d{2})\s*(?:m|min)?)?$/;
// "13時30分", "9時", "午後1時30分", "午前9:30", "5:05午後": Japanese hours, minutes and am/pm.
const JAPANESE_CLOCK = /^(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分)?$/;
const JAPANESE_MERIDIEM = /^(午前|午後)\s*(.+)$|^(.+?)\s*(午前|午後)$/;
// "noon", "12 noon", "12:00 noon", "Mittag", "mediodía", "midi": the word may follow the
// clock it names. "12:00 midnight", "24:00 Mitternacht", "minuit" likewise.
const NOON = /^(?:12(?:[:.]00)?\s*)?(?:noon|midday|mittags?|mediodia|midi|mezzogiorno|meio-dia)$/;
const MIDNIGHT = /^(?:(?:12|00?|24)(?:[:.]00)?\s*)?(?:midnight|mitternacht|minuit|medianoche|mezzanotte|meia-noite)$/;
// "14:00 Uhr", "10:50 hrs", "9:00 h", "18 horas": a word for "o'clock" after the time.
const CLOCK_WORD = /(?:\s+(?:uhr|hrs?\.?|hs|h|horas?|heures?|ore|uur)|(?<=\d)(?:uhr|hrs\.?|h))$/;

/** The text without a trailing "Uhr", "hrs", "h" and the like. */
export function withoutClockWord(text: string): string {
  return text.replace(CLOCK_WORD, '');
}

/**
 * Parses a lower-cased, trimmed time of day; null when it is not one. Hours 24 to 47 without
 * am/pm ("25:00", "28:30") are the next day's, as Japanese agendas write times past midnight.
 */
export function parseTimeOfDay(text: string): WrittenTime | null {
  if (/[時午]/.test(text)) return parseJapaneseTime(text);
  let m = H_SEPARATED.exec(text);
  if (m) return timeFromParts(Number(m[1]), Number(m[2] ?? 0), 0, 0, undefined);
  const clock = withoutClockWord(text);
  if (NOON.test(clock)) return at(12, 0, 0, 0, false);
  if (MIDNIGHT.test(clock)) return at(0, 0, 0, 0, true);
  m = CLOCK.exec(clock);
  if (m) {
    const [, h, min, sec, frac, meridiem] = m;
    // A bare "9" is not a time; "14 Uhr", "18 horas" are: the word makes the hour a time.
    if (min === undefined && meridiem === undefined && clock === text) return null;
    return timeFromParts(Number(h), Number(min ?? 0), Number(sec ?? 0), fractionMs(frac), meridiem);
  }
  m = FOUR_DIGITS.exec(clock);
  if (m) return timeFromParts(Number(m[1]), Number(m[2]), 0, 0, m[3]);
  return null;
}

function parseJapaneseTime(text: string): WrittenTime | null {
  const half = JAPANESE_MERIDIEM.exec(text);
  if (half) {
    const clock = (half[2] ?? half[3] ?? '').trim();
    const meridiem = (half[1] ?? half[4]) === '午前' ? 'a' : 'p';
    const m = JAPANESE_CLOCK.exec(clock) ?? /^(\d{1,2})(?::(\d{2}))?$/.exec(clock);
    return m ? timeFromParts(Number(m[1]), Number(m[2] ?? 0), 0, 0, meridiem) : null;
  }
  const m = JAPANESE_CLOCK.exec(text);
  return m ? timeFromParts(Number(m[1]), Number(m[2] ?? 0), 0, 0, undefined) : null;
}

/** True when the text carries an am/pm mark ("9:30 am", "9pm", "10 p.m."). */
export function hasMeridiem(text: string): boolean {
  return /\d\s*[ap]\.?(?:m\.?)?$|午[前後]/.test(withoutClockWord(text));
}

function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));
}

/** The latest hour a past-midnight time may be written with ("47:59" is the next day's 23:59). */
const LAST_PAST_MIDNIGHT_HOUR = 47;

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
  if (hour === 24 && minute === 0 && second === 0 && millisecond === 0) return at(24, 0, 0, 0, true);
  return hour > LAST_PAST_MIDNIGHT_HOUR ? null : at(hour, minute, second, millisecond, false);
}

function at(hour: number, minute: number, second: number, millisecond: number, midnightWord: boolean): WrittenTime {
  return { hour, minute, second, millisecond, midnightWord };
}
