import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatLocal } from '../../src/time/index.js';
import { convertOne } from './rows.js';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Australia/Lord_Howe', // 30-minute DST
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30 / -02:30
  'America/Santiago', // changes at midnight
  'America/Sao_Paulo',
  'Asia/Tehran',
  'Europe/London',
  'Pacific/Apia',
  'Africa/Casablanca',
  'UTC',
];

const MIN = Date.UTC(2000, 0, 1) / 1000;
const MAX = Date.UTC(2040, 0, 1) / 1000;
const instant = fc.integer({ min: MIN, max: MAX }).map((s) => s * 1000);
const zone = fc.constantFrom(...ZONES);

/** The wall clock of an instant in a zone, by luxon, independently of the code under test. */
const luxonWall = (ms: number, z: string): string => DateTime.fromMillis(ms, { zone: z }).toFormat('yyyy-MM-dd HH:mm:ss');

describe('round trip: instant → local wall clock → instant', () => {
  it('gives the same instant back, or the earlier one of an overlap (with a warning)', () => {
    fc.assert(
      fc.property(instant, zone, (ms, z) => {
        const local = formatLocal(new Date(ms).toISOString(), z);
        expect(`${local.date} ${local.time.length === 5 ? `${local.time}:00` : local.time}`).toBe(luxonWall(ms, z));
        const result = convertOne({ datetime_start: `${local.date} ${local.time}` }, { timezone: z });
        if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
        const back = Date.parse(result.start_time);
        if (back !== ms) {
          // The same wall time exists twice: ours must be the earlier instant, and say so.
          expect(back).toBeLessThan(ms);
          expect(luxonWall(back, z)).toBe(luxonWall(ms, z));
          expect(result.warnings.some((w) => w.code === 'dst_overlap')).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the DST instants themselves: the minutes around each transition', () => {
    fc.assert(
      fc.property(zone, fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: -90, max: 90 }), (z, year, minutes) => {
        const transitions = transitionsOf(z, year);
        fc.pre(transitions.length > 0);
        for (const t of transitions) {
          const ms = t + minutes * 60_000;
          const local = formatLocal(new Date(ms).toISOString(), z);
          const result = convertOne({ datetime_start: `${local.date} ${local.time}` }, { timezone: z });
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const back = Date.parse(result.start_time);
          expect(back === ms || (back < ms && result.warnings.some((w) => w.code === 'dst_overlap'))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('wall clock → instant never shifts a time silently', () => {
  const wall = fc.record({
    year: fc.integer({ min: 2000, max: 2039 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });

  it('either reads back as the same wall clock (earliest such instant) or is a dst_gap that luxon would have moved', () => {
    fc.assert(
      fc.property(wall, zone, (w, z) => {
        const text = DateTime.fromObject(w, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm');
        const result = convertOne({ datetime_start: text }, { timezone: z });
        const luxonGuess = DateTime.fromObject(w, { zone: z });
        if (result.ok) {
          const back = Date.parse(result.start_time);
          expect(luxonWall(back, z)).toBe(`${text}:00`);
          // No earlier instant (up to 3 h before, in 15-minute steps) shows the same wall clock.
          for (let k = 1; k <= 12; k++) expect(luxonWall(back - k * 15 * 60_000, z)).not.toBe(`${text}:00`);
        } else {
          expect(result.issues[0]?.code).toBe('dst_gap');
          expect(luxonGuess.toFormat('yyyy-MM-dd HH:mm')).not.toBe(text);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

const transitionMemo = new Map<string, number[]>();

/** The UTC instants in a year when the zone's offset changes, found with luxon (day scan + bisection). */
function transitionsOf(z: string, year: number): number[] {
  const key = `${z} ${year}`;
  const known = transitionMemo.get(key);
  if (known) return known;
  const found: number[] = [];
  const offset = (ms: number): number => DateTime.fromMillis(ms, { zone: z }).offset;
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = Date.UTC(year, 0, 1); t < end; t += 86_400_000) {
    if (offset(t) === offset(t + 86_400_000)) continue;
    let lo = t;
    let hi = t + 86_400_000;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2000) * 1000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  transitionMemo.set(key, found);
  return found;
}
