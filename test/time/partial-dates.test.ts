import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { readDayLabel } from '../../src/time/index.js';
import { convertAll, convertOne, mappedRow } from './rows.js';

// Day 1 is Monday 17 May 2027 throughout. Berlin is UTC+2 in May: 9:00 local is 07:00Z.
const FIRST = { timezone: 'Europe/Berlin', firstDay: '2027-05-17' };
const at = (day: string): string => `${day}T07:00:00.000Z`;

function thrown(run: () => unknown): GuidebookImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof GuidebookImportError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('day numbers count from --first-day', () => {
  it.each([
    ['1', '2027-05-17'],
    ['Day 2', '2027-05-18'],
    ['day2', '2027-05-18'],
    ['Día 3', '2027-05-19'],
    ['Dia 3', '2027-05-19'],
    ['Tag 1', '2027-05-17'],
    ['Tag 0', '2027-05-16'],
    ['Jour 2', '2027-05-18'],
    ['Dag 1', '2027-05-17'],
    ['Giorno 4', '2027-05-20'],
    ['1日目', '2027-05-17'],
    ['第2日目', '2027-05-18'],
    ['2nd day', '2027-05-18'],
  ])('%s', (text, day) => {
    expect(convertOne({ date: text, start: '9:00' }, FIRST)).toMatchObject({ ok: true, start_time: at(day) });
  });

  it.each([
    ['Day 1 - Monday', '2027-05-17'],
    ['Day 2 (Tuesday)', '2027-05-18'],
    ['Tag 2: Dienstag, 18. Mai', '2027-05-18'],
    ['Wednesday (19 May)', '2027-05-19'],
  ])('a label and what it names: %s (a full date wins)', (text, day) => {
    expect(convertOne({ date: text, start: '9:00' }, FIRST)).toMatchObject({ ok: true, start_time: at(day) });
  });

  it.each([
    ['Wed 18 May 2027', 'says Wednesday, but 2027-05-18 is a Tuesday: correct the day or the date'],
    ['Mittwoch, 18. Mai', 'says Wednesday, but 2027-05-18 is a Tuesday: correct the day or the date'],
    ['5月18日(水)', 'says Wednesday, but 2027-05-18 is a Tuesday: correct the day or the date'],
    ['Monday (19 May)', 'says Monday, but 2027-05-19 is a Wednesday: correct the day or the date'],
  ])("a weekday that is not the date's is the row error: %s", (text, problem) => {
    const result = convertOne({ date: text, start: '9:00' }, FIRST);
    expect(result.ok ? null : result.issues[0]?.message).toBe(`Row 2, column "Date": ${JSON.stringify(text)} ${problem}`);
  });

  it('a day number with its time: "Day 3: 9:00"', () => {
    expect(convertOne({ date: 'Day 3: 9:00' }, FIRST)).toMatchObject({ ok: true, start_time: at('2027-05-19'), all_day: false });
  });

  it('a day number typed as a number in a workbook', () => {
    expect(convertOne({ date: 3, start: '9:00' }, FIRST)).toMatchObject({ start_time: at('2027-05-19') });
  });
});

describe('weekday names are the first such day on or after day 1', () => {
  it.each([
    ['Monday', '2027-05-17'],
    ['Thursday', '2027-05-20'],
    ['THU', '2027-05-20'],
    ['Sunday', '2027-05-23'],
    ['jueves', '2027-05-20'],
    ['miércoles', '2027-05-19'],
    ['Donnerstag', '2027-05-20'],
    ['Mi.', '2027-05-19'],
    ['jeudi', '2027-05-20'],
    ['mercredi', '2027-05-19'],
    ['giovedì', '2027-05-20'],
    ['quinta-feira', '2027-05-20'],
    ['Quinta', '2027-05-20'],
    ['donderdag', '2027-05-20'],
    ['木曜日', '2027-05-20'],
    ['(木)', '2027-05-20'],
  ])('%s', (text, day) => {
    expect(convertOne({ date: text, start: '9:00' }, FIRST)).toMatchObject({ ok: true, start_time: at(day) });
  });
});

