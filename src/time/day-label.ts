import { isNameLanguage, type NameLanguage } from './local-names.js';
import { type CalendarDate, calendarDateOf, DAY_MS, dateWallMs, isRealDate } from './wall-clock.js';
import { type DayMonthOrder, normaliseText, parseDateTimeText, type WrittenDate } from './written-value.js';

// Dates that are not full dates, made full against the event's first day: day numbers ("Day 2"
// is the day after the first), weekdays (the first such day on or after it) and dates without a
// year (the year that puts them nearest it). One reader for cells, sheet names ("Monday", "Day 1",
// "18 May") and section rows ("FRIDAY", "Tag 0"), so every part of a sheet reads days alike.

/** What a partial date is read against. */
export interface DayContext {
  /** The date of day 1 (--first-day, else the guide's start date): "2027-05-18" or its parts. */
  firstDay: CalendarDate | string | null | undefined;
  /** The sheet's language for a month or weekday name that languages read differently (--locale). */
  locale?: string | null;
  /** Day/month order for "4/21"-style dates, when the column has proved one. */
  order?: DayMonthOrder | null;
}

export type PartialDateReading = { ok: true; date: CalendarDate } | { ok: false; problem: string; needsFirstDay: boolean };

/** "2027-05-18" → its parts; null when the text is no real date. */
export function parseIsoDate(text: string | null | undefined): CalendarDate | null {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim()) : null;
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(date.year, date.month, date.day) ? date : null;
}

export const FIRST_DAY_HINT = "pass --first-day YYYY-MM-DD (the date of day 1; on import the guide's start date is used when it has one)";

/**
 * A written date made a calendar date. A full date is itself; a partial one needs the first day.
 * `order` reads a numeric date without a year ("4/21"); null when it is not known.
 */
export function resolveWrittenDay(written: WrittenDate, firstDay: CalendarDate | null, order: DayMonthOrder | null): PartialDateReading {
  if (written.kind === 'calendar') {
    const { year, month, day } = written.date;
    if (!isRealDate(year, month, day)) return { ok: false, problem: 'is not a date', needsFirstDay: false };
    return checkWeekday({ ok: true, date: written.date }, written.weekday);
  }
  let month: number;
  let day: number;
  if (written.kind === 'numeric') {
    const use = written.separator === '.' ? 'd/M' : order;
    if (!use) {
      return {
        ok: false,
        problem: 'could be day/month or month/day: pass --date-format d/M/yyyy or --date-format M/d/yyyy',
        needsFirstDay: false,
      };
    }
    [day, month] = use === 'd/M' ? [written.first, written.second] : [written.second, written.first];
    if (written.year !== null) {
      return isRealDate(written.year, month, day)
        ? { ok: true, date: { year: written.year, month, day } }
        : { ok: false, problem: 'is not a date', needsFirstDay: false };
    }
  } else if (written.kind === 'month_day') {
    ({ month, day } = written);
  } else {
    if (!firstDay) return needsFirstDay(written);
    const first = dateWallMs(firstDay);
    if (written.kind === 'day_number') return { ok: true, date: calendarDateOf(first + (written.day - 1) * DAY_MS) };
    const firstWeekday = ((new Date(first).getUTCDay() + 6) % 7) + 1; // 1 = Monday
    return { ok: true, date: calendarDateOf(first + ((written.weekday - firstWeekday + 7) % 7) * DAY_MS) };
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, problem: 'is not a date', needsFirstDay: false };
  if (!firstDay) return needsFirstDay(written);
  return checkWeekday(nearestYear(month, day, firstDay), written.kind === 'month_day' ? written.weekday : undefined);
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A weekday written with a date must be the date's: "Wed 18 May 2027" is a mistake somewhere. */
function checkWeekday(reading: PartialDateReading, weekday: number | undefined): PartialDateReading {
  if (!reading.ok || weekday === undefined) return reading;
  const actual = ((new Date(dateWallMs(reading.date)).getUTCDay() + 6) % 7) + 1;
  if (actual === weekday) return reading;
  const iso = `${reading.date.year}-${String(reading.date.month).padStart(2, '0')}-${String(reading.date.day).padStart(2, '0')}`;
  return {
    ok: false,
    problem: `says ${WEEKDAY_NAMES[weekday - 1]}, but ${iso} is a ${WEEKDAY_NAMES[actual - 1]}: correct the day or the date`,
    needsFirstDay: false,
  };
}

/** The year that puts day/month nearest the first day (a 29 February only where it exists). */
function nearestYear(month: number, day: number, firstDay: CalendarDate): PartialDateReading {
  const first = dateWallMs(firstDay);
  let best: CalendarDate | null = null;
  let bestDistance = Infinity;
  for (const year of [firstDay.year - 1, firstDay.year, firstDay.year + 1]) {
    if (!isRealDate(year, month, day)) continue;
    const distance = Math.abs(dateWallMs({ year, month, day }) - first);
    if (distance < bestDistance) {
      best = { year, month, day };
      bestDistance = distance;
    }
  }
  return best ? { ok: true, date: best } : { ok: false, problem: 'is not a date', needsFirstDay: false };
}

function needsFirstDay(written: WrittenDate): PartialDateReading {
  const what =
    written.kind === 'day_number'
      ? 'is a day number'
      : written.kind === 'weekday'
        ? 'is a weekday without a date'
        : 'is a date without a year';
  return { ok: false, problem: `${what}: ${FIRST_DAY_HINT}`, needsFirstDay: true };
}

/**
 * A day label (a cell, a sheet name, a section row) as a calendar date: any date spelling the
 * importer reads, with no time. null when the text is no day label at all; `ok: false` when it is
 * one that cannot be placed (no first day, day/month order unknown, no such date).
 */
export function readDayLabel(text: string, context: DayContext): PartialDateReading | null {
  const normalised = normaliseText(text);
  if (normalised === '') return null;
  const locale: NameLanguage | null = context.locale && isNameLanguage(context.locale) ? context.locale : null;
  const bare = /^\d{1,2}$/.test(normalised) ? { kind: 'day_number' as const, day: Number(normalised) } : null;
  const parsed = bare ? { date: bare, time: null } : parseDateTimeText(normalised, locale);
  if (!parsed?.date || parsed.time) return null;
  const firstDay = typeof context.firstDay === 'string' ? parseIsoDate(context.firstDay) : (context.firstDay ?? null);
  return resolveWrittenDay(parsed.date, firstDay, context.order ?? null);
}
