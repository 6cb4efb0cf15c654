import { describe, expect, it } from 'vitest';
import { formatApiTimestamp, parseApiDateTime } from '../../src/sandbox/datetime.js';

describe('API datetimes', () => {
  it.each([
    ['2017-09-18T16:00:00', '2017-09-18T16:00:00.000000+0000'],
    ['2017-09-18T16:00', '2017-09-18T16:00:00.000000+0000'],
    ['2017-09-18 16:00:00Z', '2017-09-18T16:00:00.000000+0000'],
    ['2017-09-18T12:00:00-04:00', '2017-09-18T16:00:00.000000+0000'],
    ['2017-09-19T01:30:00+0930', '2017-09-18T16:00:00.000000+0000'],
    ['2017-09-18T23:30:00-05', '2017-09-19T04:30:00.000000+0000'],
    ['2017-09-18T16:00:00.5Z', '2017-09-18T16:00:00.500000+0000'],
    ['2017-09-18T16:00:00.1234567+00:00', '2017-09-18T16:00:00.123456+0000'],
    ['2024-02-29T00:00:00+01:00', '2024-02-28T23:00:00.000000+0000'],
    ['2017-09-18T16:00:00.000000+0000', '2017-09-18T16:00:00.000000+0000'],
  ])('reads %s as the instant %s', (input, expected) => {
    expect(parseApiDateTime(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '2023-02-29T10:00:00Z',
    '2017-13-01T00:00:00Z',
    '2017-09-18T24:00:00Z',
    '18/09/2017 16:00',
    '2017-09-18T16:00:00+25:00',
    'soon',
    '',
  ])('refuses %j', (input) => {
    expect(parseApiDateTime(input)).toMatchObject({ ok: false, message: expect.stringMatching(/^Datetime has wrong format/) });
  });

  it('tells a date from a datetime', () => {
    expect(parseApiDateTime('2017-09-18')).toEqual({ ok: false, message: 'Expected a datetime but got a date.' });
  });

  it('writes timestamps with microseconds in UTC', () => {
    expect(formatApiTimestamp(Date.parse('2017-09-18T22:13:25.766Z'))).toBe('2017-09-18T22:13:25.766000+0000');
  });
});
