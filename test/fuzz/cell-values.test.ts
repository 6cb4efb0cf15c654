// Any value in any mapped column is a row issue at worst: convertRows never throws once the run
// knows its zone and date format, and without a date format the only run-level stop is the
// ambiguous-date one. Workbooks with typed cells of every kind get the same through the readers.
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { MAPPED_FIELDS } from '../../src/map/index.js';
import type { TimeOptions } from '../../src/time/index.js';
import type { ConvertedRow, MappedField, MappedRow } from '../../src/types.js';
import { convertOptionsFor, convertRows } from '../../src/validate/index.js';
import { cellValue, workbookCell } from './support/cell-values.js';
import { runs } from './support/runs.js';
import { expectSheetError, readThroughPipeline, tempFolder } from './support/pipeline.js';

const HEADER_OF: Record<MappedField, string> = {
  import_id: 'Import ID',
  name: 'Session Name',
  description: 'Description',
  datetime_start: 'Start Date Time',
  datetime_end: 'End Date Time',
  date: 'Date',
  start: 'Start Time',
  end: 'End Time',
  duration: 'Duration',
  timezone: 'Time Zone',
  all_day: 'All Day',
  tracks: 'Track',
  locations: 'Room',
  allow_rating: 'Allow Rating',
  add_to_schedule: 'Add to Schedule',
  rank: 'Rank',
  require_login: 'Require Login',
  max_capacity: 'Max Capacity',
  waitlist: 'Waitlist',
  registration_start_date: 'Registration Start',
  registration_end_date: 'Registration End',
  end_date: 'End Date',
  speakers: 'Speakers',
  moderators: 'Moderators',
  image: 'Image',
};

/** A subset of the fields (name and a start always among them, as the map stage demands). */
const fieldSet: fc.Arbitrary<MappedField[]> = fc
  .subarray([...MAPPED_FIELDS].filter((f) => f !== 'name' && f !== 'date'))
  .map((fields) => ['name', 'date', ...fields]);

const sheetRows: fc.Arbitrary<MappedRow[]> = fieldSet.chain((fields) =>
  fc.array(fc.array(cellValue, { minLength: fields.length, maxLength: fields.length }), { minLength: 1, maxLength: 8 }).map((rows) =>
    rows.map(
      (values, i): MappedRow => ({
        sheet: 'Agenda',
        row: i + 2,
        fields: Object.fromEntries(fields.map((field, c) => [field, { column: HEADER_OF[field], value: values[c] ?? null }])),
      }),
    ),
  ),
);

const knownZoneAndFormat: fc.Arbitrary<TimeOptions> = fc.record({
  timezone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'),
  dateFormat: fc.constantFrom('d/M/yyyy', 'M/d/yyyy', 'yyyy-MM-dd', 'M/d/yyyy h:mm a', 'd.M.yyyy HH:mm'),
  overnight: fc.boolean(),
  // Day numbers, weekdays and year-less dates are read against day 1: known here too.
  firstDay: fc.constant('2027-03-01'),
  guideWindow: fc.option(
    fc.record({ start_date: fc.constantFrom('2027-03-01', null), end_date: fc.constantFrom('2027-03-30', 'soon', null) }),
    { nil: null },
  ),
});

function expectRowsAccountedFor(input: readonly MappedRow[], output: readonly ConvertedRow[]): void {
  expect(output.map((r) => (r.ok ? r.session.row : r.row))).toEqual(input.map((r) => r.row));
  for (const converted of output) {
    if (converted.ok) {
      const { start_time, end_time } = converted.session.fields;
      expect(new Date(start_time).toISOString()).toBe(start_time);
      if (end_time) expect(Date.parse(end_time)).toBeGreaterThanOrEqual(Date.parse(start_time));
    } else {
      expect(converted.issues.length).toBeGreaterThan(0);
      for (const issue of converted.issues) expect(issue.message).toMatch(new RegExp(`\\b${converted.row}\\b`));
    }
  }
}

const folder = tempFolder('cells');
afterAll(() => folder.remove());

describe('fuzz: any cell value in any mapped column', () => {
  it('never throws out of convertRows when the zone and the date format are known', () => {
    fc.assert(
      fc.property(sheetRows, knownZoneAndFormat, (rows, time) => {
        expectRowsAccountedFor(rows, convertRows(rows, convertOptionsFor(time)).rows);
      }),
      { numRuns: runs(400) },
    );
  });

  it('without --date-format, stops the run only to ask for one (date_format), never otherwise', () => {
    fc.assert(
      fc.property(sheetRows, fc.constantFrom('UTC', 'Europe/Berlin'), (rows, timezone) => {
        let output: ConvertedRow[];
        try {
          output = convertRows(rows, convertOptionsFor({ timezone })).rows;
        } catch (error) {
          if (error instanceof GuidebookImportError && error.code === 'date_format') return;
          throw error;
        }
        expectRowsAccountedFor(rows, output);
      }),
      { numRuns: runs(300) },
    );
  });

  it('a workbook with typed cells of every kind (dates far off the calendar too) gives rows or a clear error', async () => {
    const columns = [
      'Import ID',
      'Session Name',
      'Date',
      'Start Time',
      'End Time',
      'Start Date Time',
      'Duration',
      'Time Zone',
      'All Day',
      'Registration Start',
    ];
    const table = fc.array(fc.array(workbookCell, { minLength: columns.length, maxLength: columns.length }), {
      minLength: 1,
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(table, fc.boolean(), async (rows, date1904) => {
        const sheet: XLSX.WorkSheet = {
          '!data': [
            columns.map((v): XLSX.CellObject => ({ t: 's', v })),
            ...rows.map((cells) => cells.map((c) => c ?? undefined) as XLSX.CellObject[]),
          ],
          '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length, c: columns.length - 1 } }),
        };
        const book = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(book, sheet, 'Agenda');
        book.Workbook = { ...book.Workbook, WBProps: { date1904 } };
        const file = folder.write('typed.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
        try {
          const output = await readThroughPipeline(file, { timezone: 'UTC', dateFormat: 'M/d/yyyy' });
          expectRowsAccountedFor(output.mapped, output.rows);
        } catch (error) {
          expectSheetError(error);
        }
      }),
      { numRuns: runs(60) },
    );
  });
});
