// Datetimes as the Open API takes and gives them. Stored as the answer's own text form
// (`2017-09-18T16:00:00.000000+0000`): always UTC with microseconds, so it sorts as text.

export type DateTimeParse = { ok: true; value: string } | { ok: false; message: string };

export const DATETIME_WRONG_FORMAT =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses an API datetime. A value with no offset is UTC, as the API's own examples show. */
export function parseApiDateTime(text: string): DateTimeParse {
  const trimmed = text.trim();
  if (DATE_ONLY.test(trimmed)) return { ok: false, message: 'Expected a datetime but got a date.' };
  const m = DATETIME.exec(trimmed);
  if (!m) return { ok: false, message: DATETIME_WRONG_FORMAT };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, message: DATETIME_WRONG_FORMAT };
  }
  const offsetMinutes = parseOffsetMinutes(m[8]);
  if (offsetMinutes === null) return { ok: false, message: DATETIME_WRONG_FORMAT };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, 0);
  const utcYear = date.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return { ok: false, message: DATETIME_WRONG_FORMAT };
  const micros = (m[7] ?? '').padEnd(6, '0').slice(0, 6);
  return { ok: true, value: formatUtc(date, micros) };
}

/** The API's text form of an instant given in ms (created_at, last_updated). */
export function formatApiTimestamp(epochMs: number): string {
  const date = new Date(epochMs);
  const millis = String(date.getUTCMilliseconds()).padStart(3, '0');
  date.setUTCMilliseconds(0);
  return formatUtc(date, `${millis}000`);
}

const STORED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})\+0000$/;

/**
 * The end time the service gives an all-day session sent without one: the last second of the
 * 24 hours from its start. `start` is a stored datetime (parseApiDateTime's form).
 */
export function allDayEndTime(start: string): string {
  const m = STORED.exec(start);
  if (!m) return start;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second + 24 * 60 * 60 - 1, 0);
  return formatUtc(date, m[7]!);
}

/** A guide's date as the API gives it: a datetime at UTC midnight. Datetimes pass as they are. */
export function guideDateTime(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000000+0000` : value;
}

function formatUtc(wholeSecond: Date, micros: string): string {
  const year = String(wholeSecond.getUTCFullYear()).padStart(4, '0');
  const rest = wholeSecond
    .toISOString()
    .replace(/^[+-]?\d+/, '')
    .slice(0, 15); // -MM-DDThh:mm:ss
  return `${year}${rest}.${micros}+0000`;
}

function parseOffsetMinutes(offset: string | undefined): number | null {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
