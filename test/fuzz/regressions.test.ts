// Pointed tests for the bugs the fuzz properties found, so each stays fixed even on a seed that
// would not find it again.
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import type { MappedRow } from '../../src/types.js';
import { convertOptionsFor, convertRows, descriptionToHtml } from '../../src/validate/index.js';
import { readThroughPipeline, tempFolder } from './support/pipeline.js';

const folder = tempFolder('regressions');
afterAll(() => folder.remove());

function workbookFile(rows: XLSX.CellObject[][]): string {
  const sheet: XLSX.WorkSheet = {
    '!data': rows,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: rows[0]!.length - 1 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Agenda');
  return folder.write('agenda.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('bugs found by fuzzing', () => {
  it("a number outside Excel's calendar in a date-formatted cell is a row issue, not a reader crash", async () => {
    const text = (v: string): XLSX.CellObject => ({ t: 's', v });
    const date = (v: number): XLSX.CellObject => ({ t: 'n', v, z: 'm/d/yyyy' });
    const file = workbookFile([
      [text('Session Name'), text('Date'), text('Start Time')],
      [text('Before 1900'), date(-5), { t: 'n', v: 0.375, z: 'h:mm' }],
      [text('After 9999'), date(3_000_000), { t: 'n', v: 0.375, z: 'h:mm' }],
      [text('In range'), date(46460), { t: 'n', v: 0.375, z: 'h:mm' }],
    ]);
    // (Before the fix, reading the first data row threw "Cannot read properties of null (reading 'y')".)
    const { mapped, rows } = await readThroughPipeline(file, { timezone: 'UTC' });
    expect(mapped.map((row) => row.fields.date?.value)).toEqual([-5, 3_000_000, expect.objectContaining({ kind: 'date' })]);
    const [before, after, inRange] = rows;
    expect(before).toMatchObject({
      ok: false,
      row: 2,
      issues: [expect.objectContaining({ code: 'bad_date', column: 'Date', value: '-5' })],
    });
    expect(after).toMatchObject({ ok: false, row: 3, issues: [expect.objectContaining({ code: 'bad_date', column: 'Date' })] });
    expect(inRange).toMatchObject({ ok: true, session: { fields: { start_time: '2027-03-14T09:00:00.000Z' } } });
  });

  it('a duration of absurd length is a bad_duration row issue, not a RangeError out of convertRows', () => {
    const row = (n: number, duration: string | number): MappedRow => ({
      sheet: 'Agenda',
      row: n,
      fields: {
        name: { column: 'Title', value: `Session ${n}` },
        datetime_start: { column: 'Starts At', value: '2027-03-14 09:00' },
        duration: { column: 'Duration', value: duration },
      },
    });
    const { rows } = convertRows(
      [row(2, 1e21), row(3, '99999999999'), row(4, 600_000), row(5, 90)],
      convertOptionsFor({ timezone: 'UTC' }),
    );
    // (Before the fix, the first row threw RangeError: Invalid time value.)
    expect(rows.slice(0, 3)).toEqual(
      [2, 3, 4].map((n) =>
        expect.objectContaining({ ok: false, row: n, issues: [expect.objectContaining({ code: 'bad_duration', column: 'Duration' })] }),
      ),
    );
    expect(rows[3]).toMatchObject({ ok: true, session: { fields: { end_time: '2027-03-14T10:30:00.000Z' } } });
  });

  it('the end tag of a disallowed element is not kept as written ("</script>" passed as clean HTML)', () => {
    for (const [input, html] of [
      ['</script>', ''],
      ['<p>Q&amp;A</p></ScRiPt>', '<p>Q&amp;A</p>'],
      ['<b>x</b></font> y', '<b>x</b> y'],
    ] as const) {
      const out = descriptionToHtml(input);
      expect(out.html).toBe(html);
      expect(out.removed.length).toBeGreaterThan(0);
    }
    // Allowed end tags still keep clean HTML byte for byte.
    expect(descriptionToHtml('<p>a</p><ul><li>b</li></ul>')).toEqual({ html: '<p>a</p><ul><li>b</li></ul>', removed: [] });
  });
});
