import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeOptions } from '../../src/time/index.js';
import { convertRowTimes, inferColumnFormats } from '../../src/validate/index.js';
import { clearTimeCaches, setTimeCachesEnabled } from '../../src/time/caches.js';
import type { MappedRow } from '../../src/types.js';
import { mappedRow } from './rows.js';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
];
const options: TimeOptions = { overnight: true };

const pad = (n: number): string => String(n).padStart(2, '0');

describe('the time memos never change a result', () => {
  it('cached and uncached conversions agree on every row, including gap and overlap days', () => {
    // Three weeks around the March and the autumn changes, every 10 minutes between 00:00 and 04:00.
    const rows: MappedRow[] = [];
    for (const zone of ZONES) {
      for (const [month, firstDay] of [
        [3, 20],
        [4, 1],
        [9, 20],
        [10, 25],
      ] as const) {
        for (let day = firstDay; day < firstDay + 12 && day <= 30; day++) {
          for (let minute = 0; minute < 240; minute += 10) {
            rows.push(
              mappedRow(rows.length + 2, {
                date: `2027-${pad(month)}-${pad(day)}`,
                start: `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`,
                end: '03:15',
                timezone: zone,
              }),
            );
          }
        }
      }
    }
    const formats = inferColumnFormats(rows, options);
    const cached = rows.map((r) => convertRowTimes(r, formats, options));
    const again = rows.map((r) => convertRowTimes(r, formats, options));
    const plain = uncached(() => rows.map((r) => convertRowTimes(r, formats, options)));
    expect(cached).toEqual(plain);
    expect(again).toEqual(plain);
    expect(cached.some((r) => !r.ok && r.issues[0]?.code === 'dst_gap')).toBe(true);
    expect(cached.some((r) => r.ok && r.warnings.some((w) => w.code === 'dst_overlap'))).toBe(true);
  });

  it('holds for random rows converted in a random order against a shared cache', () => {
    const row = fc.record({
      zone: fc.constantFrom(...ZONES),
      day: fc.integer({ min: Date.UTC(2026, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 }),
      minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (specs) => {
        const rows = specs.map((s, i) => {
          const iso = new Date(s.day * 86_400_000 + s.minute * 60_000).toISOString();
          return mappedRow(i + 2, { datetime_start: `${iso.slice(0, 10)} ${iso.slice(11, 16)}`, timezone: s.zone });
        });
        const formats = inferColumnFormats(rows, options);
        for (const r of rows) expect(convertRowTimes(r, formats, options)).toEqual(uncached(() => convertRowTimes(r, formats, options)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the time caches are bounded and shared', () => {
  it('gives the same answers cold, warm and after being emptied', () => {
    const rows = [
      mappedRow(2, { date: '2027-03-14', start: '02:30', timezone: 'America/New_York' }),
      mappedRow(3, { date: '2027-11-07', start: '01:30', timezone: 'America/New_York' }),
    ];
    const formats = inferColumnFormats(rows, options);
    const cold = rows.map((r) => convertRowTimes(r, formats, options));
    const warm = rows.map((r) => convertRowTimes(r, formats, options));
    clearTimeCaches();
    const emptied = rows.map((r) => convertRowTimes(r, formats, options));
    expect(warm).toEqual(cold);
    expect(emptied).toEqual(cold);
    expect(cold[0]).toMatchObject({ ok: false, issues: [{ code: 'dst_gap' }] });
  });
});

/** `run` with every time memo switched off: the reference the cached answers must equal. */
function uncached<T>(run: () => T): T {
  setTimeCachesEnabled(false);
  try {
    return run();
  } finally {
    setTimeCachesEnabled(true);
  }
}

describe('a text cell reading, remembered per column parser and role', () => {
  it('is the same reading cold, warm, uncached and after the memos are emptied, and frozen when shared', async () => {
    const { createColumnParser, readDateTimeCell } = await import('../../src/time/read-cell.js');
    const dmy = createColumnParser(null, 'd/M');
    const mdy = createColumnParser(null, 'M/d');
    const cells: Array<[string, 'date' | 'datetime' | 'time']> = [
      ['3/4/2027', 'date'],
      ['3/4/2027 9:30', 'datetime'],
      ['9:30-10:45', 'time'],
      ['not a date', 'date'],
      ['25:99', 'time'],
      [' 0.5 ', 'time'],
    ];
    const read = () => cells.flatMap(([text, role]) => [dmy, mdy].map((parser) => readDateTimeCell(text, parser, role)));
    const cold = read();
    const warm = read();
    // The same text under another parser is read by that parser: 3/4 is 3 April, then 4 March.
    expect(cold[0]).toMatchObject({ ok: true, value: { date: { year: 2027, month: 4, day: 3 } } });
    expect(cold[1]).toMatchObject({ ok: true, value: { date: { year: 2027, month: 3, day: 4 } } });
    for (const [i, reading] of warm.entries()) expect(reading).toBe(cold[i]);
    expect(warm.every((reading) => Object.isFrozen(reading) && (!reading.ok || Object.isFrozen(reading.value)))).toBe(true);
    clearTimeCaches();
    const emptied = read();
    emptied.forEach((reading, i) => {
      expect(reading).not.toBe(cold[i]);
      expect(reading).toEqual(cold[i]);
    });
    setTimeCachesEnabled(false);
    try {
      expect(read()).toEqual(cold);
    } finally {
      setTimeCachesEnabled(true);
    }
  });
});
