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
  isOpenEnd,
  isoText,
  localInstant,
  type LocalValue,
  MINUTE_MS,
  normaliseText,
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
import { rowKey } from './column-formats.js';
import { cellIssue, rowIssue } from './row-issue.js';
import { createYesNoReader, YES_NO_HINT, type YesNoReader } from './row-values.js';

// A mapped row's local times to UTC instants, with every problem as the row's issue: the row's
// layout (date-time, date + times, start + duration), its zone, the all-day flag, DST gaps and
// overlaps, and the registration dates read the same way.

export type RowTimes =
  | {
      ok: true;
      start_time: string;
      end_time: string | null;
      all_day: boolean;
      zone: string;
      warnings: RowIssue[];
      /** The start cell also wrote the end (a range, or an open end): the row says how it ends. */
      endInStart: boolean;
    }
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
  if (start.unplaceable) errors.push(start.unplaceable);

  const allDay = allDayFlag === true || (start.time === null && allDayFlag !== false);
  if (start.time === null && allDayFlag === false) {
    errors.push(cellIssue(row, 'bad_time', start.cell, `has no time, but the row is marked as not all-day: add a start time`));
  }
  // A date with no time, beside an unmapped column of times: that column was meant, not all-day.
  if (start.time === null && allDayFlag === null) {
    const unmapped = formats.unmappedTimeColumns?.length ? unmappedTimeCell(row, formats.unmappedTimeColumns) : null;
    if (unmapped) errors.push(unmappedTimeIssue(row, start.cell, unmapped));
  }
  const warnings: RowIssue[] = [];
  if (zoneColumn.kind !== 'invalid') {
    const settled = settleOffsetOrRange(row, start, zoneColumn.kind === 'zone' ? zoneColumn.name : null, options);
    if (settled) warnings.push(settled);
  }
  // A blank time where other rows have one: all-day as Builder's own template means it, but said.
  if (start.time === null && allDayFlag === null && formats.timedColumns?.length && errors.length === 0) {
    const column = JSON.stringify(formats.timedColumns[0]);
    const problem = `has no time, while column ${column} gives other rows theirs: imported as an all-day session (fill in the time, or All Day = yes to say so)`;
    warnings.push(cellIssue(row, 'suspicious_time', start.cell, problem, 'warning'));
  }
  const startWall = allDay ? dateWallMs(start.date) : wallMs(start.date, start.time);
  const end = allDay ? readAllDayEnd(row, formats, start, errors) : readEnd(row, formats, start, startWall, options, errors, warnings);
  if (errors.length > 0) return { ok: false, issues: errors };
  if (start.clockWarning) warnings.push(start.clockWarning);

  // A start with its own offset sets the row's zone: a bare end on that row is in the same offset.
  const rowZone: OffsetZone =
    start.offsetMinutes !== null
      ? fixedOffsetZone(start.offsetMinutes)
      : offsetZone(zoneColumn.kind === 'zone' ? zoneColumn.name : runZone(row, options));
  const zoneLabel = start.offsetMinutes !== null ? 'offset' : rowZone.name;

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
  if (end.kind === 'wall' && end.timeOnly) pushIfAny(warnings, morningToMidnightWarning(row, end.cell, startWall, end.wall));
  pushIfAny(warnings, windowWarning(row, start.cell, startWall, options.guideWindow));

  return {
    ok: true,
    start_time: isoText(startUtc),
    end_time: endUtc === null ? null : isoText(endUtc),
    all_day: allDay,
    zone: zoneLabel,
    warnings,
    endInStart: start.rangeEnd !== undefined,
  };
}

/** The row's cell in the first unmapped column that holds times (blank or not). */
function unmappedTimeCell(row: MappedRow, columns: readonly string[]): MappedCell | null {
  for (const cell of row.unmapped ?? []) if (columns.includes(cell.column)) return cell;
  return { column: columns[0]!, value: null };
}

