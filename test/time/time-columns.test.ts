import { describe, expect, it } from 'vitest';
import { convertOne, issuesOf } from './rows.js';

const at = (hhmm: string): string => `2027-03-14T${hhmm}:00.000Z`;

describe('a date column plus start and end time columns', () => {
  it.each([
    ['9:30', at('09:30')],
    ['09:30', at('09:30')],
    ['9:30 AM', at('09:30')],
    ['9:30 pm', at('21:30')],
    ['9:30PM', at('21:30')],
    ['9.30am', at('09:30')],
    ['9.30 p.m.', at('21:30')],
    ['0930', at('09:30')],
    ['930', at('09:30')],
    ['1400', at('14:00')],
    ['9h30', at('09:30')],
    ['21h', at('21:00')],
    ['21h00', at('21:00')],
    ['9:30:15', '2027-03-14T09:30:15.000Z'],
    ['noon', at('12:00')],
    ['12 noon', at('12:00')],
    ['midnight', at('00:00')],
    ['12:00 am', at('00:00')],
    ['12:30 pm', at('12:30')],
    ['9am', at('09:00')],
    ['9 PM', at('21:00')],
    ['21:00', at('21:00')],
  ])('start time %s', (text, expected) => {
    expect(convertOne({ date: '2027-03-14', start: text })).toMatchObject({ ok: true, start_time: expected, all_day: false });
  });

  it.each(['48:00', '9:60', '13:00 pm', '0:30 am', '9', 'soon', '9:3'])('%s is not a time', (text) => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', start: text })).issues;
    expect(issue).toMatchObject({ code: 'bad_time', column: 'Start Time', value: text });
    expect(issue?.message).toBe(`Row 2, column "Start Time": "${text}" is not a time (expected H:mm or h:mm a)`);
  });

  it('reads the end on the start date', () => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', end: '10:30' }, { timezone: 'America/New_York' })).toMatchObject({
      ok: true,
      start_time: '2027-03-14T13:00:00.000Z',
      end_time: '2027-03-14T14:30:00.000Z',
    });
  });

  it('numbers in time columns: day fractions, hours and clock digits', () => {
    expect(convertOne({ date: '2027-03-14', start: 0.375, end: 0.4375 })).toMatchObject({ start_time: at('09:00'), end_time: at('10:30') });
    expect(convertOne({ date: '2027-03-14', start: 9, end: 1030 })).toMatchObject({ start_time: at('09:00'), end_time: at('10:30') });
  });

  it('a date column cell with its own time and no start time is a timed start', () => {
    expect(convertOne({ date: '3/14/2027 9:00 AM' })).toMatchObject({ ok: true, start_time: at('09:00'), all_day: false });
  });

  it('a start that carries another date than the date column is an error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', start: '2027-03-15 09:00' })).issues;
    expect(issue?.message).toBe('Row 2, column "Start Time": "2027-03-15 09:00" is on 2027-03-15, but column "Date" says 2027-03-14');
  });

  it('a time in the date column is not a date', () => {
    expect(issuesOf(convertOne({ date: '9:30', start: '10:00' })).issues[0]).toMatchObject({ code: 'bad_date', column: 'Date' });
  });
});

describe('end before start and --overnight', () => {
  it('without --overnight an earlier end is invalid and the message suggests the flag', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', start: '22:00', end: '01:00' })).issues;
    expect(issue).toMatchObject({ code: 'end_before_start', severity: 'error', column: 'End Time', value: '01:00' });
    expect(issue?.message).toBe(
      'Row 2, column "End Time": "01:00" ends at 01:00, before the start at 22:00; if the session runs past midnight, pass --overnight, write the end as 25:00 or fill in an End Date column',
    );
  });

  it('with --overnight the end is on the next day', () => {
    const result = convertOne({ date: '2027-03-14', start: '10:00 PM', end: '1:00 AM' }, { timezone: 'Europe/Berlin', overnight: true });
    expect(result).toMatchObject({ ok: true, start_time: '2027-03-14T21:00:00.000Z', end_time: '2027-03-15T00:00:00.000Z' });
  });

  it('an end equal to the start is kept', () => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', end: '9:00' })).toMatchObject({ ok: true, end_time: at('09:00') });
  });

  it('"midnight" and "24:00" as an end mean the end of the start day', () => {
    expect(convertOne({ date: '2027-03-14', start: '21:00', end: 'midnight' })).toMatchObject({ end_time: '2027-03-15T00:00:00.000Z' });
    expect(convertOne({ date: '2027-03-14', start: '21:00', end: '24:00' })).toMatchObject({ end_time: '2027-03-15T00:00:00.000Z' });
  });

  it('a full end date-time before the start is invalid even with --overnight, without suggesting it', () => {
    const result = convertOne(
      { datetime_start: '2027-03-14 09:00', datetime_end: '2027-03-13 10:00' },
      { timezone: 'UTC', overnight: true },
    );
    const [issue] = issuesOf(result).issues;
    expect(issue?.code).toBe('end_before_start');
    expect(issue?.message).toBe('Row 2, column "End": "2027-03-13 10:00" ends at 2027-03-13 10:00, before the start (2027-03-14 09:00)');
  });
});

