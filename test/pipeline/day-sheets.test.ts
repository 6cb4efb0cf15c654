import { afterAll, describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { validateFile } from '../../src/index.js';
import { convertFile, scratchDir, view, writeWorkbook } from './layout-helpers.js';

// One sheet per day (issue 12, pattern 8): every agenda sheet is read, the sheet's name giving
// the date of rows that have none; a Speakers sheet and a notes sheet are skipped.
const scratch = scratchDir('gbi-day-sheets-');
afterAll(scratch.remove);

const HEADER = ['Title', 'Start', 'End', 'Room'];
const speakers = {
  name: 'Speakers',
  rows: [
    ['Name', 'Company', 'Bio'],
    ['Ana Ruiz', 'Acme', 'Builds parsers.'],
  ],
};
const notes = { name: 'Notes', rows: [['Remember to print badges'], ['Doors open 8:30']] };

function perDay(file: string, names: [string, string]): string {
  return writeWorkbook(scratch.dir, file, [
    { name: names[0], rows: [HEADER, ['Opening', '9:00', '10:00', 'Hall A'], ['Parsers', '10:30', '11:15', 'Hall B']] },
    speakers,
    { name: names[1], rows: [HEADER, ['Keynote', '9:30', '10:30', 'Hall A']] },
    notes,
  ]);
}

// Tokyo has no DST: 9:00 local is 00:00Z. 2027-05-17 is a Monday.
const EXPECTED = (sheets: [string, string]) => [
  { sheet: sheets[0], row: 2, name: 'Opening', start: '2027-05-17T00:00:00.000Z', end: '2027-05-17T01:00:00.000Z', rooms: ['Hall A'] },
  { sheet: sheets[0], row: 3, name: 'Parsers', start: '2027-05-17T01:30:00.000Z', end: '2027-05-17T02:15:00.000Z', rooms: ['Hall B'] },
  { sheet: sheets[1], row: 2, name: 'Keynote', start: '2027-05-18T00:30:00.000Z', end: '2027-05-18T01:30:00.000Z', rooms: ['Hall A'] },
];

describe('a workbook with one sheet per day', () => {
  const cases: Array<[string, [string, string]]> = [
    ['weekday names', ['Monday', 'Tuesday']],
    ['day numbers', ['Day 1', 'Day 2']],
    ['dates without a year', ['17 May', '18 May']],
  ];

  it.each(cases)('reads every agenda sheet by default, dated by its name: %s', async (_what, names) => {
    const file = perDay(`${names[0]}.xlsx`, names);
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'Asia/Tokyo', firstDay: '2027-05-17' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual(EXPECTED(names));
    expect(warnings).toContain(
      `read 2 agenda sheets: "${names[0]}", "${names[1]}"; skipped "Speakers", "Notes" (no agenda header: a title and a start column, or a time grid)`,
    );
  });

  it('--sheet all reads the same sheets; --sheet NAME reads that one only', async () => {
    const file = perDay('choose.xlsx', ['Monday', 'Tuesday']);
    const time = { timezone: 'Asia/Tokyo', firstDay: '2027-05-17' };
    const all = await convertFile({ file, sheet: 'all' }, time);
    expect(all.sessions.map(view)).toEqual(EXPECTED(['Monday', 'Tuesday']));
    const one = await convertFile({ file, sheet: 'Tuesday' }, time);
    expect(one.sessions.map(view)).toEqual([EXPECTED(['Monday', 'Tuesday'])[2]]);
  });

  it('a date in the row wins over the sheet name; the report lists each sheet', async () => {
    const file = writeWorkbook(scratch.dir, 'dated.xlsx', [
      {
        name: 'Monday',
        rows: [
          ['Title', 'Date', 'Start'],
          ['Opening', null, '9:00'],
          ['Moved', '2027-05-19', '9:00'],
        ],
      },
      {
        name: 'Tuesday',
        rows: [
          ['Title', 'Date', 'Start'],
          ['Keynote', null, '9:30'],
        ],
      },
    ]);
    const { document } = await validateFile(file, { timezone: 'UTC', firstDay: '2027-05-17' });
    expect(document.rows.map((row) => [row.sheet, row.row, row.name, row.fields?.start_time])).toEqual([
      ['Monday', 2, 'Opening', '2027-05-17T09:00:00.000Z'],
      ['Monday', 3, 'Moved', '2027-05-19T09:00:00.000Z'],
      ['Tuesday', 2, 'Keynote', '2027-05-18T09:30:00.000Z'],
    ]);
  });

  it('reads sheets named for days and typed without a header row, each on its day', async () => {
    const bare = (title: string, room: string) => [
      ['9:00-10:00', `${title} opening session`, room],
      ['10:30-11:15', `${title} parsers deep dive`, room],
      ['11:30-12:00', `${title} closing remarks`, 'Hall B'],
    ];
    const file = writeWorkbook(scratch.dir, 'bare-days.xlsx', [
      { name: 'Monday', rows: bare('Monday', 'Hall A') },
      { name: 'Tuesday', rows: bare('Tuesday', 'Hall A') },
      speakers,
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'UTC', firstDay: '2027-05-17' });
    expect(invalid).toEqual([]);
    expect(sessions.map((session) => [session.sheet, session.fields.name, session.fields.start_time, session.locations])).toEqual([
      ['Monday', 'Monday opening session', '2027-05-17T09:00:00.000Z', ['Hall A']],
      ['Monday', 'Monday parsers deep dive', '2027-05-17T10:30:00.000Z', ['Hall A']],
      ['Monday', 'Monday closing remarks', '2027-05-17T11:30:00.000Z', ['Hall B']],
      ['Tuesday', 'Tuesday opening session', '2027-05-18T09:00:00.000Z', ['Hall A']],
      ['Tuesday', 'Tuesday parsers deep dive', '2027-05-18T10:30:00.000Z', ['Hall A']],
      ['Tuesday', 'Tuesday closing remarks', '2027-05-18T11:30:00.000Z', ['Hall B']],
    ]);
  });

  it('--sheet all with no agenda sheet is one clear file error', async () => {
    const file = writeWorkbook(scratch.dir, 'no-agenda.xlsx', [speakers, notes]);
    const error = await convertFile({ file, sheet: 'all' }, { timezone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as Error).message).toContain('--sheet all: no sheet has an agenda header');
  });

  it('a workbook with one agenda sheet reads it alone, as before', async () => {
    const file = writeWorkbook(scratch.dir, 'single.xlsx', [
      notes,
      {
        name: 'Sessions',
        rows: [
          ['Title', 'Date', 'Start'],
          ['Only', '2027-05-17', '9:00'],
        ],
      },
      speakers,
    ]);
    const { sessions } = await convertFile({ file }, { timezone: 'UTC' });
    expect(sessions.map((session) => [session.sheet, session.fields.start_time])).toEqual([['Sessions', '2027-05-17T09:00:00.000Z']]);
  });
});
