import { GuidebookImportError } from '../errors.js';
import { cellText, presentCell } from '../read/cell-value.js';
import {
  type CalendarDate,
  type CellRole,
  type ColumnFormats,
  type DateTimeField,
  dateWallMs,
  DAY_MS,
  DURATION_EXAMPLES,
  expectedShape,
  fixedOffsetZone,
  formatCalendarDate,
  formatWallDate,
  formatWallDateTime,
  formatWallTime,
  HOUR_MS,
  isCanonicalIso,
  isoText,
  localInstant,
  type LocalValue,
  MINUTE_MS,
  normaliseZoneName,
  offsetZone,
  type OffsetZone,
  parseInstant,
  readDateTimeCell,
  readDuration,
  requireZoneOption,
  timeOfDayMs,
  type TimeOptions,
  wallMs,
  type WrittenTime,
} from '../time/index.js';
import type { MappedCell, MappedRow, RowIssue } from '../types.js';
import { cellIssue, rowIssue } from './row-issue.js';
import { createYesNoReader, YES_NO_HINT, type YesNoReader } from './row-values.js';

// A mapped row's local times to UTC instants, with every problem as the row's issue: the row's
// layout (date-time, date + times, start + duration), its zone, the all-day flag, DST gaps and
// overlaps, and the registration dates read the same way.

export type RowTimes =
  | { ok: true; start_time: string; end_time: string | null; all_day: boolean; zone: string; warnings: RowIssue[] }
  | { ok: false; issues: RowIssue[] };

/**
 * A row's local times as UTC instants. Zone, per value: its own offset > the row's zone column
 * > --timezone > the guide's zone; with none of them the run stops (GuidebookImportError 'timezone').
 */
export function convertRowTimes(
  row: MappedRow,
  formats: ColumnFormats,
  options: TimeOptions,
  readAllDay: YesNoReader = PLAIN_YES_NO,
): RowTimes {
  const errors: RowIssue[] = [];
  const zoneColumn = readZoneColumn(row);
  if (zoneColumn.kind === 'invalid') errors.push(zoneColumn.issue);
  const allDayFlag = readAllDayFlag(row, readAllDay, errors);
  const start = readStart(row, formats, errors);
  if (!start) return { ok: false, issues: errors };

  const allDay = allDayFlag === true || (start.time === null && allDayFlag !== false);
  if (start.time === null && allDayFlag === false) {
    errors.push(cellIssue(row, 'bad_time', start.cell, `has no time, but the row is marked as not all-day: add a start time`));
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
    const instant = localInstant(rowZone, startWall);
    startUtc = instant.kind === 'gap' ? instant.transitionUtcMs : instant.utcMs;
  } else {
    const converted = wallToUtc(row, start.cell, startWall, rowZone);
    if (!converted.ok) return { ok: false, issues: [converted.issue] };
    startUtc = converted.utcMs;
    if (converted.warning) warnings.push(converted.warning);
  }

  let endUtc: number | null = null;
  if (end.kind === 'duration') {
    endUtc = startUtc + end.ms;
  } else if (end.kind === 'wall') {
    const zone = end.offsetMinutes !== null ? fixedOffsetZone(end.offsetMinutes) : rowZone;
    const converted = wallToUtc(row, end.cell, end.wall, zone);
    if (!converted.ok) return { ok: false, issues: [converted.issue] };
    endUtc = converted.utcMs;
    if (converted.warning) warnings.push(converted.warning);
    if (endUtc < startUtc) {
      const hint = end.timeOnly ? '; if the session runs past midnight, pass --overnight' : '';
      const problem = `ends at ${formatWallDateTime(end.wall)}, before the start (${formatWallDateTime(startWall)})${hint}`;
      return { ok: false, issues: [cellIssue(row, 'end_before_start', end.cell, problem)] };
    }
  }

  if (!allDay) pushIfAny(warnings, unusualStartWarning(row, start.cell, startWall, zoneLabel));
  if (endUtc !== null && end.kind !== 'none') pushIfAny(warnings, longSessionWarning(row, end.cell, endUtc - startUtc));
  pushIfAny(warnings, windowWarning(row, start.cell, startWall, options.guideWindow));

  return {
    ok: true,
    start_time: isoText(startUtc),
    end_time: endUtc === null ? null : isoText(endUtc),
    all_day: allDay,
    zone: zoneLabel,
    warnings,
  };
}

function pushIfAny(list: RowIssue[], issue: RowIssue | null): void {
  if (issue) list.push(issue);
}

const PLAIN_YES_NO = createYesNoReader(undefined, false);

function readAllDayFlag(row: MappedRow, read: YesNoReader, errors: RowIssue[]): boolean | null {
  const cell = presentCell(row.fields.all_day);
  if (!cell) return null;
  const flag = read(cell.value);
  if (flag !== undefined) return flag;
  errors.push(cellIssue(row, 'bad_boolean', cell, YES_NO_HINT));
  return null;
}

/**
 * A single date-time cell (registration dates) as a UTC ISO string, read in the row's zone like
 * the session times. A date alone means local midnight of that date. Blank: null.
 */
