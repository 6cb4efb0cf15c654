// Wall-clock times for the HTML report: the time engine's UTC→local conversion (its offsets are
// looked up once per hour of the timeline), the rest arithmetic on UTC fields.
import { isValidZone, parseInstant, wallClockAt } from '../../time/index.js';

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

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** True for an IANA zone ("offset", the marker for self-zoned values, is not one). */
export function isKnownZone(zone: string | undefined): zone is string {
  return zone !== undefined && zone !== '' && isValidZone(zone);
}

function localFromEpoch(epochMs: number, zone: string): LocalTime {
  const wall = new Date(wallClockAt(epochMs, zone));
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

/** An API or sheet instant (no offset means UTC) in a zone; null when the value is no instant. */
export function toLocal(value: unknown, zone: string): LocalTime | null {
  const epochMs = typeof value === 'string' ? parseInstant(value) : null;
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
