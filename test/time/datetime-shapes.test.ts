import { describe, expect, it } from 'vitest';
import { convertOne, issuesOf } from './rows.js';

// One combined date-time column, read in UTC so the expected instant is the wall clock itself.
describe('a single date-time column', () => {
  it.each([
    ['2027-03-14T09:30', '2027-03-14T09:30:00.000Z'],
    ['2027-03-14 09:30', '2027-03-14T09:30:00.000Z'],
    ['2027-03-14T09:30:15', '2027-03-14T09:30:15.000Z'],
    ['2027-03-14T09:30:15.250', '2027-03-14T09:30:15.250Z'],
    ['2027-03-14T09:30:15.123456', '2027-03-14T09:30:15.123Z'],
    ['2027-3-4 9:05', '2027-03-04T09:05:00.000Z'],
    ['3/14/2027 9:30 AM', '2027-03-14T09:30:00.000Z'],
    ['3/14/2027 9:30 PM', '2027-03-14T21:30:00.000Z'],
    ['3/14/2027 12:00 AM', '2027-03-14T00:00:00.000Z'],
    ['3/14/2027 12:15 PM', '2027-03-14T12:15:00.000Z'],
    ['03/14/2027 09:30:00 a.m.', '2027-03-14T09:30:00.000Z'],
    ['3/14/27 9:30 pm', '2027-03-14T21:30:00.000Z'],
    ['3-14-2027 9:30 PM', '2027-03-14T21:30:00.000Z'],
    ['14/3/2027 21:30', '2027-03-14T21:30:00.000Z'],
    ['14/03/2027 9:30', '2027-03-14T09:30:00.000Z'],
    ['2027/03/14 09:30', '2027-03-14T09:30:00.000Z'],
    ['14 Mar 2027 9:30', '2027-03-14T09:30:00.000Z'],
    ['14 March 2027 21:30', '2027-03-14T21:30:00.000Z'],
    ['14-Mar-2027 9:30 am', '2027-03-14T09:30:00.000Z'],
    ['Mar 14, 2027 9:30 AM', '2027-03-14T09:30:00.000Z'],
    ['March 14, 2027 at 9:30 PM', '2027-03-14T21:30:00.000Z'],
    ['Sunday, March 14, 2027 9:30 AM', '2027-03-14T09:30:00.000Z'],
    ['Sept 14 2027 10:00', '2027-09-14T10:00:00.000Z'],
    ['14.3.2027 9:30', '2027-03-14T09:30:00.000Z'],
    ['14.03.2027 21:30', '2027-03-14T21:30:00.000Z'],
    ['3/14/2027 noon', '2027-03-14T12:00:00.000Z'],
    ['3/14/2027 midnight', '2027-03-14T00:00:00.000Z'],
    ['2027-03-14 9.30pm', '2027-03-14T21:30:00.000Z'],
    ['2027-03-14 24:00', '2027-03-15T00:00:00.000Z'],
    ['  2027-03-14\u00a0 09:30 ', '2027-03-14T09:30:00.000Z'],
  ])('%s in UTC is %s', (text, expected) => {
    const result = convertOne({ datetime_start: text });
    expect(result).toMatchObject({ ok: true, start_time: expected, all_day: false, zone: 'UTC' });
  });

  it.each([
    ['2027-03-14T09:30:00Z', '2027-03-14T09:30:00.000Z'],
    ['2027-03-14T09:30:00+05:30', '2027-03-14T04:00:00.000Z'],
    ['2027-03-14T09:30:00-0400', '2027-03-14T13:30:00.000Z'],
    ['2027-03-14T09:30:00.000000+0000', '2027-03-14T09:30:00.000Z'],
    ['2027-03-14 09:30 -04:00', '2027-03-14T13:30:00.000Z'],
    ['2027-03-14 09:30 UTC', '2027-03-14T09:30:00.000Z'],
  ])('%s keeps its own instant %s whatever the zone', (text, expected) => {
    const result = convertOne({ datetime_start: text }, { timezone: 'Asia/Tokyo' });
    expect(result).toMatchObject({ ok: true, start_time: expected, zone: 'offset' });
  });

  it('converts local wall-clock times in the given zone', () => {
    expect(convertOne({ datetime_start: '3/14/2027 9:00 AM' }, { timezone: 'America/New_York' })).toMatchObject({
      start_time: '2027-03-14T13:00:00.000Z',
      zone: 'America/New_York',
    });
    expect(convertOne({ datetime_start: '14.01.2027 09:00' }, { timezone: 'Europe/Berlin' })).toMatchObject({
      start_time: '2027-01-14T08:00:00.000Z',
    });
  });

  it('reads an end date-time column the same way', () => {
    const result = convertOne({ datetime_start: '2027-03-14 09:00', datetime_end: '2027-03-14 10:15' }, { timezone: 'Europe/Berlin' });
    expect(result).toMatchObject({ ok: true, start_time: '2027-03-14T08:00:00.000Z', end_time: '2027-03-14T09:15:00.000Z' });
  });

  it('a bare end time after a date-time start falls on the start date', () => {
    const result = convertOne({ datetime_start: '2027-03-14 09:00', end: '10:30' });
    expect(result).toMatchObject({ ok: true, end_time: '2027-03-14T10:30:00.000Z' });
  });

  it('names row, column, value and the expected format for an impossible date', () => {
    const [issue] = issuesOf(convertOne({ datetime_start: '31/02/2027 9:00' })).issues;
    expect(issue).toMatchObject({ code: 'bad_date', severity: 'error', row: 2, column: 'Start', value: '31/02/2027 9:00' });
    expect(issue?.message).toBe('Row 2, column "Start": "31/02/2027 9:00" is not a date (expected d/M/yyyy H:mm)');
  });

  it.each([
    ['2027-13-01 09:00', 'is not a date (expected yyyy-MM-dd HH:mm)'],
    ['2027-02-29 09:00', 'is not a date'],
    ['2027-03-14 48:00', 'is not a date'],
    ['2027-03-14 9:60', 'is not a date'],
    ['2027-03-14 13:00 pm', 'is not a date'],
    ['next tuesday', 'is not a date'],
    ['2027-03-14T', 'is not a date'],
  ])('%s is a bad_date row issue', (text, problem) => {
    const [issue] = issuesOf(convertOne({ datetime_start: text })).issues;
    expect(issue?.code).toBe('bad_date');
    expect(issue?.message).toContain(`"${text}" ${problem}`);
  });

  it('a time without any date is reported, not guessed', () => {
    const [issue] = issuesOf(convertOne({ datetime_start: '9:30' })).issues;
    expect(issue?.message).toBe(
      'Row 2, column "Start": "9:30" has a time but no date: add a "Date" column, write the date with the time, or give the day of a one-day sheet with --first-day YYYY-MM-DD',
    );
  });

  it('a sheet with times and no date column is one day: day 1 of --first-day', () => {
    const times = convertOne({ start: '9:30-10:15' }, { timezone: 'Europe/Berlin', firstDay: '2027-05-18' });
    expect(times).toMatchObject({ ok: true, start_time: '2027-05-18T07:30:00.000Z', end_time: '2027-05-18T08:15:00.000Z' });
  });

  it('reports a row with no start at all', () => {
    const [issue] = issuesOf(convertOne({ datetime_start: '  ', duration: '30' })).issues;
    expect(issue).toMatchObject({ code: 'required', row: 2 });
  });

  it('an end date without a time is an error', () => {
    const [issue] = issuesOf(convertOne({ datetime_start: '2027-03-14 09:00', datetime_end: '2027-03-15' })).issues;
    expect(issue).toMatchObject({ code: 'bad_time', column: 'End' });
  });
});