export function convertCellToUtc(
  row: MappedRow,
  field: 'registration_start_date' | 'registration_end_date',
  formats: ColumnFormats,
  options: TimeOptions,
): { ok: true; value: string | null } | { ok: false; issue: RowIssue } {
  const cell = presentCell(row.fields[field]);
  if (!cell) return { ok: true, value: null };
  const reading = readDateTimeCell(cell.value, formats.parsers[field], 'datetime');
  if (!reading.ok) return { ok: false, issue: cellIssue(row, reading.code, cell, reading.problem) };
  const { date, time, offsetMinutes } = reading.value;
  if (!date) return { ok: false, issue: cellIssue(row, 'bad_date', cell, 'has a time but no date: write the date too') };
  let zone: OffsetZone;
  if (offsetMinutes !== null) {
    zone = fixedOffsetZone(offsetMinutes);
  } else {
    const zoneColumn = readZoneColumn(row);
    if (zoneColumn.kind === 'invalid') return { ok: false, issue: zoneColumn.issue };
    zone = offsetZone(zoneColumn.kind === 'zone' ? zoneColumn.name : runZone(row, options));
  }
  const converted = wallToUtc(row, cell, wallMs(date, time), zone);
  return converted.ok ? { ok: true, value: isoText(converted.utcMs) } : { ok: false, issue: converted.issue };
}

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

function readValue(
  row: MappedRow,
  cell: MappedCell,
  formats: ColumnFormats,
  field: DateTimeField,
  role: CellRole,
  errors: RowIssue[],
): LocalValue | null {
  const reading = readDateTimeCell(cell.value, formats.parsers[field], role);
  if (reading.ok) return reading.value;
  errors.push(cellIssue(row, reading.code, cell, reading.problem));
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
      cellIssue(
        row,
        'bad_date',
        startCell,
        `is on ${formatCalendarDate(value.date)}, but column ${JSON.stringify(dateCell.column)} says ${formatCalendarDate(day)}`,
      ),
    );
    return null;
  }
  return { date: value.date, time: value.time, offsetMinutes: value.offsetMinutes, cell: startCell };
}

