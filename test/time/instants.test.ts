import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { formatLocal, isCanonicalIso, parseInstant, sameInstant, wallClockAt } from '../../src/time/index.js';

describe('isCanonicalIso', () => {
  it('is true exactly for what toISOString writes for the years 0000-9999', () => {
    for (const ms of [
      0,
      Date.UTC(2027, 2, 14, 9, 5, 7, 42),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      Date.UTC(0, 0, 1) - 86_400_000 * 365 * 1900,
    ]) {
      const text = new Date(ms).toISOString();
      expect(isCanonicalIso(text)).toBe(text.length === 24);
    }
    for (const text of [
      '2027-03-14T09:05:07Z',
      '2027-03-14 09:05:07.042Z',
      '2027-03-14T09:05:07.042+00:00',
      '+010000-01-01T00:00:00.000Z',
      '2027-03-14T09:05:07.04xZ',
      '',
    ]) {
      expect(isCanonicalIso(text)).toBe(false);
    }
  });
});

describe('sameInstant', () => {
  it.each([
    ['2017-09-18T16:00:00.000000+0000', '2017-09-18T16:00:00Z', true],
    ['2017-09-18T16:00:00.000000+0000', '2017-09-18T16:00:00.000Z', true],
    ['2017-09-18T18:00:00+02:00', '2017-09-18T16:00:00Z', true],
    ['2017-09-18T16:00:00.000000+0000', '2017-09-18T16:00:01Z', false],
    ['2017-09-18T16:00:00.000Z', '2017-09-18T16:01:00.000000+0000', false],
    ['2017-09-18T16:00:00.123456Z', '2017-09-18T16:00:00.123Z', true],
    ['2017-09-18 16:00:00', '2017-09-18T16:00:00Z', true],
    [null, null, true],
    [null, '', true],
    ['  ', null, true],
    ['', '  ', true],
    [undefined, null, true],
    [null, '2017-09-18T16:00:00Z', false],
    ['2017-09-18T16:00:00Z', undefined, false],
    ['garbage', 'garbage', true],
    ['garbage', 'other', false],
  ])('%j vs %j: %s', (a, b, same) => {
    expect(sameInstant(a, b)).toBe(same);
    expect(sameInstant(b, a)).toBe(same);
  });
});

describe('formatLocal (for export)', () => {
  it.each([
    ['2027-03-14T13:00:00.000Z', 'America/New_York', '2027-03-14', '09:00'],
    ['2017-09-18T16:00:00.000000+0000', 'America/New_York', '2017-09-18', '12:00'],
    ['2027-03-14T06:59:00.000Z', 'America/New_York', '2027-03-14', '01:59'],
    ['2027-03-14T07:00:00.000Z', 'America/New_York', '2027-03-14', '03:00'],
    ['2027-11-07T05:30:00.000Z', 'America/New_York', '2027-11-07', '01:30'],
    ['2027-11-07T06:30:00.000Z', 'America/New_York', '2027-11-07', '01:30'],
    ['2027-03-13T21:00:00Z', 'Asia/Kolkata', '2027-03-14', '02:30'],
    ['2027-09-25T14:00:00Z', 'Pacific/Chatham', '2027-09-26', '03:45'],
    ['2027-03-14T13:00:15.000Z', 'UTC', '2027-03-14', '13:00:15'],
    ['2027-03-14T23:30:00Z', 'europe/berlin', '2027-03-15', '00:30'],
  ])('%s in %s is %s %s', (iso, zone, date, time) => {
    expect(formatLocal(iso, zone)).toEqual({ date, time });
  });

  it('refuses an unknown zone with a timezone error', () => {
    expect(() => formatLocal('2027-03-14T13:00:00Z', 'Mars/Olympus')).toThrow(GuidebookImportError);
  });

  it('refuses a value that is not a date-time', () => {
    expect(() => formatLocal('soon', 'UTC')).toThrow(RangeError);
  });
});

describe('parseInstant: the one reader of API and ISO instants', () => {
  it('reads the server form with microseconds and a colon-less offset', () => {
    expect(parseInstant('2017-09-18T16:00:00.000000+0000')).toBe(Date.UTC(2017, 8, 18, 16));
  });

  it('applies offsets with and without a colon, and Z', () => {
    const utc = Date.UTC(2027, 2, 1, 14, 30);
    expect(parseInstant('2027-03-01T14:30:00Z')).toBe(utc);
    expect(parseInstant('2027-03-01T09:30:00-05:00')).toBe(utc);
    expect(parseInstant('2027-03-01T20:00:00.000+0530')).toBe(utc);
    expect(parseInstant('2027-03-01 14:30')).toBe(utc);
  });

  it('keeps milliseconds and ignores digits below them', () => {
    expect(parseInstant('2027-03-01T14:30:00.123456Z')).toBe(Date.UTC(2027, 2, 1, 14, 30, 0, 123));
  });

  it('reads a text without an offset as UTC, whatever the machine zone', () => {
    expect(parseInstant('2027-03-01T10:00:00')).toBe(Date.UTC(2027, 2, 1, 10));
    expect(parseInstant('2027-03-01')).toBe(Date.UTC(2027, 2, 1));
  });

  it('answers null for what is no instant', () => {
    for (const text of ['', '  ', 'soon', 'next Tuesday', '01/03/2027 14:30', '2027-03-01T10']) expect(parseInstant(text), text).toBeNull();
  });
});

describe('wallClockAt: the one UTC to local conversion', () => {
  it.each([
    [Date.UTC(2027, 2, 14, 6, 59), 'America/New_York', Date.UTC(2027, 2, 14, 1, 59)],
    [Date.UTC(2027, 2, 14, 7, 0), 'America/New_York', Date.UTC(2027, 2, 14, 3, 0)],
    [Date.UTC(2027, 10, 7, 6, 30), 'america/new_york', Date.UTC(2027, 10, 7, 1, 30)],
    [Date.UTC(2027, 2, 13, 21), 'Asia/Kolkata', Date.UTC(2027, 2, 14, 2, 30)],
    [Date.UTC(2027, 2, 13, 21), 'UTC', Date.UTC(2027, 2, 13, 21)],
  ])('%i in %s', (utc, zone, wall) => {
    expect(wallClockAt(utc, zone)).toBe(wall);
  });

  it('refuses a name that is no zone', () => {
    expect(() => wallClockAt(0, 'offset')).toThrow(RangeError);
  });
});
