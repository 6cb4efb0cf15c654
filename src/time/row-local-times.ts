import type { MappedCell, MappedRow, RowIssue } from '../types.js';
import { presentCell } from '../read/cell-value.js';
import { cellIssue, rowIssue } from '../validate/row-issue.js';
import type { WrittenTime } from './parse-time-of-day.js';
import { expectedShape, readDateTimeCell, type CellRole, type LocalValue } from './read-cell.js';
import { DURATION_EXAMPLES, readDuration } from './read-duration.js';
import type { ColumnFormats, DateTimeField, TimeOptions } from './time-types.js';
import { DAY_MS, dateWallMs, formatCalendarDate, formatWallTime, timeOfDayMs, wallMs, type CalendarDate } from './wall-clock.js';

// A row's start and end as local wall-clock values, from whichever layout the sheet uses:
// one date-time column, a date column plus time columns, or a start plus a duration.

/** The start as written: its local date, its time (null: none given) and the cell messages name. */
export interface LocalStart {
  date: CalendarDate;
  time: WrittenTime | null;
  offsetMinutes: number | null;
  cell: MappedCell;
}

export type LocalEnd =
  | { kind: 'none' }
  /** `timeOnly`: the end was a bare time, placed on the start's date (or the next, --overnight). */
  | { kind: 'wall'; wall: number; offsetMinutes: number | null; cell: MappedCell; timeOnly: boolean }
  | { kind: 'duration'; ms: number; cell: MappedCell };

function readValue(
  row: MappedRow,
  cell: MappedCell,
  formats: ColumnFormats,
  field: DateTimeField,
  role: CellRole,
  errors: RowIssue[],
): LocalValue | null {
  const reading = readDateTimeCell(cell, formats.parsers[field], role);
  if (reading.ok) return reading.value;
  errors.push(cellIssue(row, reading.code, cell, reading.problem));
  return null;
}

/** Start from a date-time column, or a date column plus a start time (or no time: all-day). */
export function readStart(row: MappedRow, formats: ColumnFormats, errors: RowIssue[]): LocalStart | null {
  const f = row.fields;
  const dateCell = presentCell(f.date);
  const startField = presentCell(f.datetime_start) ? 'datetime_start' : 'start';
  const startCell = presentCell(f[startField]);
  let day: CalendarDate | null = null;
  let dayValue: LocalValue | null = null;
  if (dateCell) {
    dayValue = readValue(row, dateCell, formats, 'date', 'date', errors);
    if (!dayValue) return null;
    if (!dayValue.date) {
      errors.push(cellIssue(row, 'bad_date', dateCell, `is not a date (expected ${expectedShape(formats.parsers.date, 'date')})`));
      return null;
    }
    day = dayValue.date;
  }
  if (!startCell) {
    if (!dateCell || !day || !dayValue) {
      errors.push(rowIssue(row, 'required', 'has no start date or time (fill in the "Start" or "Date" column)'));
      return null;
    }
    // A date column cell that carries its own time ("3/14/2027 9:00") is a timed start.
    return { date: day, time: dayValue.time, offsetMinutes: dayValue.offsetMinutes, cell: dateCell };
  }
  const role: CellRole = startField === 'start' && dateCell ? 'time' : 'datetime';
  const value = readValue(row, startCell, formats, startField, role, errors);
  if (!value) return null;
  if (!value.date) {
    if (!day) {
      const problem = 'has a time but no date: add a "Date" column or write the date with the time';
      errors.push(cellIssue(row, 'bad_date', startCell, problem));
      return null;
    }
    return { date: day, time: value.time, offsetMinutes: value.offsetMinutes, cell: startCell };
  }
  if (day && dateCell && !sameDate(day, value.date)) {
    errors.push(
      cellIssue(row, 'bad_date', startCell, `is on ${formatCalendarDate(value.date)}, but column ${JSON.stringify(dateCell.column)} says ${formatCalendarDate(day)}`),
    );
    return null;
  }
  return { date: value.date, time: value.time, offsetMinutes: value.offsetMinutes, cell: startCell };
}

/** End from an end date-time, an end time on the start's date, or a duration. */
export function readEnd(
  row: MappedRow,
  formats: ColumnFormats,
  start: LocalStart,
  startWall: number,
  options: TimeOptions,
  errors: RowIssue[],
): LocalEnd {
  const f = row.fields;
  const endField = presentCell(f.datetime_end) ? 'datetime_end' : 'end';
  const endCell = presentCell(f[endField]);
  if (endCell) {
    const value = readValue(row, endCell, formats, endField, endField === 'end' ? 'time' : 'datetime', errors);
    if (!value) return { kind: 'none' };
    if (value.date && !value.time) {
      errors.push(cellIssue(row, 'bad_time', endCell, 'has a date but no time: give the end time'));
      return { kind: 'none' };
    }
    if (value.date && value.time) {
      return { kind: 'wall', wall: wallMs(value.date, value.time), offsetMinutes: value.offsetMinutes, cell: endCell, timeOnly: false };
    }
    const time = value.time;
    if (!time) return { kind: 'none' };
    let wall = dateWallMs(start.date) + (time.midnightWord ? DAY_MS : timeOfDayMs(time));
    if (wall < startWall) {
      if (!options.overnight) {
        errors.push(
          cellIssue(row, 'end_before_start', endCell, `ends at ${formatWallTime(wall)}, before the start at ${formatWallTime(startWall)}; ` +
              'if the session runs past midnight, pass --overnight'),
        );
        return { kind: 'none' };
      }
      wall += DAY_MS;
    }
    return { kind: 'wall', wall, offsetMinutes: value.offsetMinutes, cell: endCell, timeOnly: true };
  }
  const durationCell = presentCell(f.duration);
  if (!durationCell) return { kind: 'none' };
  const ms = readDuration(durationCell);
  if (ms === 'invalid') {
    errors.push(cellIssue(row, 'bad_duration', durationCell, `is not a duration (expected ${DURATION_EXAMPLES})`));
    return { kind: 'none' };
  }
  return ms === null ? { kind: 'none' } : { kind: 'duration', ms, cell: durationCell };
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