function unmappedTimeIssue(row: MappedRow, dateCell: MappedCell, timeColumn: MappedCell): RowIssue {
  const column = JSON.stringify(timeColumn.column);
  const problem =
    `has a date but no time, and column ${column} holds times but feeds no field: map it ` +
    `(--mapping with {"columns": {${column}: "start"}}), or mark the row All Day = yes`;
  return cellIssue(row, 'unmapped_time', dateCell, problem);
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
  /** The end the start cell also wrote ("9:00-10:30"); null: an open end; absent: no range. */
  rangeEnd?: WrittenTime | null;
  /** "2027-11-07 01:30-05:00": the offset the cell means when the row's End says otherwise. */
  offsetAlternative?: number;
  /** The start's time was placed in the afternoon by its order in the day (no am/pm written). */
  clockWarning?: RowIssue;
  /** The start's time, without am/pm, fits neither half of its day. */
  unplaceable?: RowIssue;
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
    return startOf(row, formats, dayValue, day, dateCell);
  }
  const role: CellRole = startField === 'start' && dateCell ? 'time' : 'datetime';
  const value = readValue(row, startCell, formats, startField, role, errors);
  if (!value) return null;
  if (!value.date) {
    // A sheet with no date column at all is one day's programme: it is day 1 (--first-day, or on
    // import the guide's start date), as a day number would be.
    const firstDay = f.date === undefined ? formats.parsers[startField]?.firstDay : null;
    if (!day && firstDay) return startOf(row, formats, value, firstDay, startCell);
    if (!day) {
      const problem =
        'has a time but no date: add a "Date" column, write the date with the time, or give the day of a one-day sheet with --first-day YYYY-MM-DD';
      errors.push(cellIssue(row, 'bad_date', startCell, problem));
      return null;
    }
    return startOf(row, formats, value, day, startCell);
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
  return startOf(row, formats, value, value.date, startCell);
}

/** The start a cell's value gives on its day: its range end, and its afternoon if its order in the day says so. */
function startOf(row: MappedRow, formats: ColumnFormats, value: LocalValue, date: CalendarDate, cell: MappedCell): LocalStart {
  const start: LocalStart = { date, time: value.time, offsetMinutes: value.offsetMinutes, cell };
  if (value.end !== undefined) start.rangeEnd = value.end;
  if (value.offsetAlternative !== undefined) start.offsetAlternative = value.offsetAlternative;
  const clock = formats.clockOrder;
  if (clock && start.time && clock.afternoon.has(rowKey(row))) {
    start.time = { ...start.time, hour: start.time.hour + 12 };
    start.clockWarning = cellIssue(
      row,
      'clock_order',
      cell,
      `has no am/pm: read as ${formatWallTime(timeOfDayMs(start.time))}, as column ${JSON.stringify(clock.column)} writes ` +
        '12-hour times without am/pm and no session starts at that hour of the night; write the 24-hour time to be sure',
      'warning',
    );
  }
  const unplaceable = clock && start.time ? clock.unplaceable.get(rowKey(row)) : undefined;
  if (unplaceable) {
    start.unplaceable = cellIssue(
      row,
      'bad_time',
      cell,
      `has no am/pm and comes after ${unplaceable.previous} on its day, so it could be morning or evening: write am/pm or the 24-hour time`,
    );
  }
  return start;
}

/**
 * "00:41-05:00" with no End of its own is a range unless its wall time is one the zone repeats
 * (clocks going back) and "-05:00" is one of that hour's two offsets: export writes a repeated
 * hour's time with its offset to say which of the two it is, and the offset then wins.
 */
function settleOffsetOrRange(row: MappedRow, start: LocalStart, zoneName: string | null, options: TimeOptions): RowIssue | null {
  const alternative = start.offsetAlternative;
  if (alternative === undefined || start.rangeEnd === undefined || !start.time) return null;
  const f = row.fields;
  if (presentCell(f.datetime_end) || presentCell(f.end) || presentCell(f.duration)) return null;
  const wall = wallMs(start.date, start.time);
  const instant = localInstant(offsetZone(zoneName ?? runZone(row, options)), wall);
  if (instant.kind !== 'overlap') return null;
  const offsets = [instant.offsetMinutes, (wall - instant.laterUtcMs) / MINUTE_MS];
  if (!offsets.includes(alternative)) return null;
  start.offsetMinutes = alternative;
  delete start.rangeEnd;
  delete start.offsetAlternative;
  // Said on the row: a person may have meant the range; spaces around the dash say so.
  const problem =
    'is read as a time with its UTC offset, which picks one of the two times the clocks show twice that night (as export writes it), ' +
    'not as a range; write the range with spaces around the dash to mean one';
  return cellIssue(row, 'suspicious_time', start.cell, problem, 'warning');
}

