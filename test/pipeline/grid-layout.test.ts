import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { convertFile, scratchDir, view, writeCsv, writeWorkbook } from './layout-helpers.js';

// Time grids (issue 12, pattern 7): times down the first column, one column per room.
const scratch = scratchDir('gbi-grid-');
afterAll(scratch.remove);

// One day, a day row above the header; a keynote merged across all rooms, a talk merged down two
// rows, a cell with its own times, a cell with a second line, a range in the time column.
const oneDay = writeWorkbook(scratch.dir, 'grid.xlsx', [
  {
    name: 'Program',
    rows: [
      ['Tuesday 18 May 2027'],
      ['Time', 'Hall A', 'Hall B', 'Hall C'],
      ['9:00', 'Opening keynote', null, null],
      ['10:00', 'Rust at scale\nAna Ruiz', 'Design systems', 'Workshop (10:00-11:45)'],
      ['10:30', null, 'Data pipelines', null],
      ['11:00', 'Lunch', null, null],
      ['12:00-12:45', 'Lightning talks', null, null],
    ],
    merges: ['B3:D3', 'B4:B5', 'B6:D6'],
  },
]);

describe('a time grid in a workbook', () => {
  it('makes each filled cell one session in its room, ending at the next time row (Europe/Berlin, UTC+2 in May)', async () => {
    const { sessions, invalid, warnings } = await convertFile({ file: oneDay }, { timezone: 'Europe/Berlin' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual([
      // Merged across every room: ONE session in all of them.
      {
        sheet: 'Program!B3',
        row: 3,
        name: 'Opening keynote',
        start: '2027-05-18T07:00:00.000Z',
        end: '2027-05-18T08:00:00.000Z',
        rooms: ['Hall A', 'Hall B', 'Hall C'],
      },
      // Merged down rows 4-5: ends when row 6 starts (11:00).
      {
        sheet: 'Program!B4',
        row: 4,
        name: 'Rust at scale',
        start: '2027-05-18T08:00:00.000Z',
        end: '2027-05-18T09:00:00.000Z',
        rooms: ['Hall A'],
      },
      {
        sheet: 'Program!C4',
        row: 4,
        name: 'Design systems',
        start: '2027-05-18T08:00:00.000Z',
        end: '2027-05-18T08:30:00.000Z',
        rooms: ['Hall B'],
      },
      // Its own times win over the rows'.
      {
        sheet: 'Program!D4',
        row: 4,
        name: 'Workshop',
        start: '2027-05-18T08:00:00.000Z',
        end: '2027-05-18T09:45:00.000Z',
        rooms: ['Hall C'],
      },
      {
        sheet: 'Program!C5',
        row: 5,
        name: 'Data pipelines',
        start: '2027-05-18T08:30:00.000Z',
        end: '2027-05-18T09:00:00.000Z',
        rooms: ['Hall B'],
      },
      {
        sheet: 'Program!B6',
        row: 6,
        name: 'Lunch',
        start: '2027-05-18T09:00:00.000Z',
        end: '2027-05-18T10:00:00.000Z',
        rooms: ['Hall A', 'Hall B', 'Hall C'],
      },
      // The time cell's own range gives the end of the last row.
      {
        sheet: 'Program!B7',
        row: 7,
        name: 'Lightning talks',
        start: '2027-05-18T10:00:00.000Z',
        end: '2027-05-18T10:45:00.000Z',
        rooms: ['Hall A'],
      },
    ]);
    // The second line of a cell is the description.
    expect(sessions[1]?.fields.description_html).toBe('<p>Ana Ruiz</p>');
    expect(warnings[0]).toBe(
      'sheet "Program" read as a time grid: times in column A, rooms "Hall A", "Hall B", "Hall C"; 7 sessions, each named by its cell (e.g. "Program!B3")',
    );
  });

  it('names the cell of each session in the report', async () => {
    const { document } = await validateFile(oneDay, { timezone: 'Europe/Berlin' });
    expect(document.rows.map((row) => `${row.sheet}:${row.row}:${row.action}`)).toEqual([
      'Program!B3:3:create',
      'Program!B4:4:create',
      'Program!C4:4:create',
      'Program!D4:4:create',
      'Program!C5:5:create',
      'Program!B6:6:create',
      'Program!B7:7:create',
    ]);
  });
});

describe('a time grid in a CSV file with a block per day', () => {
  // Day rows ("Day 1", "Day 2") start a block; the second day has rooms of its own.
  const days = writeCsv(scratch.dir, 'grid-days.csv', [
    ',Room 1,Room 2',
    'Day 1,,',
    '9:00,Intro,',
    '9:30,Talk A,Talk B',
    '10:15,,',
    'Day 2,,',
    ',Room 1,Room 3',
    '9:00,Talk C,Talk D',
    '10:00,Closing,',
  ]);

  it('reads each block on its day (--first-day; America/New_York, UTC-4 in May), a block ending with its last time row', async () => {
    const { sessions, invalid } = await convertFile({ file: days }, { timezone: 'America/New_York', firstDay: '2027-05-18' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual([
      {
        sheet: 'grid-days.csv!B3',
        row: 3,
        name: 'Intro',
        start: '2027-05-18T13:00:00.000Z',
        end: '2027-05-18T13:30:00.000Z',
        rooms: ['Room 1'],
      },
      {
        sheet: 'grid-days.csv!B4',
        row: 4,
        name: 'Talk A',
        start: '2027-05-18T13:30:00.000Z',
        end: '2027-05-18T14:15:00.000Z',
        rooms: ['Room 1'],
      },
      {
        sheet: 'grid-days.csv!C4',
        row: 4,
        name: 'Talk B',
        start: '2027-05-18T13:30:00.000Z',
        end: '2027-05-18T14:15:00.000Z',
        rooms: ['Room 2'],
      },
      {
        sheet: 'grid-days.csv!B8',
        row: 8,
        name: 'Talk C',
        start: '2027-05-19T13:00:00.000Z',
        end: '2027-05-19T14:00:00.000Z',
        rooms: ['Room 1'],
      },
      {
        sheet: 'grid-days.csv!C8',
        row: 8,
        name: 'Talk D',
        start: '2027-05-19T13:00:00.000Z',
        end: '2027-05-19T14:00:00.000Z',
        rooms: ['Room 3'],
      },
      // The last time row of the sheet has no next row: no end.
      { sheet: 'grid-days.csv!B9', row: 9, name: 'Closing', start: '2027-05-19T14:00:00.000Z', end: null, rooms: ['Room 1'] },
    ]);
  });

  it('without --first-day, the day rows cannot be placed: the run stops saying which option to add', async () => {
    await expect(convertFile({ file: days }, { timezone: 'America/New_York' })).rejects.toThrow(/"Day 1".*--first-day YYYY-MM-DD/);
  });
});

describe('a time grid whose day blocks name their day in the header', () => {
  it("dates each block by its header's first cell (Europe/Madrid, UTC+2)", async () => {
    const file = writeCsv(scratch.dir, 'day-headers.csv', [
      'Tue 18 May 2027,Hall A,Hall B',
      '9:00,Opening,',
      '10:00,Talk A,Talk B',
      '11:00,,',
      'Wed 19 May 2027,Hall A,Hall C',
      '9:00,Talk C,Talk D',
      '10:00,,',
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'Europe/Madrid' });
    expect(invalid).toEqual([]);
    expect(sessions.map((session) => [session.fields.name, session.fields.start_time, session.fields.end_time, session.locations])).toEqual(
      [
        ['Opening', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z', ['Hall A']],
        ['Talk A', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z', ['Hall A']],
        ['Talk B', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z', ['Hall B']],
        ['Talk C', '2027-05-19T07:00:00.000Z', '2027-05-19T08:00:00.000Z', ['Hall A']],
        ['Talk D', '2027-05-19T07:00:00.000Z', '2027-05-19T08:00:00.000Z', ['Hall C']],
      ],
    );
  });
});

describe('a time grid whose time column holds full date-times', () => {
  it("takes each row's day from its own cell (UTC)", async () => {
    const file = writeCsv(scratch.dir, 'dated.csv', [
      'Time,Hall A,Hall B',
      '2027-05-18 09:00,Opening,',
      '2027-05-18 10:00,Talk A,Talk B',
      '2027-05-19 09:00-09:45,Day two,',
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'UTC' });
    expect(invalid).toEqual([]);
    expect(sessions.map((session) => [session.fields.name, session.fields.start_time, session.fields.end_time])).toEqual([
      ['Opening', '2027-05-18T09:00:00.000Z', '2027-05-18T10:00:00.000Z'],
      // The last time row of its date: no end (the next row is another day's).
      ['Talk A', '2027-05-18T10:00:00.000Z', null],
      ['Talk B', '2027-05-18T10:00:00.000Z', null],
      ['Day two', '2027-05-19T09:00:00.000Z', '2027-05-19T09:45:00.000Z'],
    ]);
  });
});

describe('a time grid on its side: rooms down the first column, times across the header', () => {
  it('reads each cell as a session, named by its own cell (--first-day; UTC)', async () => {
    const file = writeCsv(scratch.dir, 'across.csv', [
      'Room,9:00,10:00,11:00,12:00',
      'Hall A,Opening,Opening,Lunch,',
      'Hall B,,Talk B,Lunch,',
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'UTC', firstDay: '2027-05-17' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual([
      {
        sheet: 'across.csv!B2',
        row: 2,
        name: 'Opening',
        start: '2027-05-17T09:00:00.000Z',
        end: '2027-05-17T11:00:00.000Z',
        rooms: ['Hall A'],
      },
      {
        sheet: 'across.csv!C3',
        row: 3,
        name: 'Talk B',
        start: '2027-05-17T10:00:00.000Z',
        end: '2027-05-17T11:00:00.000Z',
        rooms: ['Hall B'],
      },
      {
        sheet: 'across.csv!D2',
        row: 2,
        name: 'Lunch',
        start: '2027-05-17T11:00:00.000Z',
        end: '2027-05-17T12:00:00.000Z',
        rooms: ['Hall A', 'Hall B'],
      },
    ]);
    expect(warnings[0]).toBe(
      'sheet "across.csv" read as a time grid on its side: times across row 1, rooms "Hall A", "Hall B"; 3 sessions, each named by its cell (e.g. "across.csv!B2")',
    );
  });

  it('a workbook grid on its side keeps its merged cells', async () => {
    const file = writeWorkbook(scratch.dir, 'across.xlsx', [
      {
        name: 'Tuesday 18 May 2027',
        rows: [
          ['', '9:00', '10:00', '11:00'],
          ['Hall A', 'Keynote', null, null],
          ['Hall B', null, 'Talk', null],
        ],
        merges: ['B2:B3'],
      },
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'UTC' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual([
      {
        sheet: 'Tuesday 18 May 2027!B2',
        row: 2,
        name: 'Keynote',
        start: '2027-05-18T09:00:00.000Z',
        end: '2027-05-18T10:00:00.000Z',
        rooms: ['Hall A', 'Hall B'],
      },
      {
        sheet: 'Tuesday 18 May 2027!C3',
        row: 3,
        name: 'Talk',
        start: '2027-05-18T10:00:00.000Z',
        end: '2027-05-18T11:00:00.000Z',
        rooms: ['Hall B'],
      },
    ]);
  });
});

describe('a time grid exported to CSV, its merged cells repeated in each cell', () => {
  it('reads the same text in adjacent cells as one session (UTC)', async () => {
    const file = writeCsv(scratch.dir, 'repeated.csv', [
      'Time,Hall A,Hall B,Hall C',
      '9:00,Keynote,Keynote,Keynote',
      '10:00,Workshop,Talk 1,Talk 2',
      '10:30,Workshop,Talk 3,',
      '11:00,Lunch,Lunch,Lunch',
      '12:00,,,',
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'UTC', firstDay: '2027-05-17' });
    expect(invalid).toEqual([]);
    const all = ['Hall A', 'Hall B', 'Hall C'];
    expect(
      sessions.map((session) => [
        session.fields.name,
        session.fields.start_time.slice(11, 16),
        session.fields.end_time?.slice(11, 16),
        session.locations,
      ]),
    ).toEqual([
      ['Keynote', '09:00', '10:00', all],
      ['Workshop', '10:00', '11:00', ['Hall A']],
      ['Talk 1', '10:00', '10:30', ['Hall B']],
      ['Talk 2', '10:00', '10:30', ['Hall C']],
      ['Talk 3', '10:30', '11:00', ['Hall B']],
      ['Lunch', '11:00', '12:00', all],
    ]);
    expect(warnings).toContain(
      'sheet "repeated.csv": 3 sessions written in several adjacent cells with the same text read as one (as a merged cell)',
    );
  });
});

describe('a time grid typed in Excel', () => {
  it('reads time cells stored as day fractions, and a week grid whose columns are days', async () => {
    // 0.375 = 9:00, 0.4375 = 10:30, 0.5 = 12:00: what Excel stores for a time typed in a cell.
    const file = writeWorkbook(scratch.dir, 'week.xlsx', [
      {
        name: 'Week',
        rows: [
          [null, 'Monday', 'Tuesday'],
          [0.375, 'Standup', 'Retro'],
          [0.4375, 'Planning', null],
          [0.5, null, null],
        ],
      },
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'UTC', firstDay: '2027-05-17' });
    expect(invalid).toEqual([]);
    expect(
      sessions.map((session) => [
        session.sheet,
        session.fields.name,
        session.fields.start_time,
        session.fields.end_time,
        session.locations,
      ]),
    ).toEqual([
      ['Week!B2', 'Standup', '2027-05-17T09:00:00.000Z', '2027-05-17T10:30:00.000Z', undefined],
      ['Week!C2', 'Retro', '2027-05-18T09:00:00.000Z', '2027-05-18T10:30:00.000Z', undefined],
      ['Week!B3', 'Planning', '2027-05-17T10:30:00.000Z', '2027-05-17T12:00:00.000Z', undefined],
    ]);
    expect(warnings[0]).toContain('read as a time grid: times in column A, days "Monday", "Tuesday"');
  });
});

describe('what is not a time grid', () => {
  it('a time and unknown columns filled in every row is a table, not rooms: the run stops asking for names it knows', async () => {
    const agenda = writeCsv(scratch.dir, 'meeting.csv', [
      'Time,Item,Who',
      '9:00,Welcome,Ana',
      '9:15,Budget review,Bo',
      '9:45,Any other business,Cy',
    ]);
    await expect(convertFile({ file: agenda }, { timezone: 'UTC', firstDay: '2027-05-17' })).rejects.toMatchObject({
      code: 'file',
      message: expect.stringContaining('row 1 looks like a header row ("Time", "Item", "Who"), but its names give no title and start'),
    });
  });

  it('a table whose headers name fields stays a table', async () => {
    const table = writeCsv(scratch.dir, 'table.csv', [
      'Time,Title,Room',
      '2027-05-18 9:00,Opening,Hall A',
      '2027-05-18 10:00,Close,Hall B',
    ]);
    const { sessions } = await convertFile({ file: table }, { timezone: 'UTC' });
    expect(sessions.map((session) => [session.sheet, session.row, session.fields.name])).toEqual([
      ['table.csv', 2, 'Opening'],
      ['table.csv', 3, 'Close'],
    ]);
  });
});

// Field test (issue 12): a closing row, and week grids headed by dates.
describe('a grid closing row and its last sessions', () => {
  it('an "End of day" row ends the row before and is no session (CSV); a typed "End" row in a workbook likewise', async () => {
    const csv = writeCsv(scratch.dir, 'end-row.csv', [
      'Time,Hall 1,Hall 2',
      '09:00,Talk 1,Talk 2',
      '10:00,Talk 3,Talk 4',
      '11:00,End of day,',
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file: csv }, { timezone: 'Europe/Berlin', firstDay: '2027-05-18' });
    expect(invalid).toEqual([]);
    expect(sessions.map((s) => [s.fields.name, s.fields.start_time, s.fields.end_time, s.warnings.length])).toEqual([
      ['Talk 1', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z', 0],
      ['Talk 2', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z', 0],
      ['Talk 3', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z', 0],
      ['Talk 4', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z', 0],
    ]);
    expect(warnings).toContain(
      'sheet "end-row.csv": row(s) 4 only say the day ends ("End"): their time ends the row before, and they are no session',
    );

    // Excel day fractions: 0.4375 = 10:30, 0.46875 = 11:15; "Ende" is German for the end.
    const book = writeWorkbook(scratch.dir, 'end-row.xlsx', [
      {
        name: 'Wednesday',
        rows: [
          [null, 'Studio 1', 'Studio 2'],
          [0.375, 'Breakfast', 'Breakfast'],
          [0.4375, 'Showcase', null],
          [0.46875, 'Ende', null],
        ],
      },
    ]);
    const typed = await convertFile({ file: book }, { timezone: 'UTC', firstDay: '2027-05-18' });
    expect(typed.sessions.map((s) => [s.fields.name, s.fields.start_time, s.fields.end_time])).toEqual([
      ['Breakfast', '2027-05-19T09:00:00.000Z', '2027-05-19T10:30:00.000Z'],
      ['Showcase', '2027-05-19T10:30:00.000Z', '2027-05-19T11:15:00.000Z'],
    ]);
  });

  it('a session in the last time row has no end, and its row says so (a warning, not silence); "Closing" stays a session', async () => {
    const csv = writeCsv(scratch.dir, 'no-end-row.csv', ['Time,Hall 1,Hall 2', '09:00,Talk 1,Talk 2', '10:00,Closing,']);
    const { sessions, invalid } = await convertFile({ file: csv }, { timezone: 'UTC', firstDay: '2027-05-18' });
    expect(invalid).toEqual([]);
    expect(sessions.map((s) => [s.sheet, s.fields.name, s.fields.end_time ?? null])).toEqual([
      ['no-end-row.csv!B2', 'Talk 1', '2027-05-18T10:00:00.000Z'],
      ['no-end-row.csv!C2', 'Talk 2', '2027-05-18T10:00:00.000Z'],
      ['no-end-row.csv!B3', 'Closing', null],
    ]);
    expect(sessions[2]!.warnings).toEqual([
      expect.objectContaining({
        code: 'open_end',
        severity: 'warning',
        row: 3,
        message: expect.stringContaining('Row 3: the grid has no time row after row 3 for this session to end at'),
      }),
    ]);
    expect(sessions[0]!.warnings).toEqual([]);
  });
});

describe('a grid closing row per day block', () => {
  it('a bare last time row ends the row before and is no closing row; an "End" row ends its own day only', async () => {
    const csv = writeCsv(scratch.dir, 'blocks-end.csv', [
      'Monday 17 May 2027',
      'Time,Hall 1,Hall 2',
      '09:00,Talk A,Talk B',
      '10:00,,',
      'Tuesday 18 May 2027',
      'Time,Hall 1,Hall 2',
      '09:00,Talk C,',
      '10:30,Fin,',
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file: csv }, { timezone: 'UTC' });
    expect(invalid).toEqual([]);
    expect(sessions.map((s) => [s.fields.name, s.fields.start_time, s.fields.end_time, s.warnings.length])).toEqual([
      ['Talk A', '2027-05-17T09:00:00.000Z', '2027-05-17T10:00:00.000Z', 0],
      ['Talk B', '2027-05-17T09:00:00.000Z', '2027-05-17T10:00:00.000Z', 0],
      ['Talk C', '2027-05-18T09:00:00.000Z', '2027-05-18T10:30:00.000Z', 0],
    ]);
    expect(warnings).toContain(
      'sheet "blocks-end.csv": row(s) 8 only say the day ends ("End"): their time ends the row before, and they are no session',
    );
  });
});

describe('a week grid headed by dates', () => {
  for (const [label, first, second] of [
    ['ISO dates', '2027-05-18', '2027-05-19'],
    ['day/month/year', '18/05/2027', '19/05/2027'],
    ['day/month without a year', '18/05', '19/05'],
  ] as const) {
    it(`reads columns headed by ${label} as days, filled at every time (no gap needed)`, async () => {
      const csv = writeCsv(scratch.dir, `week-${label.replace(/\W+/g, '-')}.csv`, [
        `Time,${first},${second}`,
        '09:00,Alpha,Beta',
        '10:00-11:00,Gamma,Delta',
      ]);
      const { sessions, invalid, warnings } = await convertFile({ file: csv }, { timezone: 'Europe/Berlin', firstDay: '2027-05-18' });
      expect(invalid).toEqual([]);
      expect(sessions.map((s) => [s.fields.name, s.fields.start_time, s.fields.end_time, s.locations])).toEqual([
        ['Alpha', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z', undefined],
        ['Beta', '2027-05-19T07:00:00.000Z', '2027-05-19T08:00:00.000Z', undefined],
        ['Gamma', '2027-05-18T08:00:00.000Z', '2027-05-18T09:00:00.000Z', undefined],
        ['Delta', '2027-05-19T08:00:00.000Z', '2027-05-19T09:00:00.000Z', undefined],
      ]);
      expect(warnings[0]).toContain(`days "${first}", "${second}"`);
    });
  }
});
