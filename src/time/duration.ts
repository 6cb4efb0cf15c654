import type { CellValue } from '../types.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './wall-clock.js';

export const DURATION_EXAMPLES = 'minutes such as 90, or 1:30, 1h30m, 1.5h, 90 min';

const WHOLE_MINUTES = /^\d+$/;
const CLOCK = /^(\d+):(\d{2})(?::(\d{2}))?$/;
const ISO = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;
// "1h30m", "1h30", "1 h 30 min", "1.5h", "2 hours", "90 min", "45m"
const UNITS = /^(?:(\d+(?:[.,]\d+)?)\s*(?:h|hrs?|hours?)\.?)?\s*(?:(\d+(?:[.,]\d+)?)\s*(m|mins?|minutes?)?\.?)?$/;

// No session lasts a year: a longer duration is a typo (or a number in the wrong column), and one
// of 1e21 minutes would put the end past the last date JavaScript can represent.
const MAX_DURATION_MS = 366 * DAY_MS;

/** A duration in milliseconds, null when blank, 'invalid' when not a duration. */
export function readDuration(value: CellValue | undefined): number | null | 'invalid' {
  const ms = readDurationValue(value);
  return typeof ms === 'number' && ms > MAX_DURATION_MS ? 'invalid' : ms;
}

function readDurationValue(value: CellValue | undefined): number | null | 'invalid' {
  const v = value ?? null;
  if (v === null) return null;
  // A plain number is minutes; a fractional one (1.5) could be hours or minutes, so it is refused.
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v * MINUTE_MS : 'invalid';
  // A workbook duration cell ([h]:mm) is a day fraction, possibly over a day.
  if (typeof v === 'object') return v.dateOnly ? 'invalid' : Math.round((v.serial * DAY_MS) / SECOND_MS) * SECOND_MS;
  if (typeof v !== 'string') return 'invalid';
  const text = v.trim().toLowerCase();
  if (text === '') return null;
  return parseDurationText(text);
}

function parseDurationText(text: string): number | 'invalid' {
  if (WHOLE_MINUTES.test(text)) return Number(text) * MINUTE_MS;
  let m = CLOCK.exec(text);
  if (m) {
    if (Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return 'invalid';
    return Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS + Number(m[3] ?? 0) * SECOND_MS;
  }
  m = ISO.exec(text);
  if (m && (m[1] ?? m[2] ?? m[3]) !== undefined) {
    return roundToSecond(num(m[1]) * HOUR_MS + num(m[2]) * MINUTE_MS + num(m[3]) * SECOND_MS);
  }
  m = UNITS.exec(text);
  if (m) {
    const [, hours, minutes, minuteUnit] = m;
    // "1h30" means 30 minutes after the hours; a lone "1.5" without any unit is not accepted.
    if (hours === undefined && (minutes === undefined || minuteUnit === undefined)) return 'invalid';
    return roundToSecond(num(hours) * HOUR_MS + num(minutes) * MINUTE_MS);
  }
  return 'invalid';
}

function num(text: string | undefined): number {
  return text === undefined ? 0 : Number(text.replace(',', '.'));
}

function roundToSecond(ms: number): number {
  return Math.round(ms / SECOND_MS) * SECOND_MS;
}
