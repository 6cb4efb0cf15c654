// A value of a generated sheet, typed so the CSV writer prints text and the XLSX writer makes a
// real date or time cell of it.

export interface TemplateDate {
  kind: 'date';
  year: number;
  month: number;
  day: number;
}

export interface TemplateTime {
  kind: 'time';
  hour: number;
  minute: number;
}

export interface TemplateDateTime {
  kind: 'datetime';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type TemplateCell = string | number | TemplateDate | TemplateTime | TemplateDateTime | null;

export function date(year: number, month: number, day: number): TemplateDate {
  return { kind: 'date', year, month, day };
}

export function time(hour: number, minute = 0): TemplateTime {
  return { kind: 'time', hour, minute };
}

export function dateTime(year: number, month: number, day: number, hour: number, minute = 0): TemplateDateTime {
  return { kind: 'datetime', year, month, day, hour, minute };
}

/** Number formats the XLSX cells carry, so Excel shows (and edits) them as dates and times. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd';
export const XLSX_TIME_FORMAT = 'h:mm AM/PM';
export const XLSX_DATETIME_FORMAT = 'yyyy-mm-dd h:mm AM/PM';

export { excelSerial } from '../time/excel-serial.js';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "9:00 AM", as people type a time in a sheet. */
function clockText(hour: number, minute: number): string {
  return `${hour % 12 || 12}:${pad(minute)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** The cell as CSV text: ISO dates, 12-hour times. */
export function cellText(cell: TemplateCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  switch (cell.kind) {
    case 'date':
      return `${cell.year}-${pad(cell.month)}-${pad(cell.day)}`;
    case 'time':
      return clockText(cell.hour, cell.minute);
    case 'datetime':
      return `${cell.year}-${pad(cell.month)}-${pad(cell.day)} ${clockText(cell.hour, cell.minute)}`;
  }
}
