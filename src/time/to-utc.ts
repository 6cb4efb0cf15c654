import type { MappedCell, MappedRow, RowIssue } from '../types.js';
import { cellIssue } from '../validate/row-issue.js';
import { cachedLocalInstant, type InstantCache } from './local-instant.js';
import type { OffsetZone } from './offset-zone.js';
import { formatWallDate, formatWallDateTime, formatWallTime } from './wall-clock.js';

export type UtcResult = { ok: true; utcMs: number; warning: RowIssue | null } | { ok: false; issue: RowIssue };

/**
 * The UTC instant of a cell's wall time in a zone. A time inside a spring-forward gap is the
 * row's error; one inside a fall-back overlap is the earlier instant, with a warning.
 */
export function wallToUtc(row: MappedRow, cell: MappedCell, wall: number, zone: OffsetZone, cache: InstantCache): UtcResult {
  const instant = cachedLocalInstant(cache, zone, wall);
  if (instant.kind === 'exact') return { ok: true, utcMs: instant.utcMs, warning: null };
  if (instant.kind === 'gap') {
    return {
      ok: false,
      issue: cellIssue(row, 'dst_gap', cell, `: ${formatWallDateTime(wall)} does not exist in ${zone.name} ` +
          `(clocks jump from ${transitionWalls(instant.fromWall, instant.toWall)})`),
    };
  }
  return {
    ok: true,
    utcMs: instant.utcMs,
    warning: cellIssue(row, 'dst_overlap', cell, `: ${formatWallDateTime(wall)} happens twice in ${zone.name} ` +
        `(clocks go back from ${transitionWalls(instant.fromWall, instant.toWall)}); ` +
        `the first one, ${new Date(instant.utcMs).toISOString().slice(11, 16)} UTC, is used`, 'warning'),
  };
}

/** "02:00 to 03:00"; with dates when the change skips a day (Pacific/Apia, 2011-12-30). */
function transitionWalls(fromWall: number, toWall: number): string {
  if (formatWallDate(fromWall) === formatWallDate(toWall)) return `${formatWallTime(fromWall)} to ${formatWallTime(toWall)}`;
  return `${formatWallDateTime(fromWall)} to ${formatWallDateTime(toWall)}`;
}