describe('start plus duration', () => {
  it.each([
    ['90', '10:30'],
    ['1:30', '10:30'],
    ['1h30m', '10:30'],
    ['1h30', '10:30'],
    ['1 h 30 min', '10:30'],
    ['1h', '10:00'],
    ['90 min', '10:30'],
    ['90 mins', '10:30'],
    ['1.5h', '10:30'],
    ['1.5 hours', '10:30'],
    ['45m', '09:45'],
    ['2 hrs 15 mins', '11:15'],
    ['PT1H30M', '10:30'],
    ['0', '09:00'],
  ])('duration %s ends at %s', (duration, end) => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', duration })).toMatchObject({ ok: true, end_time: at(end) });
  });

  it('a whole number cell is minutes', () => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', duration: 90 })).toMatchObject({ end_time: at('10:30') });
  });

  it.each(['1.5', 'abc', '-30', '1:75', '1h 2h'])('%s is not a duration', (duration) => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', start: '9:00', duration })).issues;
    expect(issue).toMatchObject({ code: 'bad_duration', column: 'Duration', value: duration });
    expect(issue?.message).toContain(`"${duration}" is not a duration (expected minutes such as 90`);
  });

  it('a fractional number cell is refused: hours or minutes cannot be told apart', () => {
    expect(issuesOf(convertOne({ date: '2027-03-14', start: '9:00', duration: 1.5 })).issues[0]?.code).toBe('bad_duration');
  });

  it('a duration is elapsed time, across a DST change too', () => {
    const result = convertOne({ date: '2027-03-14', start: '1:30', duration: '60' }, { timezone: 'America/New_York' });
    expect(result).toMatchObject({ start_time: '2027-03-14T06:30:00.000Z', end_time: '2027-03-14T07:30:00.000Z' });
  });

  it('an end column wins over a duration', () => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', end: '9:20', duration: '90' })).toMatchObject({ end_time: at('09:20') });
  });
});

describe('all-day sessions', () => {
  it('a date with no time is all-day from local midnight, with no end', () => {
    expect(convertOne({ date: '2027-01-10' }, { timezone: 'America/New_York' })).toMatchObject({
      ok: true,
      all_day: true,
      start_time: '2027-01-10T05:00:00.000Z',
      end_time: null,
    });
    expect(convertOne({ datetime_start: '2027-07-10' }, { timezone: 'America/New_York' })).toMatchObject({
      all_day: true,
      start_time: '2027-07-10T04:00:00.000Z',
    });
  });

  it('an empty start time cell beside a date is all-day', () => {
    expect(convertOne({ date: '2027-03-14', start: '', end: '' }, { timezone: 'Asia/Kolkata' })).toMatchObject({
      all_day: true,
      start_time: '2027-03-13T18:30:00.000Z',
    });
  });

  it.each(['yes', 'Y', 'TRUE', 'x', '1', 1, true])('an all-day column saying %s wins over the times', (flag) => {
    const result = convertOne({ date: '2027-03-14', start: '9:00', end: '17:00', all_day: flag }, { timezone: 'Europe/Berlin' });
    expect(result).toMatchObject({ ok: true, all_day: true, start_time: '2027-03-13T23:00:00.000Z', end_time: null });
  });

  it.each(['no', 'false', '0', ''])('an all-day column saying %j keeps the times', (flag) => {
    expect(convertOne({ date: '2027-03-14', start: '9:00', all_day: flag })).toMatchObject({ ok: true, all_day: false });
  });

  it('an all-day column that is neither yes nor no is an error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', start: '9:00', all_day: 'maybe' })).issues;
    expect(issue).toMatchObject({ code: 'bad_boolean', column: 'All Day', value: 'maybe' });
  });

  it('"not all-day" with no time is an error, not a guess', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-14', all_day: 'no' })).issues;
    expect(issue).toMatchObject({ code: 'bad_time', column: 'Date' });
  });

  it('midnight inside a gap starts the day at the jump (Santiago moves clocks at 00:00)', () => {
    // Chile: on 2027-09-05 clocks jump from 00:00 to 01:00 (UTC-4 → UTC-3).
    const result = convertOne({ date: '2027-09-05' }, { timezone: 'America/Santiago' });
    expect(result).toMatchObject({ ok: true, all_day: true, start_time: '2027-09-05T04:00:00.000Z' });
  });
});
