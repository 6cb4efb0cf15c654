// The cells of the sheets guidebook-import writes (the export's agenda, the template, the samples).
// Dates and times stay typed, so the XLSX writer makes real date and time cells of them and the
// CSV writer prints them as text. No zone: a sheet shows wall-clock times.

/** A calendar day. */
export interface SheetDate {
  kind: 'date';
  year: number;
  month: number; // 1-12
  day: number;
}

/** A time of day. */
export interface SheetTime {
  kind: 'time';
  hour: number;
  minute: number;
  second: number;
}

/** A day and a time of day in one cell. */
export interface SheetDateTime {
  kind: 'datetime';
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** One cell of a written sheet; null (and '') is an empty cell. */
export type SheetCell = string | number | null | SheetDate | SheetTime | SheetDateTime;

/**
 * How a sheet writes its times, the one real difference between the sheets written:
 * - '12-hour': "9:00 AM" text and `h:mm AM/PM` cells, the way people type a time (the template);
 * - '24-hour': "09:00" text and `hh:mm` cells, read back exactly by the importer (the export).
 * Either way seconds are written only when a time has some.
 */
export type ClockStyle = '12-hour' | '24-hour';

export function date(year: number, month: number, day: number): SheetDate {
  return { kind: 'date', year, month, day };
}

export function time(hour: number, minute = 0, second = 0): SheetTime {
  return { kind: 'time', hour, minute, second };
}

export function dateTime(year: number, month: number, day: number, hour: number, minute = 0, second = 0): SheetDateTime {
  return { kind: 'datetime', year, month, day, hour, minute, second };
}

/** The sheet of sessions in every workbook guidebook-import writes (export and template alike). */
export const AGENDA_SHEET = 'Agenda';
