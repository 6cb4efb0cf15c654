// Local wall-clock times are handled as "wall milliseconds": the number Date.UTC would give for
// the same calendar parts. Arithmetic on them never consults any zone, least of all the machine's.

export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface TimeOfDay {
  /** 0-23, or 24 (with zero minutes) for the end of the day: "24:00", or "midnight" as an end. */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function dateWallMs(date: CalendarDate): number {
  const ms = Date.UTC(date.year, date.month - 1, date.day);
  // Date.UTC maps years 0-99 to 1900-1999; set the year explicitly for those.
  if (date.year >= 0 && date.year < 100) {
    const d = new Date(ms);
    d.setUTCFullYear(date.year);
    return d.getTime();
  }
  return ms;
}

export function timeOfDayMs(time: TimeOfDay): number {
  return time.hour * HOUR_MS + time.minute * MINUTE_MS + time.second * SECOND_MS + time.millisecond;
}

export function wallMs(date: CalendarDate, time: TimeOfDay | null): number {
  return dateWallMs(date) + (time ? timeOfDayMs(time) : 0);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function pad4(n: number): string {
  const s = String(Math.abs(n)).padStart(4, '0');
  return n < 0 ? `-${s}` : s;
}

/** "2027-03-14" for a wall time. */
export function formatWallDate(wall: number): string {
  const d = new Date(wall);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** "09:30", or "09:30:15" when the seconds are not zero. */
export function formatWallTime(wall: number): string {
  const d = new Date(wall);
  const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return d.getUTCSeconds() === 0 ? hm : `${hm}:${pad2(d.getUTCSeconds())}`;
}

/** "2027-03-14 09:30". */
export function formatWallDateTime(wall: number): string {
  return `${formatWallDate(wall)} ${formatWallTime(wall)}`;
}

export function calendarDateOf(wall: number): CalendarDate {
  const d = new Date(wall);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}