describe('dates without a year take the year nearest day 1', () => {
  it.each([
    ['May 18', '2027-05-18'],
    ['18 May', '2027-05-18'],
    ['Tue 18 May', '2027-05-18'],
    ['18. Mai', '2027-05-18'],
    ['Mittwoch, 19. Mai', '2027-05-19'],
    ['18 mai', '2027-05-18'],
    ['18 de mayo', '2027-05-18'],
    ['5月18日', '2027-05-18'],
    ['5月18日(火)', '2027-05-18'],
    ['18.5.', '2027-05-18'],
    ['0518', '2027-05-18'],
  ])('%s', (text, day) => {
    expect(convertOne({ date: text, start: '9:00' }, FIRST)).toMatchObject({ ok: true, start_time: at(day) });
  });

  it('"4/21" proves nothing alone, but a column with "4/21" and "4/30" is month/day', () => {
    const rows = [mappedRow(2, { date: '4/21', start: '9:00' }), mappedRow(3, { date: '4/30', start: '9:00' })];
    const [first, second] = convertAll(rows, FIRST);
    expect(first).toMatchObject({ ok: true, start_time: at('2027-04-21') });
    expect(second).toMatchObject({ ok: true, start_time: at('2027-04-30') });
  });

  it('a year-less date across New Year: 2 Jan after a first day of 30 December is the next year', () => {
    expect(convertOne({ date: 'Jan 2', start: '9:00' }, { timezone: 'UTC', firstDay: '2027-12-30' })).toMatchObject({
      start_time: '2028-01-02T09:00:00.000Z',
    });
    expect(convertOne({ date: '1126', start: '9:00' }, { timezone: 'UTC', firstDay: '2027-12-30' })).toMatchObject({
      start_time: '2027-11-26T09:00:00.000Z',
    });
  });

  it('29 February goes to the nearest year that has one', () => {
    expect(convertOne({ date: '29. Februar', start: '9:00' }, { timezone: 'UTC', firstDay: '2027-03-01' })).toMatchObject({
      start_time: '2028-02-29T09:00:00.000Z',
    });
  });

  it('a year-less date that is no date is the row error', () => {
    const result = convertOne({ date: '31 June', start: '9:00' }, FIRST);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.issues[0]?.code).toBe('bad_date');
  });
});

describe('without a first day', () => {
  it.each(['Day 2', 'Thursday', 'May 18', '18.5.', '1'])('"%s" stops the run with a file error naming --first-day', (text) => {
    const error = thrown(() => convertOne({ date: text, start: '9:00' }, { timezone: 'UTC' }));
    expect(error.code).toBe('date_format');
    expect(error.message).toBe(
      `Column "Date" gives days without a full date (row 2: ${JSON.stringify(text)}): pass --first-day YYYY-MM-DD ` +
        "(the date of day 1; on import the guide's start date is used when it has one).",
    );
  });

  it("on import the guide's start date is day 1", () => {
    const options = { timezone: 'UTC', guideWindow: { start_date: '2027-05-17', end_date: '2027-05-19' } };
    expect(convertOne({ date: 'Day 2', start: '9:00' }, options)).toMatchObject({ start_time: '2027-05-18T09:00:00.000Z' });
    // --first-day wins over the guide's.
    expect(convertOne({ date: 'Day 2', start: '9:00' }, { ...options, firstDay: '2027-06-01' })).toMatchObject({
      start_time: '2027-06-02T09:00:00.000Z',
    });
  });

  it('a bad --first-day is a usage error', () => {
    const error = thrown(() => convertOne({ date: '2027-05-18', start: '9:00' }, { timezone: 'UTC', firstDay: '18/05/2027' }));
    expect(error.code).toBe('usage');
    expect(error.message).toContain('--first-day "18/05/2027" is not a date');
  });
});

