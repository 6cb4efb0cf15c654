import type { TimeOfDay } from './wall-clock.js';

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
export function parseTimeOfDay(text: string): WrittenTime | null {
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
