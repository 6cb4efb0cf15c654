import type { MappedCell, MappedRow, RowIssue } from '../types.js';
import { presentCell } from './cell-text.js';
import { cellIssue, rowIssue } from './issues.js';
import { cachedLocalInstant } from './local-instant.js';
import { fixedOffsetZone, offsetZone, type OffsetZone } from './offset-zone.js';
import type { WrittenTime } from './parse-time-of-day.js';
import { expectedShape, readDateTimeCell, type CellRole, type LocalValue } from './read-cell.js';
import { DURATION_EXAMPLES, readDuration } from './read-duration.js';
import { readFlag } from './read-flag.js';
import { readZoneColumn, runZone } from './row-zone.js';
import type { ColumnFormats, DateTimeField, RowTimes, TimeOptions } from './time-types.js';
import { wallToUtc } from './to-utc.js';
import { longSessionWarning, unusualStartWarning, windowWarning } from './warnings.js';
import {
  DAY_MS,
  dateWallMs,
  formatCalendarDate,
  formatWallDateTime,
  formatWallTime,
  timeOfDayMs,
  wallMs,
  type CalendarDate,
} from './wall-clock.js';

/** The start as written: its local date, its time (null: none given) and the cell messages name. */
interface LocalStart {
  date: CalendarDate;
  time: WrittenTime | null;
  offsetMinutes: number | null;
  cell: MappedCell;
}

type LocalEnd =
  | { kind: 'none' }
  /** `timeOnly`: the end was a bare time, placed on the start's date (or the next, --overnight). */
  | { kind: 'wall'; wall: number; offsetMinutes: number | null; cell: MappedCell; timeOnly: boolean }
  | { kind: 'duration'; ms: number; cell: MappedCell };

/**
 * A row's local times as UTC instants. Zone, per value: its own offset > the row's zone column
 * > --timezone > the guide's zone; with none of them the run stops (GuidebookImportError 'timezone').
 */
export function convertRowTimes(row: MappedRow, formats: ColumnFormats, options: TimeOptions): RowTimes {
  const errors: RowIssue[] = [];
  const zoneColumn = readZoneColumn(row);
  if (zoneColumn.kind === 'invalid') errors.push(zoneColumn.issue);
  const allDayFlag = readAllDayFlag(row, errors);
  const start = readStart(row, formats, errors);
  if (!start) return { ok: false, issues: errors };

  const allDay = allDayFlag === true || (start.time === null && allDayFlag !== false);
  if (start.time === null && allDayFlag === false) {
    errors.push(cellIssue(row, start.cell, 'bad_time', 'error', `has no time, but the row is marked as not all-day: add a start time`));
  }
  const startWall = allDay ? dateWallMs(start.date) : wallMs(start.date, start.time);
  const end = allDay ? ({ kind: 'none' } as const) : readEnd(row, formats, start, startWall, options, errors);
  if (errors.length > 0) return { ok: false, issues: errors };

  // A start with its own offset sets the row's zone: a bare end on that row is in the same offset.
  const rowZone: OffsetZone =
    start.offsetMinutes !== null
      ? fixedOffsetZone(start.offsetMinutes)
      : offsetZone(zoneColumn.kind === 'zone' ? zoneColumn.name : runZone(row, options));
  const zoneLabel = start.offsetMinutes !== null ? 'offset' : rowZone.name;
  const warnings: RowIssue[] = [];

  let startUtc: number;
  if (allDay) {
    // Midnight can fall in a gap (zones that switch at 00:00): the day then starts at the jump.
    const instant = cachedLocalInstant(formats.instants, rowZone, startWall);
    startUtc = instant.kind === 'gap' ? instant.transitionUtcMs : instant.utcMs;
  } else {
    const converted = wallToUtc(row, start.cell, startWall, rowZone, formats.instants);
    if (!converted.ok) return { ok: false, issues: [converted.issue] };
    startUtc = converted.utcMs;
    if (converted.warning) warnings.push(converted.warning);
  }

  let endUtc: number | null = null;
  if (end.kind === 'duration') {
    endUtc = startUtc + end.ms;
  } else if (end.kind === 'wall') {
    const zone = end.offsetMinutes !== null ? fixedOffsetZone(end.offsetMinutes) : rowZone;
    const converted = wallToUtc(row, end.cell, end.wall, zone, formats.instants);
    if (!converted.ok) return { ok: false, issues: [converted.issue] };
    endUtc = converted.utcMs;
    if (converted.warning) warnings.push(converted.warning);
    if (endUtc < startUtc) {
      const hint = end.timeOnly ? '; if the session runs past midnight, pass --overnight' : '';
      return {
        ok: false,
        issues: [
          cellIssue(row, end.cell, 'end_before_start', 'error', `ends at ${formatWallDateTime(end.wall)}, before the start (${formatWallDateTime(startWall)})${hint}`),
        ],
      };
    }
  }

  if (!allDay) pushIfAny(warnings, unusualStartWarning(row, start.cell, startWall, zoneLabel));
  if (endUtc !== null && end.kind !== 'none') pushIfAny(warnings, longSessionWarning(row, end.cell, endUtc - startUtc));
  pushIfAny(warnings, windowWarning(row, start.cell, startWall, options.guideWindow));

  return {
    ok: true,
    start_time: new Date(startUtc).toISOString(),
    end_time: endUtc === null ? null : new Date(endUtc).toISOString(),
    all_day: allDay,
    zone: zoneLabel,
    warnings,
  };
}

