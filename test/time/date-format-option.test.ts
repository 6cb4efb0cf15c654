import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { inferColumnFormats } from '../../src/validate/index.js';
import { convertAll, mappedRow, startOf } from './rows.js';

const one = (datetime_start: string, dateFormat: string, timezone = 'UTC') =>
  convertAll([mappedRow(2, { datetime_start })], { timezone, dateFormat })[0];

describe('--date-format (a luxon format)', () => {
  it.each([
    ['dd/MM/yyyy HH:mm', '03/04/2027 21:05', '2027-04-03T21:05:00.000Z'],
    ['MM/dd/yyyy hh:mm a', '03/04/2027 09:05 PM', '2027-03-04T21:05:00.000Z'],
    ['M/d/yy h:mm a', '3/4/27 9:05 am', '2027-03-04T09:05:00.000Z'],
    ['d.M.yyyy H:mm:ss', '3.4.2027 21:05:30', '2027-04-03T21:05:30.000Z'],
    ["yyyy-MM-dd'T'HH:mm", '2027-04-03T21:05', '2027-04-03T21:05:00.000Z'],
    ['d MMM yyyy, HH:mm', '3 Apr 2027, 21:05', '2027-04-03T21:05:00.000Z'],
    ['MMMM d yyyy H:mm', 'April 3 2027 21:05', '2027-04-03T21:05:00.000Z'],
    ['dd/MM/yyyy HH:mm:ss.SSS', '03/04/2027 21:05:00.250', '2027-04-03T21:05:00.250Z'],
    ['dd/MM/yyyy HH:mmZZ', '03/04/2027 21:05+02:00', '2027-04-03T19:05:00.000Z'],
  ])('%s reads %s', (format, text, expected) => {
    expect(startOf(one(text, format) ?? { ok: false, issues: [] })).toBe(expected);
  });

  it('formats with tokens the fast path does not know fall back to luxon, still in the row zone', () => {
    const result = one('Sat, 3 Apr 2027 21:05', 'EEE, d MMM yyyy HH:mm', 'Europe/Berlin');
    expect(result).toMatchObject({ ok: true, start_time: '2027-04-03T19:05:00.000Z', zone: 'Europe/Berlin' });
  });

  it('a format with no day and month stops the run', () => {
    const error = (() => {
      try {
        inferColumnFormats([], { dateFormat: 'HH:mm' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as GuidebookImportError).code).toBe('date_format');
    expect((error as GuidebookImportError).message).toContain('"HH:mm"');
  });

  it('a value written otherwise but unambiguous (ISO) is still read', () => {
    expect(one('2027-04-03 21:05', 'd/M/yyyy H:mm')).toMatchObject({ ok: true, start_time: '2027-04-03T21:05:00.000Z' });
  });
});
