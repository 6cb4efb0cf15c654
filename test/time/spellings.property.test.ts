import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type ColumnParser, parseIsoDate, readDateTimeCell } from '../../src/time/index.js';

// Any supported spelling of a date, a date-time or a time range, written by luxon (independently
// of the code under test) from the wall clock of a random instant in a random zone, reads back to
// the same wall-clock values: the date, the start's hour and minute, the range end's.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'America/Sao_Paulo', 'Asia/Kathmandu', 'UTC'];
const MIN = Date.UTC(2000, 0, 1) / 60_000;
const MAX = Date.UTC(2099, 0, 1) / 60_000;
const wallClock = fc
  .tuple(fc.integer({ min: MIN, max: MAX }), fc.constantFrom(...ZONES))
  .map(([minutes, zone]) => DateTime.fromMillis(minutes * 60_000, { zone }));

type Spelling = (dt: DateTime) => string;

/** Full dates, in the languages read: each needs nothing but itself. */
const FULL_DATES: Spelling[] = [
  (dt) => dt.toFormat('yyyy-MM-dd'),
  (dt) => dt.toFormat('d.M.yyyy'),
  (dt) => dt.setLocale('en').toFormat('MMMM d, yyyy'),
  (dt) => dt.setLocale('en').toFormat('cccc, MMMM d, yyyy'),
  (dt) => dt.setLocale('en').toFormat('ccc d MMM yyyy'),
  (dt) => dt.setLocale('de').toFormat('d. MMMM yyyy'),
  (dt) => dt.setLocale('de').toFormat('cccc, d. MMMM yyyy'),
  (dt) => dt.setLocale('fr').toFormat('cccc d MMMM yyyy'),
  (dt) => dt.setLocale('es').toFormat("cccc, d 'de' MMMM 'de' yyyy"),
  (dt) => dt.setLocale('it').toFormat('d MMMM yyyy'),
  (dt) => dt.setLocale('pt').toFormat("cccc, d 'de' MMMM 'de' yyyy"),
  (dt) => dt.setLocale('nl').toFormat('cccc d MMMM yyyy'),
  (dt) => dt.toFormat("yyyy'年'M'月'd'日'"),
];

