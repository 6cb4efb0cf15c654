import { date as dateCell, time as timeCell, type SheetDate, type SheetTime } from '../sheet-cells/index.js';
import { DAY_MS, MINUTE_MS, parseInstant, wallClockAt, zoneOffsetAt } from '../time/index.js';

/** An API instant as the wall clock of a zone shows it. */
export interface LocalMoment {
  date: SheetDate;
  time: SheetTime;
  /** The zone's offset from UTC at the instant, in minutes. */
  offsetMinutes: number;
  /**
   * The wall time happens twice in the zone (clocks went back) and this instant is the second.
   * Read back as a bare wall time it would be the first, an hour off, so it is written with its
   * offset instead.
   */
  repeated: boolean;
  /** The instant is the first of its local day (midnight, or the jump when midnight is skipped). */
  startsDay: boolean;
}

/**
 * `utcIso` in `zone` (an IANA name already normalised). Sub-second parts are dropped. The wall
 * clock is worked out as "wall milliseconds" read with getUTC*, never through the machine's zone.
 */
export function localMoment(utcIso: string, zone: string): LocalMoment {
  const ms = parseInstant(utcIso);
  if (ms === null) throw new RangeError(`not an ISO date-time: ${JSON.stringify(utcIso)}`);
  const offsetAt = (utcMs: number): number => zoneOffsetAt(utcMs, zone);
  const offset = offsetAt(ms);
  const wall = new Date(wallClockAt(ms, zone));
  const date = dateCell(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  const time = timeCell(wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds());

  // Clocks went back within the last day when the offset a day earlier was larger; the same wall
  // time then also fell at the earlier instant that had that larger offset, if it really did.
  const before = offsetAt(ms - DAY_MS);
  const repeated = before > offset && offsetAt(ms - (before - offset) * MINUTE_MS) === before;

  const midnight = time.hour === 0 && time.minute === 0 && time.second === 0;
  // A day whose midnight is skipped (clocks jump at 00:00) starts at the jump: the instant just
  // before it still showed the previous day.
  const startsDay = midnight || (offsetAt(ms - 1) !== offset && dayOf(ms - 1 + offsetAt(ms - 1) * MINUTE_MS) !== dayOf(wall.getTime()));
  return { date, time, offsetMinutes: offset, repeated, startsDay };
}

function dayOf(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS);
}

export function sameDay(a: SheetDate, b: SheetDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "-05:00", "+05:30". */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