function pushIfAny(list: RowIssue[], issue: RowIssue | null): void {
  if (issue) list.push(issue);
}

function readAllDayFlag(row: MappedRow, errors: RowIssue[]): boolean | null {
  const cell = presentCell(row.fields.all_day);
  const flag = readFlag(cell);
  if (flag !== 'invalid') return flag;
  if (cell) errors.push(cellIssue(row, cell, 'bad_boolean', 'error', 'is not yes or no (expected yes/no, true/false, 1/0 or x)'));
  return null;
}

function readValue(row: MappedRow, cell: MappedCell, formats: ColumnFormats, field: DateTimeField, role: CellRole, errors: RowIssue[]): LocalValue | null {
  const reading = readDateTimeCell(cell, formats.parsers[field], role);
  if (reading.ok) return reading.value;
  errors.push(cellIssue(row, cell, reading.code, 'error', reading.problem));
  return null;
}

/** Start from a date-time column, or a date column plus a start time (or no time: all-day). */
function readStart(row: MappedRow, formats: ColumnFormats, errors: RowIssue[]): LocalStart | null {
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
      errors.push(cellIssue(row, dateCell, 'bad_date', 'error', `is not a date (expected ${expectedShape(formats.parsers.date, 'date')})`));
      return null;
    }
    day = dayValue.date;
  }
  if (!startCell) {
    if (!dateCell || !day || !dayValue) {
      errors.push(rowIssue(row, 'required', 'error', 'has no start date or time (fill in the "Start" or "Date" column)'));
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
      errors.push(cellIssue(row, startCell, 'bad_date', 'error', 'has a time but no date: add a "Date" column or write the date with the time'));
      return null;
    }
    return { date: day, time: value.time, offsetMinutes: value.offsetMinutes, cell: startCell };
  }
  if (day && dateCell && !sameDate(day, value.date)) {
    errors.push(
      cellIssue(row, startCell, 'bad_date', 'error', `is on ${formatCalendarDate(value.date)}, but column ${JSON.stringify(dateCell.column)} says ${formatCalendarDate(day)}`),
    );
    return null;
  }
  return { date: value.date, time: value.time, offsetMinutes: value.offsetMinutes, cell: startCell };
}

/** End from an end date-time, an end time on the start's date, or a duration. */
function readEnd(row: MappedRow, formats: ColumnFormats, start: LocalStart, startWall: number, options: TimeOptions, errors: RowIssue[]): LocalEnd {
  const f = row.fields;
  const endField = presentCell(f.datetime_end) ? 'datetime_end' : 'end';
  const endCell = presentCell(f[endField]);
  if (endCell) {
    const value = readValue(row, endCell, formats, endField, endField === 'end' ? 'time' : 'datetime', errors);
    if (!value) return { kind: 'none' };
    if (value.date && !value.time) {
      errors.push(cellIssue(row, endCell, 'bad_time', 'error', 'has a date but no time: give the end time'));
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
          cellIssue(
            row,
            endCell,
            'end_before_start',
            'error',
            `ends at ${formatWallTime(wall)}, before the start at ${formatWallTime(startWall)}; if the session runs past midnight, pass --overnight`,
          ),
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
    errors.push(cellIssue(row, durationCell, 'bad_duration', 'error', `is not a duration (expected ${DURATION_EXAMPLES})`));
    return { kind: 'none' };
  }
  return ms === null ? { kind: 'none' } : { kind: 'duration', ms, cell: durationCell };
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
