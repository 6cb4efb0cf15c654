import { describe, expect, it } from 'vitest';
import { convertOne, issuesOf } from './rows.js';

// Expected instants are worked out by hand from each zone's rules for 2027, not by the code.
const inZone = (timezone: string, datetime_start: string) => convertOne({ datetime_start }, { timezone });

describe('spring-forward gaps: the local time does not exist', () => {
  it.each([
    ['America/New_York', '2027-03-14 02:30', '02:00', '03:00'],
    ['America/New_York', '2027-03-14 02:00', '02:00', '03:00'],
    ['Europe/Berlin', '2027-03-28 02:30', '02:00', '03:00'],
    ['Australia/Sydney', '2027-10-03 02:30', '02:00', '03:00'],
    ['Pacific/Chatham', '2027-09-26 03:00', '02:45', '03:45'],
    ['Pacific/Chatham', '2027-09-26 02:45', '02:45', '03:45'],
  ])('%s %s is a dst_gap row error', (zone, local, from, to) => {
    const [issue] = issuesOf(inZone(zone, local)).issues;
    expect(issue).toMatchObject({ code: 'dst_gap', severity: 'error', row: 2, column: 'Start', value: local });
    expect(issue?.message).toBe(
      `Row 2, column "Start": "${local}": ${local} does not exist in ${zone} (clocks jump from ${from} to ${to})`,
    );
  });

  it.each([
    ['America/New_York', '2027-03-14 01:59', '2027-03-14T06:59:00.000Z'],
    ['America/New_York', '2027-03-14 03:00', '2027-03-14T07:00:00.000Z'],
    ['Europe/Berlin', '2027-03-28 01:59', '2027-03-28T00:59:00.000Z'],
    ['Europe/Berlin', '2027-03-28 03:00', '2027-03-28T01:00:00.000Z'],
    ['Australia/Sydney', '2027-10-03 01:59', '2027-10-02T15:59:00.000Z'],
    ['Australia/Sydney', '2027-10-03 03:00', '2027-10-02T16:00:00.000Z'],
    ['Pacific/Chatham', '2027-09-26 02:44', '2027-09-25T13:59:00.000Z'],
    ['Pacific/Chatham', '2027-09-26 03:45', '2027-09-25T14:00:00.000Z'],
  ])('%s %s, just outside the gap, is %s', (zone, local, expected) => {
    expect(inZone(zone, local)).toMatchObject({ ok: true, start_time: expected, zone });
  });

  it('an end time inside the gap is the end column’s error', () => {
    const result = convertOne({ date: '2027-03-14', start: '01:00', end: '02:15' }, { timezone: 'America/New_York' });
    expect(issuesOf(result).issues[0]).toMatchObject({ code: 'dst_gap', column: 'End Time', value: '02:15' });
  });
});

describe('fall-back overlaps: the earlier instant, with a warning', () => {
  it.each([
    ['America/New_York', '2027-11-07 01:30', '2027-11-07T05:30:00.000Z', '02:00', '01:00'],
    ['Europe/Berlin', '2027-10-31 02:30', '2027-10-31T00:30:00.000Z', '03:00', '02:00'],
    ['Australia/Sydney', '2027-04-04 02:30', '2027-04-03T15:30:00.000Z', '03:00', '02:00'],
    ['Pacific/Chatham', '2027-04-04 03:00', '2027-04-03T13:15:00.000Z', '03:45', '02:45'],
  ])('%s %s is %s', (zone, local, expected, from, to) => {
    const result = inZone(zone, local);
    expect(result).toMatchObject({ ok: true, start_time: expected, zone });
    const overlap = result.ok ? result.warnings.find((w) => w.code === 'dst_overlap') : undefined;
    expect(overlap?.severity).toBe('warning');
    expect(overlap?.message).toContain(`${local} happens twice in ${zone} (clocks go back from ${from} to ${to})`);
  });

  it.each([
    ['America/New_York', '2027-11-07 00:59', '2027-11-07T04:59:00.000Z'],
    ['America/New_York', '2027-11-07 02:00', '2027-11-07T07:00:00.000Z'],
    ['Europe/Berlin', '2027-10-31 03:00', '2027-10-31T02:00:00.000Z'],
    ['Australia/Sydney', '2027-04-04 03:00', '2027-04-03T17:00:00.000Z'],
  ])('%s %s, just outside the overlap, is %s with no overlap warning', (zone, local, expected) => {
    const result = inZone(zone, local);
    expect(result).toMatchObject({ ok: true, start_time: expected });
    expect(result.ok && result.warnings.some((w) => w.code === 'dst_overlap')).toBe(false);
  });

  it('every row in an overlap resolves the same way (first occurrence), whatever order they come in', () => {
    const late = inZone('America/New_York', '2027-11-07 01:45');
    const early = inZone('America/New_York', '2027-11-07 01:15');
    expect([early, late]).toMatchObject([{ start_time: '2027-11-07T05:15:00.000Z' }, { start_time: '2027-11-07T05:45:00.000Z' }]);
  });
});

describe('Asia/Kolkata: +05:30 all year, no DST', () => {
  it.each([
    ['2027-03-14 02:30', '2027-03-13T21:00:00.000Z'],
    ['2027-11-07 01:30', '2027-11-06T20:00:00.000Z'],
    ['2027-07-01 09:00', '2027-07-01T03:30:00.000Z'],
  ])('%s is %s without DST issues', (local, expected) => {
    const result = inZone('Asia/Kolkata', local);
    expect(result).toMatchObject({ ok: true, start_time: expected, zone: 'Asia/Kolkata' });
    expect(result.ok && result.warnings.filter((w) => w.code.startsWith('dst_'))).toEqual([]);
  });
});

describe('a skipped day', () => {
  it('Pacific/Apia skipped 2011-12-30 entirely: any time that day is a gap, named with dates', () => {
    const [issue] = issuesOf(inZone('Pacific/Apia', '2011-12-30 12:00')).issues;
    expect(issue?.message).toBe(
      'Row 2, column "Start": "2011-12-30 12:00": 2011-12-30 12:00 does not exist in Pacific/Apia ' +
        '(clocks jump from 2011-12-30 00:00 to 2011-12-31 00:00)',
    );
    // 2011-12-31 00:00 at UTC+14 (DST) is 2011-12-30T10:00Z; the day before was UTC-10.
    expect(inZone('Pacific/Apia', '2011-12-31 00:00')).toMatchObject({ ok: true, start_time: '2011-12-30T10:00:00.000Z' });
    expect(inZone('Pacific/Apia', '2011-12-29 23:59')).toMatchObject({ ok: true, start_time: '2011-12-30T09:59:00.000Z' });
  });
});
