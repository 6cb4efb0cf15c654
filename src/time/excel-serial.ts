import type { ParsedValue } from './written-value.js';
import { DAY_MS, SECOND_MS, calendarDateOf } from './wall-clock.js';

// 1900 system: serial 1 is 1900-01-01, and Excel (after Lotus 1-2-3) counts a 29 February 1900
// that never was, so from serial 61 on, day 0 is 1899-12-30. The 1904 system starts at 1904-01-01 = 0.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The wall-clock value of a spreadsheet serial number, rounded to the second as a spreadsheet
 * shows it. A serial under 1 is a time of day alone. Null for the phantom 1900-02-29 and for
 * negative or absurd serials.
 */
export function parseExcelSerial(serial: number, date1904 = false): ParsedValue | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return null; // 9999-12-31
  const days = Math.floor(serial);
  const timeMs = Math.round((serial - days) * (DAY_MS / SECOND_MS)) * SECOND_MS;
  const time = wallTime(timeMs);
  if (days === 0 && !date1904) return { date: null, time, offsetMinutes: null };
  if (!date1904 && days === 60) return null;
  const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900_BEFORE_LEAP_BUG : EPOCH_1900;
  const dayWall = epoch + days * DAY_MS + (timeMs === DAY_MS ? DAY_MS : 0);
  return {
    date: { kind: 'calendar', date: calendarDateOf(dayWall) },
    time: timeMs === 0 && serial === days ? null : time,
    offsetMinutes: null,
  };
}

function wallTime(timeMs: number): NonNullable<ParsedValue['time']> {
  // A fraction that rounds up to a whole day is midnight of the next day (handled by the caller).
  const ms = timeMs === DAY_MS ? 0 : timeMs;
  return {
    hour: Math.floor(ms / 3_600_000),
    minute: Math.floor(ms / 60_000) % 60,
    second: Math.floor(ms / 1_000) % 60,
    millisecond: 0,
    midnightWord: false,
  };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The 1900-system serial of wall-clock parts (export and template cells): a plain count of days,
 * computed with Date.UTC so no machine zone is involved. Seconds are added as a fraction of a
 * day rather than through Date.UTC so that a time-only value stays exact.
 */
export function excelSerial(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / 86_400_000 + (hour * 3600 + minute * 60 + second) / 86_400;
}
