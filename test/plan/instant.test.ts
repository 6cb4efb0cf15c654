import { describe, expect, it } from 'vitest';
import { instantMs, sameInstant } from '../../src/plan/instant.js';

describe('instantMs', () => {
  it('reads the server form with microseconds and a colon-less offset', () => {
    expect(instantMs('2017-09-18T16:00:00.000000+0000')).toBe(Date.UTC(2017, 8, 18, 16));
  });

  it('applies offsets with and without a colon, and Z', () => {
    const utc = Date.UTC(2027, 2, 1, 14, 30);
    expect(instantMs('2027-03-01T14:30:00Z')).toBe(utc);
    expect(instantMs('2027-03-01T09:30:00-05:00')).toBe(utc);
    expect(instantMs('2027-03-01T20:00:00.000+0530')).toBe(utc);
    expect(instantMs('2027-03-01 14:30')).toBe(utc);
  });

  it('keeps milliseconds and ignores digits below them', () => {
    expect(instantMs('2027-03-01T14:30:00.123456Z')).toBe(Date.UTC(2027, 2, 1, 14, 30, 0, 123));
  });

  it('answers null for text that is not an ISO date-time', () => {
    expect(instantMs('next Tuesday')).toBeNull();
    expect(instantMs('01/03/2027 14:30')).toBeNull();
  });
});

describe('sameInstant', () => {
  it('treats null, undefined and "" as the same empty value', () => {
    expect(sameInstant(null, undefined)).toBe(true);
    expect(sameInstant('', null)).toBe(true);
    expect(sameInstant(null, '2027-03-01T14:30:00Z')).toBe(false);
  });

  it('compares instants, not spellings', () => {
    expect(sameInstant('2017-09-18T16:00:00.000Z', '2017-09-18T16:00:00.000000+0000')).toBe(true);
    expect(sameInstant('2017-09-18T16:00:00.000Z', '2017-09-18T16:01:00.000000+0000')).toBe(false);
  });
});
