import { describe, expect, it } from 'vitest';
import { sheetSpanWarnings, type RowTimes } from '../../src/validate/index.js';
import { convertOne } from './rows.js';

const codes = (result: RowTimes): string[] => (result.ok ? result.warnings.map((w) => w.code) : ['(failed)']);

describe('warnings that do not stop a row', () => {
  it.each([
    ['05:59', true],
    ['06:00', false],
    ['12:00', false],
    ['23:00', false],
    ['23:01', true],
    ['00:00', true],
  ])('a start at %s local time warns: %s', (start, warns) => {
    const result = convertOne({ date: '2027-03-15', start }, { timezone: 'America/New_York' });
    expect(codes(result).includes('suspicious_time')).toBe(warns);
  });

  it('names the local time and zone, and suggests checking AM/PM', () => {
    const result = convertOne({ date: '2027-03-15', start: '3:00' }, { timezone: 'America/New_York' });
    expect(result.ok && result.warnings[0]?.message).toBe(
      'Row 2, column "Start Time": "3:00" starts at 03:00 local time (America/New_York); check AM/PM and the 24-hour clock',
    );
  });

  it('all-day rows do not get the early-start warning', () => {
    expect(codes(convertOne({ date: '2027-03-15' }))).toEqual([]);
  });

  it('a session over 24 hours warns; exactly 24 does not', () => {
    const long = convertOne({ date: '2027-03-15', start: '9:00', duration: '25h' });
    expect(codes(long)).toEqual(['suspicious_time']);
    expect(long.ok && long.warnings[0]?.message).toBe('Row 2, column "Duration": "25h" makes the session 25 h long (over 24 hours)');
    expect(codes(convertOne({ date: '2027-03-15', start: '9:00', duration: '24h' }))).toEqual([]);
    expect(codes(convertOne({ datetime_start: '2027-03-15 09:00', datetime_end: '2027-03-16 09:30' }))).toEqual(['suspicious_time']);
  });

  describe('dates outside the guide window, with 14 days of slack', () => {
    const guideWindow = { start_date: '2027-03-12', end_date: '2027-03-15' };
    it.each([
      ['2027-02-26', false],
      ['2027-02-25', true],
      ['2027-03-29', false],
      ['2027-03-30', true],
      ['2026-03-14', true],
    ])('%s warns: %s', (date, warns) => {
      const result = convertOne({ date, start: '10:00' }, { timezone: 'UTC', guideWindow });
      expect(codes(result).includes('out_of_window')).toBe(warns);
    });

    it('names the date and the guide dates', () => {
      const result = convertOne({ date: '2026-03-14', start: '10:00' }, { timezone: 'UTC', guideWindow });
      expect(result.ok && result.warnings[0]?.message).toBe(
        'Row 2, column "Start Time": "10:00" is on 2026-03-14, more than 14 days outside the guide\'s dates (2027-03-12 to 2027-03-15); check the year and the day/month order',
      );
    });

    it('uses the local date, not the UTC one', () => {
      // 2027-03-29 23:30 in Los Angeles is 2027-03-30 in UTC: still inside the slack.
      const result = convertOne({ date: '2027-03-29', start: '23:00' }, { timezone: 'America/Los_Angeles', guideWindow });
      expect(codes(result).includes('out_of_window')).toBe(false);
    });

    it('a guide without dates gives no window warnings', () => {
      expect(codes(convertOne({ date: '1999-01-01', start: '10:00' }, { timezone: 'UTC', guideWindow: { start_date: null } }))).toEqual([]);
    });
  });
});

describe('sheetSpanWarnings', () => {
  it('warns when the starts span more than 59 days', () => {
    expect(sheetSpanWarnings(['2027-01-01T10:00:00.000Z', '2027-03-15T09:00:00.000Z', '2027-02-01T00:00:00.000Z'])).toEqual([
      'the sheet spans 73 days (2027-01-01 to 2027-03-15 UTC); an event agenda rarely covers that long: check the years and the day/month order',
    ]);
  });

  it('stays quiet up to 59 days, on empty input and on unreadable values', () => {
    expect(sheetSpanWarnings(['2027-01-01T10:00:00.000Z', '2027-03-01T23:00:00.000Z'])).toEqual([]);
    expect(sheetSpanWarnings([])).toEqual([]);
    expect(sheetSpanWarnings(['', 'not a date'])).toEqual([]);
  });

  it('finds the same span whatever the mix of ISO spellings and years', () => {
    const starts = ['2027-03-15T09:00:00.000Z', '2027-01-01T10:00:00+01:00', '0999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z'];
    // An extended year is not an API datetime: it is passed over, as any unreadable value.
    expect(sheetSpanWarnings(starts)[0]).toContain('spans 375178 days (0999-12-31 to 2027-03-15 UTC)');
    expect(sheetSpanWarnings(['2027-03-15T09:00:00.000Z', '2026-12-31T23:30:00-01:00'])[0]).toContain('(2027-01-01 to 2027-03-15 UTC)');
  });

  it('reads API-style datetimes too', () => {
    expect(sheetSpanWarnings(['2017-09-18T16:00:00.000000+0000', '2017-12-18T16:00:00.000000+0000'])[0]).toContain('spans 91 days');
  });
});