/** End from an end date-time, an end time on the start's date, or a duration. */
function readEnd(
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
          cellIssue(
            row,
            'end_before_start',
            endCell,
            `ends at ${formatWallTime(wall)}, before the start at ${formatWallTime(startWall)}; ` +
              'if the session runs past midnight, pass --overnight',
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
  const ms = readDuration(durationCell.value);
  if (ms === 'invalid') {
    errors.push(cellIssue(row, 'bad_duration', durationCell, `is not a duration (expected ${DURATION_EXAMPLES})`));
    return { kind: 'none' };
  }
  return ms === null ? { kind: 'none' } : { kind: 'duration', ms, cell: durationCell };
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

type UtcResult = { ok: true; utcMs: number; warning: RowIssue | null } | { ok: false; issue: RowIssue };

/**
 * The UTC instant of a cell's wall time in a zone. A time inside a spring-forward gap is the
 * row's error; one inside a fall-back overlap is the earlier instant, with a warning.
 */
function wallToUtc(row: MappedRow, cell: MappedCell, wall: number, zone: OffsetZone): UtcResult {
  const instant = localInstant(zone, wall);
  if (instant.kind === 'exact') return { ok: true, utcMs: instant.utcMs, warning: null };
  if (instant.kind === 'gap') {
    return {
      ok: false,
      issue: cellIssue(
        row,
        'dst_gap',
        cell,
        `: ${formatWallDateTime(wall)} does not exist in ${zone.name} ` +
          `(clocks jump from ${transitionWalls(instant.fromWall, instant.toWall)})`,
      ),
    };
  }
  return {
    ok: true,
    utcMs: instant.utcMs,
    warning: cellIssue(
      row,
      'dst_overlap',
      cell,
      `: ${formatWallDateTime(wall)} happens twice in ${zone.name} ` +
        `(clocks go back from ${transitionWalls(instant.fromWall, instant.toWall)}); ` +
        `the first one, ${new Date(instant.utcMs).toISOString().slice(11, 16)} UTC, is used`,
      'warning',
    ),
  };
}

/** "02:00 to 03:00"; with dates when the change skips a day (Pacific/Apia, 2011-12-30). */
function transitionWalls(fromWall: number, toWall: number): string {
  if (formatWallDate(fromWall) === formatWallDate(toWall)) return `${formatWallTime(fromWall)} to ${formatWallTime(toWall)}`;
  return `${formatWallDateTime(fromWall)} to ${formatWallDateTime(toWall)}`;
}

type ZoneColumnReading = { kind: 'none' } | { kind: 'zone'; name: string } | { kind: 'invalid'; issue: RowIssue };

/** The row's own zone from a mapped time-zone column; an unknown name is the row's error. */
function readZoneColumn(row: MappedRow): ZoneColumnReading {
  const cell = presentCell(row.fields.timezone);
  if (!cell) return { kind: 'none' };
  const name = typeof cell.value === 'string' ? normaliseZoneName(cell.value) : null;
  if (name) return { kind: 'zone', name };
  return {
    kind: 'invalid',
    issue: cellIssue(row, 'bad_timezone', cell, 'is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)'),
  };
}

/**
 * The zone for a row's local times when the row names none: --timezone, else the guide's.
 * Without either the run cannot go on, and the error says the three ways out.
 */
function runZone(row: MappedRow, options: TimeOptions): string {
  if (options.timezone) return requireZoneOption(options.timezone, '--timezone');
  if (options.guideTimezone) return requireZoneOption(options.guideTimezone, "The guide's time zone");
  const example = cellText(row.fields.datetime_start?.value ?? row.fields.date?.value ?? row.fields.start?.value ?? null);
  throw new GuidebookImportError(
    'timezone',
    `Row ${row.row} has local times${example ? ` (${JSON.stringify(example)})` : ''} but no time zone is known. ` +
      'Pass --timezone with an IANA zone (e.g. --timezone America/New_York), add a "Time Zone" column, or set a time zone on the guide.',
  );
}

// Times that are valid but more often a mistake than meant: the row gets a warning, the sheet a
// run-level one.

const EARLIEST_USUAL_START = 6 * HOUR_MS;
const LATEST_USUAL_START = 23 * HOUR_MS;
const WINDOW_SLACK_DAYS = 14;
const LONGEST_USUAL_SPAN_DAYS = 59;

/** A start before 06:00 or after 23:00 local time is more often a wrong AM/PM than a real session. */
function unusualStartWarning(row: MappedRow, cell: MappedCell, startWall: number, zoneLabel: string): RowIssue | null {
  const timeOfDay = ((startWall % DAY_MS) + DAY_MS) % DAY_MS;
  if (timeOfDay >= EARLIEST_USUAL_START && timeOfDay <= LATEST_USUAL_START) return null;
  return cellIssue(
    row,
    'suspicious_time',
    cell,
    `starts at ${formatWallTime(startWall)} local time (${zoneLabel}); check AM/PM and the 24-hour clock`,
    'warning',
  );
}

function longSessionWarning(row: MappedRow, cell: MappedCell, lengthMs: number): RowIssue | null {
  if (lengthMs <= DAY_MS) return null;
  const hours = Math.floor(lengthMs / HOUR_MS);
  const minutes = Math.round((lengthMs % HOUR_MS) / MINUTE_MS);
  return cellIssue(
    row,
    'suspicious_time',
    cell,
    `makes the session ${hours} h${minutes ? ` ${minutes} min` : ''} long (over 24 hours)`,
    'warning',
  );
}

/** The guide's window widened by two weeks either side; null when the guide has no dates. */
function windowWarning(
  row: MappedRow,
  cell: MappedCell,
  startWall: number,
  window: { start_date?: string | null; end_date?: string | null } | null | undefined,
): RowIssue | null {
  const from = guideDateWall(window?.start_date);
  const to = guideDateWall(window?.end_date);
  if (from === null && to === null) return null;
  const day = startWall - (((startWall % DAY_MS) + DAY_MS) % DAY_MS);
  const early = from !== null && day < from - WINDOW_SLACK_DAYS * DAY_MS;
  const late = to !== null && day > to + WINDOW_SLACK_DAYS * DAY_MS;
  if (!early && !late) return null;
  const range = `${from === null ? '…' : formatWallDate(from)} to ${to === null ? '…' : formatWallDate(to)}`;
  return cellIssue(
    row,
    'out_of_window',
    cell,
    `is on ${formatWallDate(day)}, more than ${WINDOW_SLACK_DAYS} days outside the guide's dates (${range}); check the year and the day/month order`,
    'warning',
  );
}

function guideDateWall(text: string | null | undefined): number | null {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
  return m ? dateWallMs({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
}

/** "the sheet spans 73 days (...)" when the starts cover more than 59 days. */
export function sheetSpanWarnings(starts: Iterable<string>): string[] {
  let first = Infinity;
  let last = -Infinity;
  const take = (ms: number | null) => {
    if (ms === null) return;
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  };
  // Canonical ISO texts (what the time stage writes) sort as their instants: only the earliest
  // and the latest of them are parsed.
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const start of starts) {
    if (!isCanonicalIso(start)) {
      take(parseInstant(start));
      continue;
    }
    if (earliest === undefined || start < earliest) earliest = start;
    if (latest === undefined || start > latest) latest = start;
  }
  if (earliest !== undefined) take(parseInstant(earliest));
  if (latest !== undefined) take(parseInstant(latest));
  if (first === Infinity) return [];
  const days = Math.floor(last / DAY_MS) - Math.floor(first / DAY_MS);
  if (days <= LONGEST_USUAL_SPAN_DAYS) return [];
  return [
    `the sheet spans ${days} days (${formatWallDate(first)} to ${formatWallDate(last)} UTC); ` +
      'an event agenda rarely covers that long: check the years and the day/month order',
  ];
}
