import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { intlOffsetMinutes } from '../../src/time/intl-offset.js';

// intl-offset.ts reads zone offsets as luxon's IANAZone.offset does, without loading luxon: every
// zone Intl lists, at instants around DST changes, in odd centuries and at odd milliseconds,
// gives luxon's offset.
describe('intlOffsetMinutes', () => {
  const hour = 3_600_000;
  const instants = [
    Date.UTC(2027, 2, 14, 6, 59, 59, 999), // around the US spring-forward
    Date.UTC(2027, 2, 14, 7, 0, 0, 0),
    Date.UTC(2027, 2, 28, 0, 30),
    Date.UTC(2027, 2, 28, 1, 0, 0, 1), // the EU one
    Date.UTC(2027, 9, 31, 0, 59, 59, 500),
    Date.UTC(2027, 9, 31, 1, 0),
    Date.UTC(2026, 11, 5, 23, 59, 59, 999),
    Date.UTC(2027, 0, 1, 0, 0), // new year: a midnight Intl may write as 24:00
    Date.UTC(1970, 0, 1),
    Date.UTC(1900, 5, 15, 12),
    Date.UTC(2100, 6, 1, 12),
    Date.UTC(50, 0, 1, 0, 0) - 1, // years 0-99: Date.UTC reads them as 19xx
    Date.UTC(99, 11, 31, 23, 59, 59, 999),
    -62_200_000_000_000, // BC
    -1,
    1,
    -1500,
  ];
  for (let h = 0; h < 48; h++) instants.push(Date.UTC(2027, 3, 1) + h * hour + 1234);

  it('gives luxon IANAZone.offset for every zone Intl lists', () => {
    const differences: string[] = [];
    const zones = [...Intl.supportedValuesOf('timeZone'), 'Asia/Kolkata', 'Asia/Kathmandu', 'Europe/Kyiv', 'US/Eastern', 'Etc/GMT+5'];
    for (const zone of zones) {
      const luxon = IANAZone.create(zone);
      for (const instant of instants) {
        const ours = intlOffsetMinutes(zone, instant);
        const theirs = luxon.offset(instant);
        if (!Object.is(ours, theirs)) differences.push(`${zone} at ${instant}: ${ours} vs ${theirs}`);
      }
    }
    expect(differences).toEqual([]);
    expect(intlOffsetMinutes('Asia/Kathmandu', Date.UTC(2027, 0, 1))).toBe(345);
    expect(intlOffsetMinutes('America/New_York', Date.UTC(2027, 6, 1))).toBe(-240);
  });

  it('is NaN for an instant that is no date, as luxon is', () => {
    expect(intlOffsetMinutes('Europe/Berlin', Number.NaN)).toBeNaN();
    expect(intlOffsetMinutes('Europe/Berlin', 8.64e15 + 1)).toBeNaN();
    expect(IANAZone.create('Europe/Berlin').offset(8.64e15 + 1)).toBeNaN();
  });
});
