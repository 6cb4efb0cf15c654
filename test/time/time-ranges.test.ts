import { describe, expect, it } from 'vitest';
import { convertOne, issuesOf } from './rows.js';

// A start and an end in one cell, hand-worked to UTC. 2027-05-18 is summer time: Berlin UTC+2,
// New York UTC-4; Tokyo is UTC+9 all year.

const BERLIN = { timezone: 'Europe/Berlin' };
const NEW_YORK = { timezone: 'America/New_York' };

describe('a range in the start cell (a Time column beside a Date column)', () => {
  it.each([
    ['9:00-10:30', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['09:00 – 10:00', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['09:00 — 10:00', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['07:00 AM - 11:59 PM', '2027-05-18T05:00:00.000Z', '2027-05-18T21:59:00.000Z'],
    ['9am–10:30am', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['14:00-15:30 Uhr', '2027-05-18T12:00:00.000Z', '2027-05-18T13:30:00.000Z'],
    ['10:00 - 10:50 hrs', '2027-05-18T08:00:00.000Z', '2027-05-18T08:50:00.000Z'],
    ['9h30 - 10h15', '2027-05-18T07:30:00.000Z', '2027-05-18T08:15:00.000Z'],
    ['9.30–10.15', '2027-05-18T07:30:00.000Z', '2027-05-18T08:15:00.000Z'],
    ['10:00 to 11:00', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['10:00 bis 11:00', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['10:00 a 11:00', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['10:00 às 11:00', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['1-2pm', '2027-05-18T11:00:00.000Z', '2027-05-18T12:00:00.000Z'],
    ['11:00-1:00pm', '2027-05-18T09:00:00.000Z', '2027-05-18T11:00:00.000Z'],
    ['１０：００～１１：００', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['10.00-11.30h', '2027-05-18T08:00:00.000Z', '2027-05-18T09:30:00.000Z'],
    ['13時30分～15時', '2027-05-18T11:30:00.000Z', '2027-05-18T13:00:00.000Z'],
    ['午後1時30分〜午後3時', '2027-05-18T11:30:00.000Z', '2027-05-18T13:00:00.000Z'],
    ['午前9:30-午前10:15', '2027-05-18T07:30:00.000Z', '2027-05-18T08:15:00.000Z'],
    ['9h-10h', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['11:30am - noon', '2027-05-18T09:30:00.000Z', '2027-05-18T10:00:00.000Z'],
  ])('%s in Berlin', (text, start, end) => {
    expect(convertOne({ date: '2027-05-18', start: text }, BERLIN)).toMatchObject({
      ok: true,
      start_time: start,
      end_time: end,
      endInStart: true,
    });
  });

  it('reads the same range in New York and Tokyo', () => {
    expect(convertOne({ date: '2027-05-18', start: '9:00-10:30' }, NEW_YORK)).toMatchObject({
      start_time: '2027-05-18T13:00:00.000Z',
      end_time: '2027-05-18T14:30:00.000Z',
    });
    expect(convertOne({ date: '2027-05-18', start: '9:00-10:30' }, { timezone: 'Asia/Tokyo' })).toMatchObject({
      start_time: '2027-05-18T00:00:00.000Z',
      end_time: '2027-05-18T01:30:00.000Z',
    });
  });

  it('a filled End that agrees is fine; one that differs is the row error', () => {
    expect(convertOne({ date: '2027-05-18', start: '9:00-10:30', end: '10:30' }, BERLIN)).toMatchObject({
      ok: true,
      end_time: '2027-05-18T08:30:00.000Z',
    });
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '9:00-10:30', end: '11:00' }, BERLIN)).issues;
    expect(issue).toMatchObject({ code: 'bad_time', column: 'End Time', value: '11:00' });
    expect(issue?.message).toBe('Row 2, column "End Time": "11:00" says 2027-05-18 11:00, but column "Start Time" gives an end at 10:30');
  });

  it('a range whose end is before its start runs past midnight (with a warning); 25:00 and --overnight say so without one', () => {
    const crossing = convertOne({ date: '2027-05-18', start: '22:00-01:00' }, BERLIN);
    expect(crossing).toMatchObject({ ok: true, start_time: '2027-05-18T20:00:00.000Z', end_time: '2027-05-18T23:00:00.000Z' });
    expect(crossing.ok && crossing.warnings.map((w) => w.message)).toEqual([
      'Row 2, column "Start Time": "22:00-01:00" ends before it starts, so the session runs past midnight: read as ending on ' +
        '2027-05-19 01:00 (write the end as 25:00 or fill in an End Date column to say so)',
    ]);
    expect(convertOne({ date: '2027-05-18', start: '22:00-25:00' }, BERLIN)).toMatchObject({
      start_time: '2027-05-18T20:00:00.000Z',
      end_time: '2027-05-18T23:00:00.000Z',
    });
    const overnight = convertOne({ date: '2027-05-18', start: '22:00-01:00' }, { ...BERLIN, overnight: true });
    expect(overnight).toMatchObject({ end_time: '2027-05-18T23:00:00.000Z', warnings: [] });
  });

  it('a date and a range across midnight in one cell is that range, not a time at UTC-01:00', () => {
    const crossing = convertOne({ datetime_start: '2027-05-18 23:00-01:00' }, BERLIN);
    expect(crossing).toMatchObject({ ok: true, start_time: '2027-05-18T21:00:00.000Z', end_time: '2027-05-18T23:00:00.000Z' });
    expect(crossing.ok && crossing.warnings.map((w) => w.code)).toEqual(['suspicious_time']);
  });

  it('a filled Duration must agree with the range', () => {
    expect(convertOne({ date: '2027-05-18', start: '9:00-10:30', duration: '90' }, BERLIN)).toMatchObject({
      ok: true,
      end_time: '2027-05-18T08:30:00.000Z',
    });
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '9:00-10:30', duration: '60' }, BERLIN)).issues;
    expect(issue?.message).toBe('Row 2, column "Duration": "60" says 60 min, but column "Start Time" gives 90 min');
  });

  it('an end cell holding a range is the row error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '9:00', end: '9:00-10:00' }, BERLIN)).issues;
    expect(issue?.message).toContain('holds a range');
  });
});

describe('a date and a range in one cell', () => {
  it.each([
    ['2027-05-18 09:00-10:30', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['2027-05-18 09:00-10:15', '2027-05-18T07:00:00.000Z', '2027-05-18T08:15:00.000Z'],
    ['2027-05-18, 9:00 - 10:30', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['Tue 18 May 2027, 9:00–10:30', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['18.05.2027 14:00-15:30 Uhr', '2027-05-18T12:00:00.000Z', '2027-05-18T13:30:00.000Z'],
    ['18 de mayo de 2027 de 10:00 a 11:00', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z'],
  ])('%s in one date-time column', (text, start, end) => {
    expect(convertOne({ datetime_start: text }, BERLIN)).toMatchObject({ ok: true, start_time: start, end_time: end });
  });

  it('a year-less "Tue 18 May, 9:00–10:30" takes its year from the first day', () => {
    expect(convertOne({ datetime_start: 'Tue 18 May, 9:00–10:30' }, { ...BERLIN, firstDay: '2027-05-17' })).toMatchObject({
      start_time: '2027-05-18T07:00:00.000Z',
      end_time: '2027-05-18T08:30:00.000Z',
    });
  });

  it('in the date column when there is no time column', () => {
    expect(convertOne({ date: '2027-05-18 09:00-10:30' }, NEW_YORK)).toMatchObject({
      start_time: '2027-05-18T13:00:00.000Z',
      end_time: '2027-05-18T14:30:00.000Z',
      all_day: false,
    });
  });

  it('"01:30-05:00" is a UTC offset in the hour the zone repeats (as export writes it) or with its own End, a range otherwise', () => {
    // 01:30 happens twice in New York that night and -05:00 is the second one's offset: the time
    // export wrote for 06:30 UTC, said on the row; a range needs spaces around its dash there.
    const repeated = convertOne({ datetime_start: '2027-11-07 01:30-05:00' }, NEW_YORK);
    expect(repeated).toMatchObject({ ok: true, start_time: '2027-11-07T06:30:00.000Z', end_time: null });
    expect(repeated.ok && repeated.warnings.map((w) => w.message).join('\n')).toContain('is read as a time with its UTC offset');
    expect(convertOne({ datetime_start: '2027-11-07 01:30 - 05:00' }, NEW_YORK)).toMatchObject({
      start_time: '2027-11-07T05:30:00.000Z', // 01:30 EDT, the first of the two 01:30s
      end_time: '2027-11-07T10:00:00.000Z', // 05:00 EST
    });
    // Any other night it is the range it looks like.
    expect(convertOne({ datetime_start: '2027-11-08 01:30-05:00' }, NEW_YORK)).toMatchObject({
      start_time: '2027-11-08T06:30:00.000Z',
      end_time: '2027-11-08T10:00:00.000Z',
    });
    // A Date column and the time alone in Start (export's own columns) read the same way.
    expect(convertOne({ date: '2027-11-07', start: '01:30-05:00' }, NEW_YORK)).toMatchObject({ start_time: '2027-11-07T06:30:00.000Z' });
    expect(convertOne({ datetime_start: '2027-11-07 01:30-05:00', datetime_end: '2027-11-07 02:15-05:00' }, NEW_YORK)).toMatchObject({
      ok: true,
      start_time: '2027-11-07T06:30:00.000Z',
      end_time: '2027-11-07T07:15:00.000Z',
      zone: 'offset',
    });
  });

  it('"2027-03-14T09:00-04:00" (ISO, with a T) is always an offset', () => {
    expect(convertOne({ datetime_start: '2027-03-14T09:00-04:00' }, BERLIN)).toMatchObject({
      start_time: '2027-03-14T13:00:00.000Z',
      end_time: null,
    });
  });
});

describe('ranges across a DST change', () => {
  it('Berlin, 28 March 2027 (02:00 → 03:00): 01:00-04:00 lasts two real hours', () => {
    expect(convertOne({ date: '2027-03-28', start: '01:00-04:00' }, BERLIN)).toMatchObject({
      start_time: '2027-03-28T00:00:00.000Z',
      end_time: '2027-03-28T02:00:00.000Z',
    });
  });

  it('Berlin, 28 March 2027: an end inside the gap is the row error', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-03-28', start: '01:30-02:30' }, BERLIN)).issues;
    expect(issue).toMatchObject({ code: 'dst_gap', column: 'Start Time' });
    expect(issue?.message).toContain('2027-03-28 02:30 does not exist in Europe/Berlin');
  });

  it('Berlin, 31 October 2027 (03:00 → 02:00): a start in the repeated hour takes the first, with a warning', () => {
    const result = convertOne({ date: '2027-10-31', start: '02:30-03:30' }, BERLIN);
    expect(result).toMatchObject({ ok: true, start_time: '2027-10-31T00:30:00.000Z', end_time: '2027-10-31T02:30:00.000Z' });
    expect(result.ok && result.warnings.map((w) => w.code)).toContain('dst_overlap');
  });

  it('New York, 14 March 2027 (02:00 → 03:00): "2027-03-14 01:00-03:00" is one real hour', () => {
    expect(convertOne({ datetime_start: '2027-03-14 01:00-03:00' }, NEW_YORK)).toMatchObject({
      start_time: '2027-03-14T06:00:00.000Z',
      end_time: '2027-03-14T07:00:00.000Z',
    });
  });
});

describe('an end written as open', () => {
  it.each(['Open-end', 'open end', 'TBA', 'TBD', 'offen', '?', 'Ende offen'])('End "%s": no end, with a warning', (text) => {
    const result = convertOne({ date: '2027-05-18', start: '18:00', end: text }, BERLIN);
    expect(result).toMatchObject({ ok: true, start_time: '2027-05-18T16:00:00.000Z', end_time: null });
    const warnings = result.ok ? result.warnings : [];
    expect(warnings).toEqual([expect.objectContaining({ code: 'open_end', severity: 'warning', column: 'End Time', value: text })]);
  });

  it.each(['18:00 - open end', '18:00–?', '18:00 bis offen', '18:00 - TBA'])('in the range "%s"', (text) => {
    const result = convertOne({ date: '2027-05-18', start: text }, BERLIN);
    expect(result).toMatchObject({ ok: true, start_time: '2027-05-18T16:00:00.000Z', end_time: null, endInStart: true });
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['open_end']);
  });

  it('an open range with a filled End disagrees', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '18:00 - open end', end: '19:00' }, BERLIN)).issues;
    expect(issue?.message).toContain('but column "Start Time" gives an open end');
  });
});

describe('field-test range spellings (issue 12)', () => {
  // Berlin in May is UTC+2: 9:00 local is 07:00Z.
  it.each([
    // noon/midnight words after a clock, am/pm with dots
    ['12:00 noon - 1:00 p.m.', '2027-05-18T10:00:00.000Z', '2027-05-18T11:00:00.000Z'],
    ['12 noon - 2 P.M.', '2027-05-18T10:00:00.000Z', '2027-05-18T12:00:00.000Z'],
    ['9:00 a.m. - 10:00 a.m.', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['10:00 - 12:00 Mittag', '2027-05-18T08:00:00.000Z', '2027-05-18T10:00:00.000Z'],
    ['10:00 PM - 12:00 midnight', '2027-05-18T20:00:00.000Z', '2027-05-18T22:00:00.000Z'],
    // a word opening the range
    ['de 11:00 a 12:00', '2027-05-18T09:00:00.000Z', '2027-05-18T10:00:00.000Z'],
    ['von 9 bis 10', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['von 9 bis 10 Uhr', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['du 9h à 10h', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['dalle 9 alle 10', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['dalle 9:30 alle 11', '2027-05-18T07:30:00.000Z', '2027-05-18T09:00:00.000Z'],
    ['das 9h às 10h', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['van 9 tot 10', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['from 9:00 to 10:15', '2027-05-18T07:00:00.000Z', '2027-05-18T08:15:00.000Z'],
    ['9時から10時', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z'],
    ['13時30分から15時まで', '2027-05-18T11:30:00.000Z', '2027-05-18T13:00:00.000Z'],
    // a start and an end on two lines of one cell
    ['09:00\n10:30', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ['9:00 AM\r\n10:30 AM', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    // an end at 00:00 is the end of the day, whatever its spelling
    ['07:30 PM - 12:00 AM', '2027-05-18T17:30:00.000Z', '2027-05-18T22:00:00.000Z'],
    ['22:00-00:00', '2027-05-18T20:00:00.000Z', '2027-05-18T22:00:00.000Z'],
    ['22:00-24:00', '2027-05-18T20:00:00.000Z', '2027-05-18T22:00:00.000Z'],
  ])('%j in Berlin', (text, start, end) => {
    const result = convertOne({ date: '2027-05-18', start: text }, BERLIN);
    expect(result).toMatchObject({ ok: true, start_time: start, end_time: end, endInStart: true, warnings: [] });
  });

  it('a date and a range on two lines', () => {
    expect(convertOne({ datetime_start: '2027-05-18 09:00\n10:30' }, BERLIN)).toMatchObject({
      start_time: '2027-05-18T07:00:00.000Z',
      end_time: '2027-05-18T08:30:00.000Z',
    });
  });

  it('two bare hours without a word, or three lines, are still no time', () => {
    expect(issuesOf(convertOne({ date: '2027-05-18', start: '9 - 10' }, BERLIN)).issues[0]?.code).toBe('bad_time');
    expect(issuesOf(convertOne({ date: '2027-05-18', start: '09:00\n10:30\n11:00' }, BERLIN)).issues[0]?.code).toBe('bad_time');
    expect(issuesOf(convertOne({ date: '2027-05-18', start: 'de 9 a' }, BERLIN)).issues[0]?.code).toBe('bad_time');
  });

  it('a one-cell range that would run over 12 hours past midnight is still the error (a slip, not a night)', () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '10:00-9:00' }, BERLIN)).issues;
    expect(issue?.code).toBe('end_before_start');
    // 18:00 to 06:00 is exactly 12 hours: a night, read so (16:00Z to 04:00Z the next day)
    expect(convertOne({ date: '2027-05-18', start: '18:00-06:00' }, BERLIN)).toMatchObject({
      ok: true,
      end_time: '2027-05-19T04:00:00.000Z',
    });
  });

  it('an end at the midnight after a morning start is read so, with a warning (noon may have been meant)', () => {
    const result = convertOne({ date: '2027-05-18', start: '9:00 AM - 12:00 AM' }, BERLIN);
    expect(result).toMatchObject({ ok: true, start_time: '2027-05-18T07:00:00.000Z', end_time: '2027-05-18T22:00:00.000Z' });
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      'Row 2, column "Start Time": "9:00 AM - 12:00 AM" ends at midnight, 15 h after a morning start: if noon was meant, write 12:00 PM or 12:00',
    ]);
  });

  it("separate Start and End columns keep their rule: an earlier end is an error, but 00:00 is the day's end", () => {
    const [issue] = issuesOf(convertOne({ date: '2027-05-18', start: '22:00', end: '01:00' }, BERLIN)).issues;
    expect(issue).toMatchObject({ code: 'end_before_start', column: 'End Time' });
    expect(convertOne({ date: '2027-05-18', start: '22:00', end: '00:00' }, BERLIN)).toMatchObject({
      ok: true,
      end_time: '2027-05-18T22:00:00.000Z',
    });
    expect(convertOne({ date: '2027-05-18', start: '7:30 PM', end: '12:00 AM' }, BERLIN)).toMatchObject({
      ok: true,
      start_time: '2027-05-18T17:30:00.000Z',
      end_time: '2027-05-18T22:00:00.000Z',
    });
  });
});
