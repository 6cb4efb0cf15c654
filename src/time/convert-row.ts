import type { MappedRow, RowIssue } from '../types.js';
import { presentCell } from '../read/cell-value.js';
import { cellIssue } from '../validate/row-issue.js';
import { cachedLocalInstant, isoText } from './local-instant.js';
import { fixedOffsetZone, offsetZone, type OffsetZone } from './offset-zone.js';
import { YES_NO_HINT, createYesNoReader, type YesNoReader } from '../validate/yes-no.js';
import { readEnd, readStart } from './row-local-times.js';
import { readZoneColumn, runZone } from './row-zone.js';
import type { ColumnFormats, RowTimes, TimeOptions } from './time-types.js';
import { wallToUtc } from './to-utc.js';
import { longSessionWarning, unusualStartWarning, windowWarning } from './warnings.js';
import { dateWallMs, formatWallDateTime, wallMs } from './wall-clock.js';

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
      const problem = `ends at ${formatWallDateTime(end.wall)}, before the start (${formatWallDateTime(startWall)})${hint}`;
      return { ok: false, issues: [cellIssue(row, 'end_before_start', end.cell, problem)] };
    }
  }

  if (!allDay) pushIfAny(warnings, unusualStartWarning(row, start.cell, startWall, zoneLabel));
  if (endUtc !== null && end.kind !== 'none') pushIfAny(warnings, longSessionWarning(row, end.cell, endUtc - startUtc));
  pushIfAny(warnings, windowWarning(row, start.cell, startWall, options.guideWindow));

  return {
    ok: true,
    start_time: isoText(formats.instants, startUtc),
    end_time: endUtc === null ? null : isoText(formats.instants, endUtc),
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
