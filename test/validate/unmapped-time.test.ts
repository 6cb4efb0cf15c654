import { describe, expect, it } from 'vitest';
import { buildColumnMap, mapRow } from '../../src/map/column-map.js';
import type { CellValue } from '../../src/types.js';
import { convertRows } from '../../src/validate/convert-rows.js';

// A row with a date and no time is all-day only when the sheet says so (All Day = yes) or has no
// column of times at all: a column of times that feeds no field ("Col 7" is no known header) makes
// such a row an error naming that column, never a silent all-day session.

function convert(headers: string[], rows: CellValue[][]) {
  const map = buildColumnMap({ sheet: 'Agenda', row: 1, headers });
  const mapped = rows.map((cells, i) => mapRow({ sheet: 'Agenda', row: i + 2, cells }, map));
  return convertRows(mapped, { timezone: 'Europe/Berlin' });
}

describe('no silent all-day', () => {
  it('a date without a time beside an unmapped column of times is the row error naming that column', () => {
    const { rows } = convert(
      ['Title', 'Date', 'Col 7'],
      [
        ['Keynote', '2027-05-18', '9:00'],
        ['Lunch', '2027-05-18', ''],
        ['Party', '2027-05-18', '19:30-23:00'],
      ],
    );
    expect(rows.map((r) => r.ok)).toEqual([false, false, false]);
    const issue = rows[1]!.ok ? undefined : rows[1]!.issues[0];
    expect(issue).toMatchObject({ code: 'unmapped_time', column: 'Date', row: 3, severity: 'error' });
    expect(issue?.message).toBe(
      'Row 3, column "Date": "2027-05-18" has a date but no time, and column "Col 7" holds times but feeds no field: ' +
        'map it (--mapping with {"columns": {"Col 7": "start"}}), or mark the row All Day = yes',
    );
  });

  it('All Day = yes says so: the row is all-day, and no run warning', () => {
    const { rows, warnings } = convert(['Title', 'Date', 'Col 7', 'All Day'], [['Expo', '2027-05-18', '9:00', 'yes']]);
    expect(rows[0]).toMatchObject({ ok: true, session: { fields: { all_day: true, start_time: '2027-05-17T22:00:00.000Z' } } });
    expect(warnings.some((w) => w.includes('all-day'))).toBe(false);
  });

  it('an unmapped column of room numbers or notes is no time column', () => {
    const { rows } = convert(
      ['Title', 'Date', 'Room No', 'Notes'],
      [
        ['Expo', '2027-05-18', '1400', 'bring a badge'],
        ['Fair', '2027-05-19', '101', 'see you'],
      ],
    );
    expect(rows.map((r) => r.ok)).toEqual([true, true]);
  });

  it('a sheet with no time column at all: all-day rows, said once as a run warning', () => {
    const { rows, warnings } = convert(
      ['Title', 'Date'],
      [
        ['Expo', '2027-05-18'],
        ['Fair', '2027-05-19'],
      ],
    );
    expect(rows.map((r) => r.ok && r.session.fields.all_day)).toEqual([true, true]);
    expect(warnings).toContain(
      '2 rows have a date and no time and are imported as all-day: no column of the sheet holds times (add a start time column if the sessions have times)',
    );
  });

  it("a blank time where other rows have one is all-day, as Builder's template means it, with a warning on the row", () => {
    const { rows, warnings } = convert(
      ['Session Title', 'Date', 'Time Start'],
      [
        ['Keynote', '2027-05-18', '9:00'],
        ['Expo open all day', '2027-05-18', ''],
      ],
    );
    expect(rows[1]).toMatchObject({ ok: true, session: { fields: { all_day: true } } });
    const rowWarnings = rows[1]!.ok ? rows[1]!.session.warnings : [];
    expect(rowWarnings.map((w) => w.message)).toEqual([
      'Row 3, column "Date": "2027-05-18" has no time, while column "Time Start" gives other rows theirs: ' +
        'imported as an all-day session (fill in the time, or All Day = yes to say so)',
    ]);
    expect(warnings.some((w) => w.includes('no column of the sheet holds times'))).toBe(false);
  });

  it('a timed row and a range in a known Time column need no warning', () => {
    const { rows, warnings } = convert(['Title', 'Date', 'Time'], [['Keynote', '2027-05-18', '9:00-10:30']]);
    expect(rows[0]).toMatchObject({
      ok: true,
      session: { fields: { start_time: '2027-05-18T07:00:00.000Z', end_time: '2027-05-18T08:30:00.000Z', all_day: false } },
    });
    expect(rows[0]!.ok && rows[0]!.session.mapped).toContain('end_time');
    expect(warnings.some((w) => w.includes('all-day'))).toBe(false);
  });
});
