import { describe, expect, it } from 'vitest';
import { convertAll, convertOne, issuesOf, mappedRow, startOf } from './rows.js';

// Tokyo is UTC+9 all year: 25:00 on 18 May is 01:00 on the 19th, 16:00Z on the 18th.
const TOKYO = { timezone: 'Asia/Tokyo' };
const BERLIN = { timezone: 'Europe/Berlin' };

describe('times past midnight written as 25:00', () => {
  it.each([
    ['24:30', '2027-05-18T15:30:00.000Z'],
    ['25:00', '2027-05-18T16:00:00.000Z'],
    ['28:30', '2027-05-18T19:30:00.000Z'],
  ])('a start of %s is the next day', (text, utc) => {
    expect(convertOne({ date: '2027-05-18', start: text }, TOKYO)).toMatchObject({ ok: true, start_time: utc });
  });

  it('an end of 26:00 after a start of 23:00 needs no --overnight', () => {
    expect(convertOne({ date: '2027-05-18', start: '23:00', end: '26:00' }, TOKYO)).toMatchObject({
      ok: true,
      start_time: '2027-05-18T14:00:00.000Z',
      end_time: '2027-05-18T17:00:00.000Z',
    });
  });

  it('an end before the start on the same day stays the row error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '23:00', end: '02:00' }, TOKYO)).issues;
    expect(issue?.code).toBe('end_before_start');
  });

  it('48:00 is no time', () => {
    expect(issuesOf(convertOne({ date: '2027-05-18', start: '48:00' }, TOKYO)).issues[0]?.code).toBe('bad_time');
  });

  it('across the Berlin autumn change: 23:00 to 27:30 on 30 October 2027 is five and a half real hours', () => {
    // 23:00 CEST = 21:00Z; 27:30 = 03:30 on the 31st, after clocks went back at 03:00 CEST → 02:00 CET: 02:30Z.
    expect(convertOne({ date: '2027-10-30', start: '23:00', end: '27:30' }, BERLIN)).toMatchObject({
      start_time: '2027-10-30T21:00:00.000Z',
      end_time: '2027-10-31T02:30:00.000Z',
    });
  });
});

describe('an End Date column for sessions across midnight or several days', () => {
  it('ends at the end time on the end date', () => {
    expect(convertOne({ date: '2027-05-18', start: '22:00', end: '02:00', end_date: '2027-05-19' }, BERLIN)).toMatchObject({
      ok: true,
      start_time: '2027-05-18T20:00:00.000Z',
      end_time: '2027-05-19T00:00:00.000Z',
    });
  });

  it('a session over three days', () => {
    expect(convertOne({ date: '2027-05-18', start: '09:00', end: '17:00', end_date: '2027-05-20' }, BERLIN)).toMatchObject({
      end_time: '2027-05-20T15:00:00.000Z',
    });
  });

  it('with a range in the start cell', () => {
    expect(convertOne({ date: '2027-05-18', start: '22:00-02:00', end_date: '2027-05-19' }, BERLIN)).toMatchObject({
      end_time: '2027-05-19T00:00:00.000Z',
    });
  });

  it('an end date before the start is the row error', () => {
    const result = issuesOf(convertOne({ date: '2027-05-18', start: '09:00', end: '10:00', end_date: '2027-05-17' }, BERLIN));
    expect(result.issues[0]?.code).toBe('end_before_start');
  });

  it('an end date with no end time is the row error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '09:00', end_date: '2027-05-19' }, BERLIN)).issues;
    expect(issue?.message).toBe(
      'Row 2, column "end_date": "2027-05-19" gives the day the session ends, but the row has no end time: add one',
    );
  });

  it('an all-day session over several days ends at the last second of its end date', () => {
    expect(convertOne({ date: '2027-05-18', end_date: '2027-05-20' }, BERLIN)).toMatchObject({
      ok: true,
      all_day: true,
      start_time: '2027-05-17T22:00:00.000Z',
      end_time: '2027-05-20T21:59:59.000Z',
    });
  });

  it('an end date that is no date is the row error', () => {
    expect(issuesOf(convertOne({ date: '2027-05-18', start: '09:00', end: '10:00', end_date: 'soon' }, BERLIN)).issues[0]?.code).toBe(
      'bad_date',
    );
  });
});

describe('values as a CSV keeps them', () => {
  it.each([
    ['0.7291666', '2027-05-18T15:30:00.000Z'],
    ['0.375', '2027-05-18T07:00:00.000Z'],
    ['0,5', '2027-05-18T10:00:00.000Z'],
  ])('a day fraction %s in a time column', (text, utc) => {
    expect(convertOne({ date: '2027-05-18', start: text }, BERLIN)).toMatchObject({ ok: true, start_time: utc });
  });

  it('"0.75" (no minutes) is a fraction, and beside certain fractions "0.25" is 06:00, not 00:25', () => {
    const rows = [
      mappedRow(2, { date: '2027-05-18', start: '0.375', end: '0.4166666667' }),
      mappedRow(3, { date: '2027-05-19', start: '0.25', end: '0.2916666667' }),
      mappedRow(4, { date: '2027-05-19', start: '0.75', end: '0.80' }),
    ];
    expect(convertAll(rows, BERLIN).map(startOf)).toEqual([
      '2027-05-18T07:00:00.000Z',
      '2027-05-19T04:00:00.000Z',
      '2027-05-19T16:00:00.000Z',
    ]);
  });

  it('"0.30" alone, in a column of clock times, stays half past midnight', () => {
    const rows = [mappedRow(2, { date: '2027-05-18', start: '23.30' }), mappedRow(3, { date: '2027-05-19', start: '0.30' })];
    expect(convertAll(rows, BERLIN).map(startOf)).toEqual(['2027-05-18T21:30:00.000Z', '2027-05-18T22:30:00.000Z']);
  });

  it.each([
    ['18/05/27', '2027-05-18T07:00:00.000Z'],
    ['18.05.27', '2027-05-18T07:00:00.000Z'],
    ['18-May-27', '2027-05-18T07:00:00.000Z'],
  ])('a 2-digit year %s', (text, utc) => {
    expect(convertOne({ date: text, start: '9:00' }, BERLIN)).toMatchObject({ ok: true, start_time: utc });
  });

  it('"18 May, 10:30" is no year 2010', () => {
    expect(convertOne({ datetime_start: '18 May, 10:30' }, { ...BERLIN, firstDay: '2027-05-17' })).toMatchObject({
      start_time: '2027-05-18T08:30:00.000Z',
    });
  });
});

describe("a bare hour with a word for o'clock", () => {
  it.each([
    ['14 Uhr', '2027-05-18T12:00:00.000Z'],
    ['9 Uhr - 10:30 Uhr', '2027-05-18T07:00:00.000Z'],
    ['18 horas', '2027-05-18T16:00:00.000Z'],
  ])('%s', (text, utc) => {
    expect(convertOne({ date: '2027-05-18', start: text }, BERLIN)).toMatchObject({ ok: true, start_time: utc });
  });
});
