import { createMemo, createMemoFamily } from './caches.js';
import type { OffsetZone } from './zones.js';
import { DAY_MS, MINUTE_MS, SECOND_MS } from './wall-clock.js';

/** What a local wall-clock time is in a zone: one instant, two (fall-back overlap) or none (gap). */
export type LocalInstant =
  | { kind: 'exact'; utcMs: number; offsetMinutes: number }
  | {
      kind: 'overlap';
      /** The earlier of the two instants: used consistently for every overlap. */
      utcMs: number;
      offsetMinutes: number;
      laterUtcMs: number;
      /** Wall times of the transition: clocks go back from `fromWall` to `toWall`. */
      fromWall: number;
      toWall: number;
    }
  | {
      kind: 'gap';
      /** Wall times of the transition: clocks jump from `fromWall` to `toWall`. */
      fromWall: number;
      toWall: number;
      /** The instant of the jump: the first real instant after the missing wall times. */
      transitionUtcMs: number;
    };

/**
 * The UTC instant(s) of a wall time in a zone.
 *
 * A wall time W is the instant t when t + offset(t) = W. The offsets in play are those a day
 * before and after W (zones change offset at most once in such a window); each candidate offset
 * o gives t = W - o, which is real only if the zone really has offset o at t. None real: W is
 * in a spring-forward gap (luxon would silently move it forward; we report it). Two real: W is
 * in a fall-back overlap, and the earlier instant is taken.
 */
export function resolveLocalInstant(zone: OffsetZone, wall: number): LocalInstant {
  if (zone.fixed) {
    const offsetMinutes = zone.offsetAt(wall);
    return { kind: 'exact', utcMs: wall - offsetMinutes * MINUTE_MS, offsetMinutes };
  }
  const before = zone.offsetAt(wall - DAY_MS);
  const after = zone.offsetAt(wall + DAY_MS);
  const beforeReal = zone.offsetAt(wall - before * MINUTE_MS) === before;
  if (before === after) {
    if (beforeReal) return { kind: 'exact', utcMs: wall - before * MINUTE_MS, offsetMinutes: before };
    return resolveNearDoubleTransition(zone, wall, before);
  }
  const afterReal = zone.offsetAt(wall - after * MINUTE_MS) === after;
  if (beforeReal && afterReal) {
    const earlierOffset = Math.max(before, after);
    const laterOffset = Math.min(before, after);
    const transition = findTransition(zone, wall - earlierOffset * MINUTE_MS, wall - laterOffset * MINUTE_MS);
    return {
      kind: 'overlap',
      utcMs: wall - earlierOffset * MINUTE_MS,
      offsetMinutes: earlierOffset,
      laterUtcMs: wall - laterOffset * MINUTE_MS,
      fromWall: transition + before * MINUTE_MS,
      toWall: transition + after * MINUTE_MS,
    };
  }
  if (beforeReal) return { kind: 'exact', utcMs: wall - before * MINUTE_MS, offsetMinutes: before };
  if (afterReal) return { kind: 'exact', utcMs: wall - after * MINUTE_MS, offsetMinutes: after };
  const transition = findTransition(zone, wall - after * MINUTE_MS, wall - before * MINUTE_MS);
  return { kind: 'gap', fromWall: transition + before * MINUTE_MS, toWall: transition + after * MINUTE_MS, transitionUtcMs: transition };
}

/** Two transitions within two days (rare, historical): fall back to the offset found at W - o. */
function resolveNearDoubleTransition(zone: OffsetZone, wall: number, guess: number): LocalInstant {
  const other = zone.offsetAt(wall - guess * MINUTE_MS);
  if (zone.offsetAt(wall - other * MINUTE_MS) === other) {
    return { kind: 'exact', utcMs: wall - other * MINUTE_MS, offsetMinutes: other };
  }
  const [lo, hi] = other > guess ? [guess, other] : [other, guess];
  const transition = findTransition(zone, wall - hi * MINUTE_MS, wall - lo * MINUTE_MS);
  return { kind: 'gap', fromWall: transition + lo * MINUTE_MS, toWall: transition + hi * MINUTE_MS, transitionUtcMs: transition };
}

/** The first instant (to the second) in (from, to] whose offset differs from the offset at `from`. */
function findTransition(zone: OffsetZone, fromUtc: number, toUtc: number): number {
  const startOffset = zone.offsetAt(fromUtc);
  let lo = Math.floor(fromUtc / SECOND_MS);
  let hi = Math.ceil(toUtc / SECOND_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offsetAt(mid * SECOND_MS) === startOffset) lo = mid;
    else hi = mid;
  }
  return hi * SECOND_MS;
}

// Local day (wall ms of its midnight) → the zone's offset all that day, or null on a change day.
const dayOffsets = createMemoFamily<number, number | null>();
// Wall time → instant, for days when the offset changes.
const changeDayInstants = createMemoFamily<number, LocalInstant>();
// UTC ms → its ISO text: an agenda's rows share a few thousand instants, each written once. An
// instant on a whole minute (nearly every session time) is found by its minute, a small integer
// that V8 passes as it is; a millisecond count of today is a heap number made for each lookup.
const isoTexts = createMemo<number, string>();
const isoTextsByMinute = createMemo<number, string>();

/** `new Date(utcMs).toISOString()`; rows at the same instant share one string. */
export function isoText(utcMs: number): string {
  const minute = utcMs / MINUTE_MS;
  const byMinute = Number.isInteger(minute);
  const memo = byMinute ? isoTextsByMinute : isoTexts;
  const key = byMinute ? minute : utcMs;
  let text = memo.get(key);
  if (text === undefined) {
    text = new Date(utcMs).toISOString();
    memo.set(key, text);
  }
  return text;
}

/**
 * resolveLocalInstant, remembered. Most days have one offset all day long: that offset is
 * looked up once per (zone, day) and every wall time of the day converts with one subtraction.
 * Days with a change go through the exact resolver, memoised per (zone, wall time).
 */
export function localInstant(zone: OffsetZone, wall: number): LocalInstant {
  if (zone.fixed) return resolveLocalInstant(zone, wall);
  const day = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
  const days = dayOffsets(zone.name);
  let steady = days.get(day);
  if (steady === undefined) {
    steady = steadyDayOffset(zone, day);
    days.set(day, steady);
  }
  if (steady !== null) return { kind: 'exact', utcMs: wall - steady * MINUTE_MS, offsetMinutes: steady };
  const memo = changeDayInstants(zone.name);
  let instant = memo.get(wall);
  if (instant === undefined) {
    instant = resolveLocalInstant(zone, wall);
    memo.set(wall, instant);
  }
  return instant;
}

/**
 * The offset of a local day when it cannot change during it. The day's wall times are instants
 * within 14 h before its midnight to 12 h after its end (the widest offsets there are); the
 * offset is sampled a day apart from a day before to two days after, under the same premise as
 * resolveLocalInstant: a zone never changes offset twice within a day.
 */
function steadyDayOffset(zone: OffsetZone, day: number): number | null {
  const offset = zone.offsetAt(day - DAY_MS);
  for (let at = day; at <= day + 2 * DAY_MS; at += DAY_MS) {
    if (zone.offsetAt(at) !== offset) return null;
  }
  return offset;
}