describe('month and weekday names in the sheet language, with a year', () => {
  it.each([
    ['18. Mai 2027', '2027-05-18'],
    ['18 mai 2027', '2027-05-18'],
    ['Mittwoch, 19. Mai 2027', '2027-05-19'],
    ['18 de mayo de 2027', '2027-05-18'],
    ['martes, 18 de mayo de 2027', '2027-05-18'],
    ['18 maggio 2027', '2027-05-18'],
    ['18 de maio de 2027', '2027-05-18'],
    ['terça-feira, 18 de maio de 2027', '2027-05-18'],
    ['18 mei 2027', '2027-05-18'],
    ['1er juin 2027', '2027-06-01'],
    ['3. März 2027', '2027-03-03'],
    ['3 Marz 2027', '2027-03-03'],
    ['2027年5月18日', '2027-05-18'],
    ['2027年5月18日(火)', '2027-05-18'],
    ['18 décembre 2027', '2027-12-18'],
    ['18 dez 2027', '2027-12-18'],
  ])('%s', (text, day) => {
    expect(convertOne({ date: text, start: '9:00' }, { timezone: 'Europe/Berlin' })).toMatchObject({
      ok: true,
      start_time: day.startsWith('2027-12') || day.startsWith('2027-03') ? `${day}T08:00:00.000Z` : at(day),
    });
  });

  it('"Mar" alone is Tuesday only in a sheet whose language says so', () => {
    const result = convertOne({ date: 'Mar', start: '9:00' }, FIRST);
    expect(result.ok ? null : result.issues[0]?.message).toBe(
      'Row 2, column "Date": "Mar" names a month or weekday "mar" that languages read differently: pass --locale (en, es, de, fr, it, pt, nl or ja)',
    );
    expect(convertOne({ date: 'Mar', start: '9:00' }, { ...FIRST, locale: 'fr' })).toMatchObject({ start_time: at('2027-05-18') });
    const rows = [mappedRow(2, { date: 'lunes', start: '9:00' }), mappedRow(3, { date: 'mar', start: '9:00' })];
    expect(convertAll(rows, FIRST)[1]).toMatchObject({ ok: true, start_time: at('2027-05-18') });
  });

  it('--locale must be one of the languages read', () => {
    const error = thrown(() => convertOne({ date: '2027-05-18', start: '9:00' }, { timezone: 'UTC', locale: 'xx' }));
    expect(error.code).toBe('usage');
    expect(error.message).toBe('--locale "xx" is not a language read here: use one of en, es, de, fr, it, pt, nl, ja');
  });

  it('a column written in German reads 03/04/2027 day first; --locale de says the same for a column without names', () => {
    const rows = [mappedRow(2, { date: 'Mittwoch, 03.04.', start: '9:00' }), mappedRow(3, { date: '03/04/2027', start: '9:00' })];
    const [, numeric] = convertAll(rows, FIRST);
    expect(numeric).toMatchObject({ ok: true, start_time: '2027-04-03T07:00:00.000Z' });
    const plain = [mappedRow(2, { date: '03/04/2027', start: '9:00' })];
    expect(convertAll(plain, { timezone: 'UTC', locale: 'de' })[0]).toMatchObject({ start_time: '2027-04-03T09:00:00.000Z' });
    expect(() => convertAll(plain, { timezone: 'UTC' })).toThrow(/--locale/);
  });
});

describe('readDayLabel: one reader for cells, sheet names and section rows', () => {
  const context = { firstDay: '2027-05-17' };
  it.each([
    ['Monday', { year: 2027, month: 5, day: 17 }],
    ['FRIDAY', { year: 2027, month: 5, day: 21 }],
    ['Day 1', { year: 2027, month: 5, day: 17 }],
    ['Tag 0', { year: 2027, month: 5, day: 16 }],
    ['18 May', { year: 2027, month: 5, day: 18 }],
    ['2027-05-19', { year: 2027, month: 5, day: 19 }],
    ['Donnerstag, 20. Mai', { year: 2027, month: 5, day: 20 }],
    ['木曜日', { year: 2027, month: 5, day: 20 }],
  ])('%s', (text, date) => {
    expect(readDayLabel(text, context)).toEqual({ ok: true, date });
  });

  it.each(['MINI CURSOS', 'Keynote', '9:00', '2027-05-18 09:00', ''])('"%s" is no day label', (text) => {
    expect(readDayLabel(text, context)).toBeNull();
  });

  it('a day label without a first day says which option to add', () => {
    expect(readDayLabel('Day 2', { firstDay: null })).toEqual({
      ok: false,
      needsFirstDay: true,
      problem: "is a day number: pass --first-day YYYY-MM-DD (the date of day 1; on import the guide's start date is used when it has one)",
    });
    expect(readDayLabel('2027-05-18', { firstDay: null })).toEqual({ ok: true, date: { year: 2027, month: 5, day: 18 } });
  });
});
