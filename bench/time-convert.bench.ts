// Conversions per second of convertRowTimes on a generated 100k-row agenda, with and without the
// time engine's memos (src/time/caches.ts: parsed text, zone offsets, zone + wall time → instant). Run: npx tsx bench/time-convert.bench.ts
import { DateTime } from 'luxon';
import type { TimeOptions } from '../src/time/index.js';
import { convertRowTimes, inferColumnFormats } from '../src/validate/index.js';
import { clearTimeCaches, setTimeCachesEnabled } from '../src/time/caches.js';
import type { MappedRow } from '../src/types.js';

const ROWS = 100_000;
const DAYS = 30;
const SLOTS_PER_DAY = (24 * 60) / 5;
const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
const options: TimeOptions = {};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clock12(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(minutes % 60)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** 30 days × 5-minute slots × 3 zones (March 2027: two DST changes inside), cycled to 100k rows. */
function generateRows(zoneOf: (i: number) => string): MappedRow[] {
  const rows: MappedRow[] = [];
  for (let i = 0; i < ROWS; i++) {
    const slot = Math.floor(i / ZONES.length) % (DAYS * SLOTS_PER_DAY);
    const day = 1 + Math.floor(slot / SLOTS_PER_DAY);
    const minutes = (slot % SLOTS_PER_DAY) * 5;
    rows.push({
      sheet: 'Agenda',
      row: i + 2,
      fields: {
        date: { column: 'Date', value: `3/${day}/2027` },
        start: { column: 'Start', value: clock12(minutes) },
        duration: { column: 'Duration', value: '45' },
        timezone: { column: 'Time Zone', value: zoneOf(i) },
      },
    });
  }
  return rows;
}

function run(rows: MappedRow[], cache: boolean): { perSecond: number; starts: string[] } {
  // Every run starts cold, as a fresh process does: the memos are emptied (or switched off).
  setTimeCachesEnabled(cache);
  const began = performance.now();
  const formats = inferColumnFormats(rows, options);
  const starts: string[] = [];
  for (const row of rows) {
    const result = convertRowTimes(row, formats, options);
    starts.push(result.ok ? result.start_time : (result.issues[0]?.code ?? ''));
  }
  return { perSecond: rows.length / ((performance.now() - began) / 1000), starts };
}

function best(label: string, rows: MappedRow[], cache: boolean): { perSecond: number; starts: string[] } {
  let top = { perSecond: 0, starts: [] as string[] };
  for (let i = 0; i < 3; i++) {
    const r = run(rows, cache);
    if (r.perSecond > top.perSecond) top = r;
  }
  console.log(`${label.padEnd(44)} ${Math.round(top.perSecond).toLocaleString('en-US').padStart(10)} rows/s`);
  return top;
}

function luxonBaseline(rows: MappedRow[]): void {
  const began = performance.now();
  for (const row of rows) {
    const [m, d, y] = String(row.fields.date?.value).split('/').map(Number);
    DateTime.fromObject({ year: y, month: m, day: d, hour: 9, minute: 30 }, { zone: String(row.fields.timezone?.value) })
      .toUTC()
      .toISO();
  }
  const perSecond = rows.length / ((performance.now() - began) / 1000);
  console.log(`${'luxon DateTime.fromObject (reference)'.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(10)} rows/s`);
}

const zonedRows = generateRows((i) => ZONES[i % ZONES.length] ?? 'UTC');
const utcRows = generateRows(() => 'UTC');
console.log(
  `${ROWS.toLocaleString('en-US')} rows: ${DAYS} days × ${SLOTS_PER_DAY} five-minute slots × ${ZONES.length} zones (${ZONES.join(', ')})`,
);
const uncached = best('convertRowTimes, no cache', zonedRows, false);
const cached = best('convertRowTimes, cached', zonedRows, true);
best('convertRowTimes, cached, all UTC (parse speed)', utcRows, true);
clearTimeCaches();
luxonBaseline(zonedRows);
const same = uncached.starts.every((s, i) => s === cached.starts[i]);
console.log(`cached / uncached: ${(cached.perSecond / uncached.perSecond).toFixed(1)}× faster; identical results: ${same}`);
if (!same) process.exitCode = 1;
