// Wall-clock times for the HTML report. Luxon formats a few thousand values a second; a report of
// 100k rows needs more, so the zone offset is looked up once per quarter hour of the timeline and
// the rest is arithmetic on UTC fields.
import { DateTime } from 'luxon';

export interface LocalTime {
  epochMs: number;
  zone: string;
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // 0 = Sunday
}

const QUARTER_HOUR_MS = 15 * 60_000;
// Every offset change in the time zone database since 1970 falls on a quarter hour.
const offsetCache = new Map<string, number>();
const zoneValidity = new Map<string, boolean>();

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True for an IANA zone luxon knows ("offset", the marker for self-zoned values, is not one). */
export function isKnownZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = DateTime.now().setZone(zone).isValid;
    zoneValidity.set(zone, valid);
  }
  return valid;
}

function offsetMinutes(epochMs: number, zone: string): number {
  const bucketStart = Math.floor(epochMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${zone}|${bucketStart}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(bucketStart, { zone }).offset;
    offsetCache.set(key, offset);
  }
  return offset;
}

export function localFromEpoch(epochMs: number, zone: string): LocalTime {
  const wall = new Date(epochMs + offsetMinutes(epochMs, zone) * 60_000);
  return {
    epochMs,
    zone,
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

/** An instant from an ISO string (also the API's "…000000+0000" form), or null. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  // Only strings carrying a zone are instants; a bare local date-time would take the machine's TZ.
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value)) return null;
  const iso = value.replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const epochMs = Date.parse(iso);
  return Number.isNaN(epochMs) ? null : epochMs;
}

export function toLocal(value: unknown, zone: string): LocalTime | null {
  const epochMs = parseInstant(value);
  return epochMs === null ? null : localFromEpoch(epochMs, zone);
}

export function plusMinutes(time: LocalTime, minutes: number): LocalTime {
  return localFromEpoch(time.epochMs + minutes * 60_000, time.zone);
}

export function sameLocalDay(a: LocalTime, b: LocalTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

export function minutesIntoDay(time: LocalTime): number {
  return time.hour * 60 + time.minute;
}

/** "2027-05-18", sortable. */
export function isoDate(time: LocalTime): string {
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

/** "9 AM" for an hour of the day. */
export function formatHour(hour: number): string {
  return `${hour % 12 || 12} ${hour < 12 || hour === 24 ? 'AM' : 'PM'}`;
}

/** "9:05 AM" */
export function formatTime(time: LocalTime): string {
  return `${time.hour % 12 || 12}:${String(time.minute).padStart(2, '0')} ${time.hour < 12 ? 'AM' : 'PM'}`;
}

/** "Tue 18 May 2027" */
export function formatShortDate(time: LocalTime): string {
  return `${WEEKDAYS[time.weekday]!.slice(0, 3)} ${time.day} ${MONTHS[time.month - 1]!.slice(0, 3)} ${time.year}`;
}

/** "Tuesday 18 May 2027" */
export function formatLongDate(time: LocalTime): string {
  return `${WEEKDAYS[time.weekday]!} ${time.day} ${MONTHS[time.month - 1]!} ${time.year}`;
}

/** "Tue 18 May 2027, 9:00 AM" */
export function formatDateTime(time: LocalTime): string {
  return `${formatShortDate(time)}, ${formatTime(time)}`;
}
