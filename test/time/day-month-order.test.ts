import { describe, expect, it } from 'vitest';
import { inferColumnFormats } from '../../src/validate/index.js';
import type { MappedRow } from '../../src/types.js';
import { thrown } from '../support/thrown.js';
import { convertAll, mappedRow, startOf } from './rows.js';

const dateRows = (...dates: string[]): MappedRow[] => dates.map((date, i) => mappedRow(i + 2, { date, start: '10:00' }));

describe('day/month order, decided per column', () => {
  it('a first number over 12 makes the whole column d/M', () => {
    const results = convertAll(dateRows('14/03/2027', '03/04/2027'), { timezone: 'UTC' });
    expect(results.map(startOf)).toEqual(['2027-03-14T10:00:00.000Z', '2027-04-03T10:00:00.000Z']);
  });

  it('a second number over 12 makes the whole column M/d', () => {
    const results = convertAll(dateRows('03/14/2027', '03/04/2027'), { timezone: 'UTC' });
    expect(results.map(startOf)).toEqual(['2027-03-14T10:00:00.000Z', '2027-03-04T10:00:00.000Z']);
  });

  it('reports the order it settled on', () => {
    expect(inferColumnFormats(dateRows('14/03/2027'), {}).dayMonthOrder).toEqual({ date: 'd/M' });
    expect(inferColumnFormats(dateRows('3/14/2027'), {}).dayMonthOrder).toEqual({ date: 'M/d' });
    expect(inferColumnFormats(dateRows('2027-03-04'), {}).dayMonthOrder).toEqual({});
  });

  it('an ambiguous column stops the run, naming the column and rows and asking for --date-format', () => {
    const error = thrown(() => inferColumnFormats(dateRows('03/04/2027', '04/05/2027', '05/05/2027'), {}));
    expect(error.code).toBe('date_format');
    expect(error.message).toBe(
      'Column "Date" is ambiguous: rows 2, 3, 4 (e.g. "03/04/2027") read as day/month or month/day alike, ' +
        "and no date in the column settles it. Pass --date-format d/M/yyyy or --date-format M/d/yyyy (or --locale for the sheet's language, e.g. --locale de).",
    );
  });

  it('a value that reads the same both ways (03/03/2027) does not settle the column either', () => {
    expect(thrown(() => inferColumnFormats(dateRows('03/03/2027'), {})).code).toBe('date_format');
  });

  it('mixed evidence stops the run, naming the rows of each reading', () => {
    const rows = dateRows('14/03/2027', '03/04/2027', '03/14/2027', '15/03/2027');
    const error = thrown(() => inferColumnFormats(rows, {}));
    expect(error.code).toBe('date_format');
    expect(error.message).toContain('Column "Date" mixes day/month orders');
    expect(error.message).toContain('rows 2, 5 (e.g. "14/03/2027") can only be day/month');
    expect(error.message).toContain('row 4 (e.g. "03/14/2027") can only be month/day');
    expect(error.message).toContain('--date-format');
  });

  it('names the sheet too when rows come from several sheets', () => {
    const rows = [mappedRow(2, { date: '14/03/2027' }, 'Day 1'), mappedRow(2, { date: '03/14/2027' }, 'Day 2')];
    expect(thrown(() => inferColumnFormats(rows, {})).message).toContain('row 2 of "Day 1"');
  });

  it('each column is examined on its own: a settled start does not settle an ambiguous end', () => {
    const rows = [mappedRow(2, { datetime_start: '14/03/2027 9:00', datetime_end: '03/04/2027 10:00' })];
    expect(thrown(() => inferColumnFormats(rows, {})).message).toContain('Column "End" is ambiguous');
  });

  it('ISO-like yyyy-MM-dd is never ambiguous, nor are month names or year-first dates', () => {
    const rows = dateRows('2027-03-04', '2027/04/03', '4 Mar 2027', 'Mar 4, 2027');
    expect(convertAll(rows, { timezone: 'UTC' }).map(startOf)).toEqual([
      '2027-03-04T10:00:00.000Z',
      '2027-04-03T10:00:00.000Z',
      '2027-03-04T10:00:00.000Z',
      '2027-03-04T10:00:00.000Z',
    ]);
  });

  it('dotted dates are d.M.yyyy', () => {
    expect(convertAll(dateRows('03.04.2027'), { timezone: 'UTC' }).map(startOf)).toEqual(['2027-04-03T10:00:00.000Z']);
  });

  it('--date-format wins over the evidence, and values that do not fit it are row errors', () => {
    const rows = dateRows('03/04/2027', '14/03/2027');
    const results = convertAll(rows, { timezone: 'UTC', dateFormat: 'M/d/yyyy' });
    expect(results[0]).toMatchObject({ ok: true, start_time: '2027-03-04T10:00:00.000Z' });
    expect(results[1]).toMatchObject({ ok: false });
    if (results[1]?.ok === false) {
      expect(results[1].issues[0]?.message).toBe('Row 3, column "Date": "14/03/2027" is not a date (expected M/d/yyyy)');
    }
  });

  it('--date-format d/M/yyyy settles an ambiguous column, values with a time included', () => {
    const rows = [mappedRow(2, { datetime_start: '03/04/2027 9:00' }), mappedRow(3, { datetime_start: '04/04/2027' })];
    const results = convertAll(rows, { timezone: 'UTC', dateFormat: 'd/M/yyyy' });
    expect(results.map(startOf)).toEqual(['2027-04-03T09:00:00.000Z', '2027-04-04T00:00:00.000Z']);
  });

  it('an impossible date in a settled column is a row error with the expected shape', () => {
    const results = convertAll(dateRows('14/03/2027', '31/02/2027'), { timezone: 'UTC' });
    expect(results[1]).toMatchObject({
      ok: false,
      issues: [{ code: 'bad_date', message: 'Row 3, column "Date": "31/02/2027" is not a date (expected d/M/yyyy)' }],
    });
  });
});