/** Dates that need the first day: each with the first day that makes it the same date. */
interface PartialSpelling {
  text: (dt: DateTime, n: number) => string;
  /** The first day, from the date and a random n. */
  firstDay: (dt: DateTime, n: number) => DateTime;
}
const PARTIAL_DATES: PartialSpelling[] = [
  // Year-less: any first day within 150 days puts the date in its own year.
  { text: (dt) => dt.setLocale('en').toFormat('MMMM d'), firstDay: (dt, n) => dt.minus({ days: n * 5 }) },
  { text: (dt) => dt.setLocale('de').toFormat('d. MMMM'), firstDay: (dt, n) => dt.plus({ days: n * 5 }) },
  { text: (dt) => dt.setLocale('fr').toFormat('d MMMM'), firstDay: (dt, n) => dt.minus({ days: n }) },
  { text: (dt) => dt.toFormat("M'月'd'日'"), firstDay: (dt, n) => dt.minus({ days: n }) },
  { text: (dt) => dt.toFormat('d.M.'), firstDay: (dt, n) => dt.plus({ days: n }) },
  // Weekdays: a first day up to six days before.
  { text: (dt) => dt.setLocale('en').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('de').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('es').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('fr').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('it').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('pt').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('nl').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  { text: (dt) => dt.setLocale('ja').toFormat('cccc'), firstDay: (dt, n) => dt.minus({ days: n % 7 }) },
  // Day numbers: day n is n - 1 days after the first.
  { text: (_dt, n) => `Day ${(n % 30) + 1}`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
  { text: (_dt, n) => `Tag ${(n % 30) + 1}`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
  { text: (_dt, n) => `Día ${(n % 30) + 1}`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
  { text: (_dt, n) => `Jour ${(n % 30) + 1}`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
  { text: (_dt, n) => `Dag ${(n % 30) + 1}`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
  { text: (_dt, n) => `${(n % 30) + 1}日目`, firstDay: (dt, n) => dt.minus({ days: n % 30 }) },
];

const TIMES: Spelling[] = [
  (dt) => dt.toFormat('H:mm'),
  (dt) => dt.toFormat('HH:mm'),
  (dt) => dt.setLocale('en').toFormat('h:mm a'),
  (dt) => dt.setLocale('en').toFormat('h:mma').toLowerCase(),
  (dt) => dt.toFormat("H'h'mm"),
  (dt) => dt.toFormat('H.mm'),
  (dt) => dt.toFormat("H'時'm'分'"),
  (dt) => dt.setLocale('ja').toFormat('ah:mm'),
];
const RANGE_SEPARATORS = ['-', ' - ', '–', ' – ', '—', ' to ', ' bis ', ' a ', '~'];
const RANGE_SUFFIXES = ['', ' Uhr', ' hrs'];

const parserFor = (firstDay: DateTime | null): ColumnParser => ({
  format: null,
  order: null,
  locale: null,
  firstDay: firstDay ? parseIsoDate(firstDay.toFormat('yyyy-MM-dd')) : null,
});

function expectWall(text: string, parser: ColumnParser, start: DateTime, end: DateTime | null): void {
  const reading = readDateTimeCell(text, parser, 'datetime');
  if (!reading.ok) throw new Error(`${JSON.stringify(text)} ${reading.problem}`);
  expect(reading.value.date, text).toEqual({ year: start.year, month: start.month, day: start.day });
  expect([reading.value.time?.hour, reading.value.time?.minute], text).toEqual([start.hour, start.minute]);
  if (end) expect([reading.value.end?.hour, reading.value.end?.minute], text).toEqual([end.hour, end.minute]);
  else expect(reading.value.end, text).toBeUndefined();
}

describe('spellings read back to the wall clock they were written from', () => {
  it('a full date and a time, in every language and clock spelling', () => {
    fc.assert(
      fc.property(wallClock, fc.nat(FULL_DATES.length - 1), fc.nat(TIMES.length - 1), fc.constantFrom(' ', ', '), (dt, d, t, gap) => {
        const text = `${FULL_DATES[d]!(dt)}${gap}${TIMES[t]!(dt)}`;
        expectWall(text, parserFor(null), dt, null);
      }),
      { numRuns: 600 },
    );
  });

  it('a date and a range, the end later the same day', () => {
    fc.assert(
      fc.property(
        wallClock,
        fc.integer({ min: 1, max: 24 * 60 - 1 }),
        fc.nat(FULL_DATES.length - 1),
        fc.nat(TIMES.length - 1),
        fc.constantFrom(...RANGE_SEPARATORS),
        fc.constantFrom(...RANGE_SUFFIXES),
        (dt, length, d, t, separator, suffix) => {
          const end = dt.plus({ minutes: length });
          fc.pre(end.day === dt.day && end.offset === dt.offset);
          // "Uhr" and "hrs" follow 24-hour clocks only.
          fc.pre(suffix === '' || t === 0 || t === 1 || t === 4 || t === 5);
          const time = TIMES[t]!;
          const text = `${FULL_DATES[d]!(dt)} ${time(dt)}${separator}${time(end)}${suffix}`;
          expectWall(text, parserFor(null), dt, end);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('a day label (day number, weekday, year-less date) with a time, against its first day', () => {
    fc.assert(
      fc.property(wallClock, fc.integer({ min: 0, max: 29 }), fc.nat(PARTIAL_DATES.length - 1), fc.nat(TIMES.length - 1), (dt, n, p, t) => {
        const spelling = PARTIAL_DATES[p]!;
        const text = `${spelling.text(dt, n)} ${TIMES[t]!(dt)}`;
        expectWall(text, parserFor(spelling.firstDay(dt, n)), dt, null);
      }),
      { numRuns: 600 },
    );
  });
});

describe('worded and two-line ranges read back to the wall clock they were written from', () => {
  // The opening word and the word between, as each language writes a range; the two-line form.
  const WORDED: Array<(start: string, end: string) => string> = [
    (s, e) => `de ${s} a ${e}`,
    (s, e) => `von ${s} bis ${e}`,
    (s, e) => `du ${s} à ${e}`,
    (s, e) => `dalle ${s} alle ${e}`,
    (s, e) => `das ${s} às ${e}`,
    (s, e) => `van ${s} tot ${e}`,
    (s, e) => `from ${s} to ${e}`,
    (s, e) => `${s}から${e}`,
    (s, e) => `${s}から${e}まで`,
    (s, e) => `${s}\n${e}`,
  ];
  it('a time range with an opening word, or on two lines, the end later the same day', () => {
    fc.assert(
      fc.property(
        wallClock,
        fc.integer({ min: 1, max: 24 * 60 - 1 }),
        fc.nat(WORDED.length - 1),
        fc.nat(TIMES.length - 1),
        (dt, length, w, t) => {
          const end = dt.plus({ minutes: length });
          fc.pre(end.day === dt.day);
          const text = WORDED[w]!(TIMES[t]!(dt), TIMES[t]!(end));
          const reading = readDateTimeCell(text, parserFor(null), 'time');
          if (!reading.ok) throw new Error(`${JSON.stringify(text)} ${reading.problem}`);
          expect([reading.value.time?.hour, reading.value.time?.minute], text).toEqual([dt.hour, dt.minute]);
          expect([reading.value.end?.hour, reading.value.end?.minute], text).toEqual([end.hour, end.minute]);
        },
      ),
      { numRuns: 600 },
    );
  });
});
