import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { buildColumnMap, mapRow } from '../../src/map/column-map.js';
import { FIELD_ALIASES, MAPPED_FIELDS } from '../../src/map/fields.js';
import type { CellValue, SheetDateCell } from '../../src/types.js';
import { convertRows } from '../../src/validate/convert-rows.js';

// One column per field, headed by its first alias: every mapped field gets random cells.
const HEADERS = MAPPED_FIELDS.map((field) => FIELD_ALIASES[field][0]!);

const dateCell: fc.Arbitrary<SheetDateCell> = fc
  .record({
    serial: fc.double({ min: -1, max: 80000, noNaN: true }),
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    timeOnly: fc.boolean(),
    dateOnly: fc.boolean(),
    text: fc.string({ maxLength: 12 }),
  })
  .map(({ serial, year, month, day, hour, minute, timeOnly, dateOnly, text }) => ({
    kind: 'date',
    serial,
    date1904: false,
    parts: { year, month, day, hour, minute, second: 0, millisecond: 0 },
    timeOnly,
    dateOnly,
    text,
  }));

const plausibleText = fc.constantFrom(
  '',
  ' ',
  'yes',
  'no',
  'x',
  'maybe',
  '0',
  '-3',
  '1,5',
  '1.000',
  '10:00',
  '9:30 AM',
  '25:00',
  '2027-03-14',
  '14/03/2027',
  '03/14/2027',
  '2027-03-14 09:00',
  '2027-03-14T09:00:00Z',
  '2027-03-14 24:00',
  '2027-02-30',
  'PT90M',
  '90',
  '1h30',
  'Europe/Berlin',
  'Mars/Olympus',
  'UTC',
  'A; B, C',
  '<p onclick=x>hi</p>',
  '<script>x</script>',
  'all day',
  'midnight',
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: plausibleText },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant(Infinity)) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: dateCell },
);
const sheet = fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { minLength: 1, maxLength: 8 });

function rowsOf(cells: CellValue[][]) {
  const map = buildColumnMap({ sheet: 'Fuzz', row: 1, headers: HEADERS });
  return cells.map((row, i) => mapRow({ sheet: 'Fuzz', row: i + 2, cells: row }, map));
}

describe('convertRows on random cells', () => {
  it('never throws with a zone, a date format and a first day given: every problem is a RowIssue', () => {
    fc.assert(
      fc.property(sheet, (cells) => {
        const options = { timezone: 'America/New_York', dateFormat: 'd/M/yyyy', firstDay: '2027-05-17' };
        const { rows } = convertRows(rowsOf(cells), options);
        expect(rows).toHaveLength(cells.length);
        for (const row of rows) {
          if (row.ok) {
            expect(row.session.fields.name.length).toBeGreaterThan(0);
            expect(Number.isNaN(Date.parse(row.session.fields.start_time))).toBe(false);
          } else {
            expect(row.issues.some((issue) => issue.severity === 'error')).toBe(true);
            for (const issue of row.issues) expect(issue.message).toMatch(/^Row \d+/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('without --date-format or --first-day, fails the run only with a date_format error', () => {
    fc.assert(
      fc.property(sheet, (cells) => {
        try {
          convertRows(rowsOf(cells), { timezone: 'UTC' });
        } catch (error) {
          expect(error).toBeInstanceOf(GuidebookImportError);
          expect((error as GuidebookImportError).code).toBe('date_format');
        }
      }),
      { numRuns: 400 },
    );
  });
});