/**
 * End from the start cell's range, an end date-time, an end time on the start's date (or on the
 * End Date, or the next day with --overnight or as "25:00"), or a duration. A range and a filled
 * End must agree.
 */
function readEnd(
  row: MappedRow,
  formats: ColumnFormats,
  start: LocalStart,
  startWall: number,
  options: TimeOptions,
  errors: RowIssue[],
  warnings: RowIssue[],
): LocalEnd {
  const f = row.fields;
  const endField = presentCell(f.datetime_end) ? 'datetime_end' : 'end';
  const endCell = presentCell(f[endField]);
  const endDay = readEndDate(row, formats, errors);
  if (endDay === 'invalid') return { kind: 'none' };

  let fromCell: LocalEnd | 'open' | null = null;
  if (endCell) {
    if (typeof endCell.value === 'string' && isOpenEnd(normaliseText(endCell.value))) fromCell = 'open';
    else {
      const value = readValue(row, endCell, formats, endField, endField === 'end' ? 'time' : 'datetime', errors);
      if (!value) return { kind: 'none' };
      const read = endFromValue(row, endCell, value, start, startWall, endDay, formats, options, errors);
      if (!read) return { kind: 'none' };
      fromCell = read;
    }
  }

  if (start.rangeEnd !== undefined) {
    // "2027-11-07 01:30-05:00" with an End of its own: the start carried an offset, not a range.
    if (start.offsetAlternative !== undefined && fromCell !== null && fromCell !== 'open') {
      const rangeWall = start.rangeEnd ? placeEnd(start, start.rangeEnd, startWall, endDay, formats, options) : null;
      if (fromCell.kind !== 'wall' || rangeWall === null || fromCell.wall !== rangeWall.wall) {
        start.offsetMinutes = start.offsetAlternative;
        delete start.rangeEnd;
        return fromCell;
      }
    }
  }
  if (start.rangeEnd !== undefined) {
    const range = start.rangeEnd ? placeEnd(start, start.rangeEnd, startWall, endDay, formats, options) : ('open' as const);
    // A range in one cell is one span: "23:00-01:00" can only run past midnight, so it does, said.
    // One that would then last over 12 hours ("10:00-9:00") is more likely a slip: still the error.
    if (range !== 'open' && range.beforeStart) {
      if (range.wall + DAY_MS - startWall > LONGEST_OVERNIGHT_RANGE) {
        errors.push(endBeforeStart(row, start.cell, range.wall, startWall));
        return { kind: 'none' };
      }
      range.wall += DAY_MS;
      warnings.push(overnightRangeWarning(row, start.cell, range.wall));
    }
    const rangeEnd: LocalEnd | 'open' =
      range === 'open' ? 'open' : { kind: 'wall', wall: range.wall, offsetMinutes: start.offsetMinutes, cell: start.cell, timeOnly: true };
    if (fromCell !== null && !sameEnd(fromCell, rangeEnd)) {
      const said = rangeEnd === 'open' ? 'an open end' : `an end at ${formatWallTime(rangeEnd.kind === 'wall' ? rangeEnd.wall : 0)}`;
      const other = fromCell === 'open' ? 'an open end' : fromCell.kind === 'wall' ? formatWallDateTime(fromCell.wall) : 'another end';
      errors.push(
        cellIssue(row, 'bad_time', endCell ?? start.cell, `says ${other}, but column ${JSON.stringify(start.cell.column)} gives ${said}`),
      );
      return { kind: 'none' };
    }
    if (rangeEnd === 'open') {
      warnings.push(openEndWarning(row, start.cell));
      return { kind: 'none' };
    }
    // A filled Duration must say the same as the range.
    const durationCell = fromCell === null ? presentCell(f.duration) : undefined;
    const ms = durationCell ? readDuration(durationCell.value) : null;
    if (durationCell && typeof ms === 'number' && rangeEnd.kind === 'wall' && ms !== rangeEnd.wall - startWall) {
      const problem = `says ${Math.round(ms / MINUTE_MS)} min, but column ${JSON.stringify(start.cell.column)} gives ${Math.round((rangeEnd.wall - startWall) / MINUTE_MS)} min`;
      errors.push(cellIssue(row, 'bad_duration', durationCell, problem));
      return { kind: 'none' };
    }
    return rangeEnd;
  }
  if (fromCell === 'open') {
    warnings.push(openEndWarning(row, endCell!));
    return { kind: 'none' };
  }
  if (fromCell) return fromCell;
  if (endDay) {
    errors.push(cellIssue(row, 'bad_time', endDay.cell, 'gives the day the session ends, but the row has no end time: add one'));
    return { kind: 'none' };
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

/** An end cell's value as the end's wall time; null (and the error pushed) when it cannot be one. */
function endFromValue(
  row: MappedRow,
  endCell: MappedCell,
  value: LocalValue,
  start: LocalStart,
  startWall: number,
  endDay: EndDay | null,
  formats: ColumnFormats,
  options: TimeOptions,
  errors: RowIssue[],
): LocalEnd | null {
  if (value.end !== undefined && value.offsetAlternative === undefined) {
    errors.push(cellIssue(row, 'bad_time', endCell, 'holds a range: write the range in the start column, or the end time alone here'));
    return null;
  }
  const offsetMinutes = value.offsetAlternative ?? value.offsetMinutes;
  if (value.date && !value.time) {
    errors.push(cellIssue(row, 'bad_time', endCell, 'has a date but no time: give the end time'));
    return null;
  }
  if (value.date && value.time) {
    if (endDay && !sameDate(endDay.date, value.date)) {
      errors.push(
        cellIssue(
          row,
          'bad_date',
          endCell,
          `is on ${formatCalendarDate(value.date)}, but column ${JSON.stringify(endDay.cell.column)} says ${formatCalendarDate(endDay.date)}`,
        ),
      );
      return null;
    }
    return { kind: 'wall', wall: wallMs(value.date, value.time), offsetMinutes, cell: endCell, timeOnly: false };
  }
  if (!value.time) return null;
  const placed = placeEnd(start, value.time, startWall, endDay, formats, options);
  if (placed.beforeStart) {
    errors.push(endBeforeStart(row, endCell, placed.wall, startWall));
    return null;
  }
  return { kind: 'wall', wall: placed.wall, offsetMinutes, cell: endCell, timeOnly: !endDay };
}

/**
 * A time-only end on its day: the End Date's, else the start's ("25:00" and "midnight" the next
 * day's); on the start's day an end before the start is the next day's only with --overnight,
 * and in a column read by its order in the day (no am/pm), the afternoon's when that fits.
 */
function placeEnd(
  start: LocalStart,
  time: WrittenTime,
  startWall: number,
  endDay: EndDay | null,
  formats: ColumnFormats,
  options: TimeOptions,
): { wall: number; beforeStart: boolean } {
  const day = dateWallMs(endDay?.date ?? start.date);
  let wall = day + (time.midnightWord ? DAY_MS : timeOfDayMs(time));
  if (endDay) return { wall, beforeStart: false };
  // An end at 00:00 ("22:00-00:00", "7:30 PM - 12:00 AM") is the end of the start's day: a session
  // cannot end at the midnight before it starts.
  if (wall === day && wall < startWall) return { wall: day + DAY_MS, beforeStart: false };
  if (wall < startWall && formats.clockOrder && time.hour < 12 && wall + 12 * HOUR_MS >= startWall) wall += 12 * HOUR_MS;
  if (wall < startWall) {
    if (!options.overnight) return { wall, beforeStart: true };
    wall += DAY_MS;
  }
  return { wall, beforeStart: false };
}

function endBeforeStart(row: MappedRow, cell: MappedCell, wall: number, startWall: number): RowIssue {
  return cellIssue(
    row,
    'end_before_start',
    cell,
    `ends at ${formatWallTime(wall)}, before the start at ${formatWallTime(startWall)}; ` +
      'if the session runs past midnight, pass --overnight, write the end as 25:00 or fill in an End Date column',
  );
}

/** The longest a range in one cell may run past midnight ("18:00-06:00"); longer is read as a slip. */
const LONGEST_OVERNIGHT_RANGE = 12 * HOUR_MS;

/**
 * An end at the midnight after a morning start ("9:00 AM - 12:00 AM") is read as the day's end,
 * but noon was often meant: said, not guessed silently.
 */
function morningToMidnightWarning(row: MappedRow, cell: MappedCell, startWall: number, endWall: number): RowIssue | null {
  const startOfDay = startWall - (((startWall % DAY_MS) + DAY_MS) % DAY_MS);
  if (endWall !== startOfDay + DAY_MS || startWall - startOfDay >= 12 * HOUR_MS) return null;
  return cellIssue(
    row,
    'suspicious_time',
    cell,
    `ends at midnight, ${Math.round((endWall - startWall) / HOUR_MS)} h after a morning start: if noon was meant, write 12:00 PM or 12:00`,
    'warning',
  );
}

function overnightRangeWarning(row: MappedRow, cell: MappedCell, endWall: number): RowIssue {
  return cellIssue(
    row,
    'suspicious_time',
    cell,
    `ends before it starts, so the session runs past midnight: read as ending on ${formatWallDateTime(endWall)} ` +
      '(write the end as 25:00 or fill in an End Date column to say so)',
    'warning',
  );
}

function sameEnd(a: LocalEnd | 'open', b: LocalEnd | 'open'): boolean {
  if (a === 'open' || b === 'open') return a === b;
  return a.kind === 'wall' && b.kind === 'wall' && a.wall === b.wall;
}

function openEndWarning(row: MappedRow, cell: MappedCell): RowIssue {
  return cellIssue(row, 'open_end', cell, 'says the end is open or not known yet: the session is imported without an end time', 'warning');
}

interface EndDay {
  date: CalendarDate;
  cell: MappedCell;
}

/** The End Date column: the day a session across midnight or several days ends. */
function readEndDate(row: MappedRow, formats: ColumnFormats, errors: RowIssue[]): EndDay | null | 'invalid' {
  const cell = presentCell(row.fields.end_date);
  if (!cell) return null;
  const parser = formats.parsers.end_date ?? formats.parsers.date;
  const reading = readDateTimeCell(cell.value, parser, 'date');
  if (!reading.ok) {
    errors.push(cellIssue(row, reading.code, cell, reading.problem));
    return 'invalid';
  }
  if (!reading.value.date || reading.value.time) {
    errors.push(cellIssue(row, 'bad_date', cell, `is not a date (expected ${expectedShape(parser, 'date')})`));
    return 'invalid';
  }
  return { date: reading.value.date, cell };
}

/**
 * An all-day row's end: none, or with an End Date the last second of that day (a multi-day
 * all-day session, as Guidebook ends an all-day session itself).
 */
function readAllDayEnd(row: MappedRow, formats: ColumnFormats, start: LocalStart, errors: RowIssue[]): LocalEnd {
  const endDay = readEndDate(row, formats, errors);
  if (!endDay || endDay === 'invalid' || sameDate(endDay.date, start.date)) return { kind: 'none' };
  const wall = dateWallMs(endDay.date) + DAY_MS - 1_000;
  if (wall < dateWallMs(start.date)) {
    errors.push(cellIssue(row, 'end_before_start', endDay.cell, `is before the start date ${formatCalendarDate(start.date)}`));
    return { kind: 'none' };
  }
  return { kind: 'wall', wall, offsetMinutes: null, cell: endDay.cell, timeOnly: false };
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
