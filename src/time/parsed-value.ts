import type { CalendarDate } from './wall-clock.js';
import type { WrittenTime } from './parse-time-of-day.js';

export type DayMonthOrder = 'd/M' | 'M/d';

/** The date part of a value as written. Numeric dates such as 03/04/2027 wait for the column's order. */
export type WrittenDate =
  | { kind: 'calendar'; date: CalendarDate }
  | { kind: 'numeric'; first: number; second: number; year: number; separator: string };

/** A date-time cell as written: date, time or both, and an offset when the text carried one. */
export interface ParsedValue {
  date: WrittenDate | null;
  time: WrittenTime | null;
  offsetMinutes: number | null;
}
