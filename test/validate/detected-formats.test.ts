import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline/validate-file.js';
import { inferColumnFormats } from '../../src/validate/index.js';
import { tempDir } from '../support/temp-dir.js';
import { mappedRow } from '../time/rows.js';

// validate --explain names what the validator detected in each date/time column (issue 12): the
// day/month order and the row that settled it, serial dates, day fractions, ranges, names.

describe('ColumnFormats.detected', () => {
  it('names the day/month order and the first row that proves it', () => {
    const rows = [
      mappedRow(2, { date: '03/05/2027', start: '9:00' }),
      mappedRow(7, { date: '18/05/2027', start: '9:00-10:30' }),
      mappedRow(8, { date: '19/05/2027', start: '0.375' }),
    ];
    const formats = inferColumnFormats(rows, { timezone: 'UTC' });
    expect(formats.detected?.date).toBe('dates: day/month/year (detected from row 7: "18/05/2027")');
    expect(formats.detected?.start).toBe('times: fractions of a day (row 8: "0.375"); start and end in one cell (row 7: "9:00-10:30")');
  });

  it('names month/day (nothing under --date-format), dotted dates, serial numbers and the language of names', () => {
    const monthFirst = inferColumnFormats([mappedRow(2, { date: '5/3/2027' }), mappedRow(3, { date: '5/18/2027' })], { timezone: 'UTC' });
    expect(monthFirst.detected?.date).toBe('dates: month/day/year (detected from row 3: "5/18/2027")');
    const option = inferColumnFormats([mappedRow(2, { date: '5/3/2027' })], { timezone: 'UTC', dateFormat: 'd/M/yyyy' });
    // the format given is named where it is given (the option, the mapping file), not as detected
    expect(option.detected?.date).toBeUndefined();
    const dotted = inferColumnFormats([mappedRow(4, { date: '18.05.2027' })], { timezone: 'UTC' });
    expect(dotted.detected?.date).toBe('dates: day.month.year (dotted, row 4: "18.05.2027")');
    const serial = inferColumnFormats([mappedRow(2, { date: '46525' })], { timezone: 'UTC' });
    expect(serial.detected?.date).toBe('dates: spreadsheet serial numbers, 1900 system (row 2: "46525")');
    const spanish = inferColumnFormats([mappedRow(2, { date: '18 de mayo de 2027' })], { timezone: 'UTC' });
    expect(spanish.detected?.date).toBe('month/weekday names: es');
  });

  it('counts and places every cell of a text the column repeats, each text read once', () => {
    const dates = ['18/05/2027', '18/05/2027', '5/18/2027', '5/18/2027', '18/05/2027', '18/05/2027', '5/19/2027'];
    const rows = dates.map((date, i) => mappedRow(i + 2, { date }));
    const error = (() => {
      try {
        inferColumnFormats(rows, { timezone: 'UTC' });
      } catch (thrown) {
        return thrown;
      }
      return null;
    })();
    expect(error).toMatchObject({ code: 'date_format' });
    expect(String((error as Error).message)).toContain('rows 2, 3, 6 and 1 more');
    expect(String((error as Error).message)).toContain('rows 4, 5, 8');
  });

  it('decides the same past the distinct texts a column remembers', () => {
    // 6,000 distinct ambiguous dates (more than a column remembers), then the one that settles d/M.
    const rows = Array.from({ length: 6_000 }, (_, i) =>
      mappedRow(i + 2, {
        date: `${(i % 12) + 1}/${(i % 11) + 1}/${1900 + (i % 97)}`,
        start: `${i % 24}:${String(i % 60).padStart(2, '0')}`,
      }),
    );
    rows.push(mappedRow(6_002, { date: '18/05/2027', start: '9:00' }));
    const formats = inferColumnFormats(rows, { timezone: 'UTC' });
    expect(formats.detected?.date).toBe('dates: day/month/year (detected from row 6002: "18/05/2027")');
  });

  it('says nothing for a column of ISO dates and plain times', () => {
    const formats = inferColumnFormats([mappedRow(2, { date: '2027-05-18', start: '09:00' })], { timezone: 'UTC' });
    expect(formats.detected).toEqual({});
  });
});

describe('validate --explain', () => {
  it('shows the detected day/month order in the date field of the explanation', async () => {
    const dir = tempDir('gi-detected');
    const file = join(dir, 'agenda.csv');
    writeFileSync(file, ['Date,Time,Title', '03/05/2027,9:00,A', '18/05/2027,10:00-11:00,B'].join('\n'));
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin', explain: true });
    const date = document.explain?.fields.find((f) => f.field === 'date');
    expect(date?.format).toBe('date, format detected from the column; dates: day/month/year (detected from row 3: "18/05/2027")');
    // and the rows were read that way: 3 May 9:00 Berlin (UTC+2) is 07:00Z
    expect(document.rows.map((r) => r.fields?.start_time)).toEqual(['2027-05-03T07:00:00.000Z', '2027-05-18T08:00:00.000Z']);
  });
});
