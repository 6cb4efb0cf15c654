import { describe, expect, it } from 'vitest';
import type { CellValue, MappedField } from '../../src/types.js';
import { convertAll, mappedRow } from './rows.js';

// 12-hour times without am/pm, read by their place in the day (UTC, so wall = instant).
const UTC = { timezone: 'UTC' };

function sheet(rows: Array<Partial<Record<MappedField, CellValue>>>) {
  return convertAll(
    rows.map((cells, i) => mappedRow(i + 2, cells)),
    UTC,
  );
}

describe('a column of 12-hour times without am/pm', () => {
  it('"11:55", then "1:30" is 13:30, with a warning on the rows so read', () => {
    const results = sheet([
      { date: '2027-05-18', start: '9:00', end: '10:00' },
      { date: '2027-05-18', start: '11:55', end: '12:40' },
      { date: '2027-05-18', start: '1:30', end: '2:15' },
      { date: '2027-05-18', start: '4:00', end: '5:00' },
      { date: '2027-05-19', start: '10:00', end: '11:00' },
    ]);
    expect(results.map((r) => (r.ok ? [r.start_time.slice(0, 16), r.end_time?.slice(11, 16)] : null))).toEqual([
      ['2027-05-18T09:00', '10:00'],
      ['2027-05-18T11:55', '12:40'],
      ['2027-05-18T13:30', '14:15'],
      ['2027-05-18T16:00', '17:00'],
      ['2027-05-19T10:00', '11:00'],
    ]);
    const warned = results.map((r) => (r.ok ? r.warnings.filter((w) => w.code === 'clock_order').length : -1));
    expect(warned).toEqual([0, 0, 1, 1, 0]);
    const [warning] = results[2]!.ok ? results[2]!.warnings : [];
    expect(warning?.message).toBe(
      'Row 4, column "Start Time": "1:30" has no am/pm: read as 13:30, as column "Start Time" writes 12-hour times ' +
        'without am/pm and no session starts at that hour of the night; write the 24-hour time to be sure',
    );
  });

  it('a morning time after the afternoon cannot be placed: the row error', () => {
    const results = sheet([
      { date: '2027-05-18', start: '11:00' },
      { date: '2027-05-18', start: '2:00' },
      { date: '2027-05-18', start: '9:00' },
    ]);
    expect(results[2]).toMatchObject({ ok: false });
    const issue = results[2]!.ok ? undefined : results[2]!.issues[0];
    expect(issue).toMatchObject({ code: 'bad_time', column: 'Start Time', value: '9:00' });
    expect(issue?.message).toContain('has no am/pm and comes after 14:00 on its day');
  });

  it('a 24-hour column is read as written (a 13:00 anywhere says so)', () => {
    const results = sheet([
      { date: '2027-05-18', start: '11:00' },
      { date: '2027-05-18', start: '1:30' },
      { date: '2027-05-18', start: '13:00' },
    ]);
    expect(results[1]).toMatchObject({ ok: true, start_time: '2027-05-18T01:30:00.000Z' });
  });

  it('a column with am/pm is read as written', () => {
    const results = sheet([
      { date: '2027-05-18', start: '11:00 am' },
      { date: '2027-05-18', start: '1:30 am' },
    ]);
    expect(results[1]).toMatchObject({ ok: true, start_time: '2027-05-18T01:30:00.000Z' });
  });

  it('a day that never goes back keeps its times', () => {
    const results = sheet([
      { date: '2027-05-18', start: '1:30' },
      { date: '2027-05-18', start: '2:30' },
    ]);
    expect(results.map((r) => r.ok && r.start_time)).toEqual(['2027-05-18T01:30:00.000Z', '2027-05-18T02:30:00.000Z']);
  });
});
