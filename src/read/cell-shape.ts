import { createColumnParser, readDateTimeCell, readDayLabel } from '../time/index.js';
import type { CellValue } from '../types.js';
import { cellText, isBlankCell } from './cell-value.js';

// What a cell looks like, for telling a sheet's layout apart before any column is named: a time
// grid's first column holds times, a sheet without a header row is read by what its columns hold,
// a row with one day label ("FRIDAY", "Tag 2") starts a day. The time engine reads the values
// later; here only their shape is asked for, with no column order or zone.

export type CellShape = 'blank' | 'time' | 'time_range' | 'date' | 'date_time' | 'day_label' | 'number' | 'text';

const NEUTRAL = createColumnParser(null, null);

/** The shape of one cell. */
export function cellShape(value: CellValue): CellShape {
  if (isBlankCell(value)) return 'blank';
  if (typeof value === 'boolean') return 'text';
  if (typeof value === 'number') {
    // An unformatted Excel time is a day fraction; other bare numbers are ids, day numbers, counts.
    return value > 0 && value < 1 ? 'time' : 'number';
  }
  if (typeof value === 'object' && value !== null) {
    if (value.timeOnly) return 'time';
    return value.dateOnly ? 'date' : 'date_time';
  }
  const text = cellText(value).trim();
  // A range first: the time engine may read "9:00-10:30" whole, but a grid splits it.
  const range = splitTimeRange(text);
  if (range !== null && shapeOfDateTime(range.end) === 'time') {
    const left = shapeOfDateTime(range.start);
    if (left === 'time') return 'time_range';
    if (left === 'date_time') return 'date_time';
  }
  const whole = shapeOfDateTime(text);
  if (whole !== null) return whole;
  if (isDayLabel(text)) return 'day_label';
  return /^\d+$/.test(text) ? 'number' : 'text';
}

/** A time of day or a range of them ("9:00", "9:00-10:30"). */
export function isTimeShape(shape: CellShape): boolean {
  return shape === 'time' || shape === 'time_range';
}

/** A day: a date, or a label naming one ("Monday", "Day 2", "18 May"). */
export function isDayShape(shape: CellShape): boolean {
  return shape === 'date' || shape === 'day_label';
}

function shapeOfDateTime(text: string): CellShape | null {
  const reading = readDateTimeCell(text, NEUTRAL, 'datetime');
  if (!reading.ok) {
    // A numeric date whose day/month order only the whole column can tell is still a date.
    return reading.code === 'bad_date' && reading.problem.includes('day/month') ? 'date' : null;
  }
  const { date, time } = reading.value;
  if (date !== null) return time === null ? 'date' : 'date_time';
  return time === null ? null : 'time';
}

// "9:00-10:30", "09:00 – 10:00", "9am–10:30am", "14:00-15:30 Uhr", "10:00 to 11:00", "9h30 - 10h15",
// "2027-05-18 09:00-10:30": the end is a clock time after a dash or a word for "to".
const RANGE =
  /^(.*?\d.*?)\s*(?:[-–—~]|\s(?:to|bis|a|à|al|tot)\s)\s*(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:uhr|hrs?|h|horas)?\.?$/i;

/** A cell's text split into its start and end when it holds a time range; null otherwise. */
export function splitTimeRange(text: string): { start: string; end: string } | null {
  const match = RANGE.exec(text.trim());
  if (match === null) return null;
  const start = (match[1] ?? '').trim();
  const end = (match[2] ?? '').trim();
  if (start === '' || end === '') return null;
  return { start, end };
}

/**
 * A text naming a day (a weekday, "Day 2", "Tag 0", "18 May", a date), for sheet names and
 * section rows: the time engine's own day-label reader says so, whether or not it can place the
 * day yet (that needs --first-day, and is the time engine's to report on the rows). A bare
 * number is not taken for a day here: a column of them is ids or counts.
 */
export function isDayLabel(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 60 || /^\d+$/.test(trimmed)) return false;
  return readDayLabel(trimmed, { firstDay: null }) !== null;
}
