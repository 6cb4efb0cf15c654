import * as XLSX from 'xlsx';
import type { SheetDateCell } from '../types.js';

const MS_PER_DAY = 86_400_000;

/**
 * A date/time cell from its serial. The calendar day comes from SheetJS's own date code (it knows
 * the 1900 leap-year bug and the 1904 system); the time of day is rounded to the millisecond here,
 * because serials like 0.395833333 (9:30) sit a hair below the exact value.
 */
export function sheetDateCell(serial: number, date1904: boolean, format: string, hasTime: boolean): SheetDateCell {
  const cell = sheetDateCellOrNull(serial, date1904, format, hasTime);
  if (cell === null) throw new RangeError(`${serial} is not a day of Excel's calendar`);
  return cell;
}

/**
 * The same, or null when the serial is no day of Excel's calendar (before 1900 or 1904, after
 * 9999): a number a user typed into a date-formatted column, which Excel itself shows as #####.
 */
export function sheetDateCellOrNull(serial: number, date1904: boolean, format: string, hasTime: boolean): SheetDateCell | null {
  if (!Number.isFinite(serial)) return null;
  let days = Math.floor(serial);
  let msOfDay = Math.round((serial - days) * MS_PER_DAY);
  if (msOfDay >= MS_PER_DAY) {
    days += 1;
    msOfDay -= MS_PER_DAY;
  }
  // SheetJS answers null for days outside its calendar.
  const code = XLSX.SSF.parse_date_code(days, { date1904 }) as { y: number; m: number; d: number } | null;
  if (code === null) return null;
  return {
    kind: 'date',
    serial,
    date1904,
    parts: {
      year: code.y,
      month: code.m,
      day: code.d,
      hour: Math.floor(msOfDay / 3_600_000),
      minute: Math.floor(msOfDay / 60_000) % 60,
      second: Math.floor(msOfDay / 1000) % 60,
      millisecond: msOfDay % 1000,
    },
    timeOnly: serial >= 0 && serial < 1,
    dateOnly: !hasTime && Number.isInteger(serial),
    text: formatSerial(format, serial, date1904),
  };
}

function formatSerial(format: string, serial: number, date1904: boolean): string {
  try {
    return XLSX.SSF.format(format, serial, { date1904 });
  } catch {
    return String(serial);
  }
}

/**
 * Whether a number format shows a time of day. Quoted text, escaped characters and bracketed
 * colour or locale codes are dropped first; elapsed-time codes like [h] count as time.
 */
export function formatHasTime(format: string): boolean {
  const codes = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[hs]|am\/pm|a\/p/i.test(codes);
}
