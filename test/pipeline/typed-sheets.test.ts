import { afterAll, describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { validateFile } from '../../src/index.js';
import { convertFile, scratchDir, view, writeCsv, writeWorkbook } from './layout-helpers.js';

// Sheets as people type them (issue 12, pattern 10): no header row, section rows, a date written
// once per day, a second title column.
const scratch = scratchDir('gbi-typed-');
afterAll(scratch.remove);

describe('a sheet without a header row', () => {
  // Times as ranges, long distinct texts (titles), short repeated texts (rooms); day rows between.
  const headerless = writeCsv(scratch.dir, 'headerless.csv', [
    'FRIDAY',
    '9:00-10:00,Opening of the conference and welcome,Hall A',
    '10:15-11:00,Building parsers that never guess,Hall B',
    '11:15-12:00,A long talk title about streaming,Hall A',
    'SATURDAY',
    '9:00-10:00,Keynote on reading agendas people type,Hall A',
    '10:15-11:00,Section rows and days explained,Hall B',
  ]);

  it('names its columns by what they hold, and its day rows set the day (2027-05-14 is a Friday; Europe/Berlin, UTC+2)', async () => {
    const { sessions, invalid, warnings } = await convertFile({ file: headerless }, { timezone: 'Europe/Berlin', firstDay: '2027-05-14' });
    expect(invalid).toEqual([]);
    const at = (row: number, name: string, day: string, start: string, end: string, room: string) => ({
      sheet: 'headerless.csv',
      row,
      name,
      start: `2027-05-${day}T${start}:00.000Z`,
      end: `2027-05-${day}T${end}:00.000Z`,
      rooms: [room],
    });
    expect(sessions.map(view)).toEqual([
      at(2, 'Opening of the conference and welcome', '14', '07:00', '08:00', 'Hall A'),
      at(3, 'Building parsers that never guess', '14', '08:15', '09:00', 'Hall B'),
      at(4, 'A long talk title about streaming', '14', '09:15', '10:00', 'Hall A'),
      at(6, 'Keynote on reading agendas people type', '15', '07:00', '08:00', 'Hall A'),
      at(7, 'Section rows and days explained', '15', '08:15', '09:00', 'Hall B'),
    ]);
    expect(warnings).toContain(
      'has no header row: its columns are read by what they hold: A = Start, B = Title, C = Room (add a header row or --mapping to choose otherwise)',
    );
    expect(warnings).toContain('sheet "headerless.csv": 2 day rows set the day of the rows below (rows 1, 5)');
  });

  it('reads a workbook without a header row, its dates and times real date cells (Asia/Kolkata, UTC+5:30)', async () => {
    // 46524 = 2027-05-17, 0.375 = 9:00, 0.4375 = 10:30 (what Excel stores); written with date formats.
    const file = writeWorkbook(scratch.dir, 'headerless.xlsx', [
      {
        name: 'Sheet1',
        rows: [
          [46524, 0.375, 'Opening of the conference and welcome', 'Hall A'],
          [46524, 0.4375, 'Building parsers that never guess', 'Hall B'],
          [46525, 0.375, 'Keynote on reading agendas people type', 'Hall A'],
        ],
        formats: { A: 'yyyy-mm-dd', B: 'h:mm' },
      },
    ]);
    const { sessions, invalid, warnings } = await convertFile({ file }, { timezone: 'Asia/Kolkata' });
    expect(invalid).toEqual([]);
    expect(sessions.map((session) => [session.row, session.fields.name, session.fields.start_time, session.locations])).toEqual([
      [1, 'Opening of the conference and welcome', '2027-05-17T03:30:00.000Z', ['Hall A']],
      [2, 'Building parsers that never guess', '2027-05-17T05:00:00.000Z', ['Hall B']],
      [3, 'Keynote on reading agendas people type', '2027-05-18T03:30:00.000Z', ['Hall A']],
    ]);
    expect(warnings.join('\n')).toContain('A = Date, B = Start, C = Title, D = Room');
  });

  it('when two columns could both hold the titles, asks for a header row', async () => {
    const unclear = writeCsv(scratch.dir, 'unclear.csv', [
      '9:00,Opening talk,Ana Ruiz-Gomez',
      '10:00,Parsers talk,Bo Li Chen',
      '11:00,Closing talk,Cyrille Dupont',
    ]);
    const error = await convertFile({ file: unclear }, { timezone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as Error).message).toBe(
      `${unclear}: has no header row, and its columns cannot be told apart by what they hold (columns B, C could both hold the titles): add a header row (e.g. Date, Start, End, Title, Room) or map the columns with --mapping`,
    );
  });
});

describe('a sheet whose time column is headed by an unknown name', () => {
  it('is refused with the true reason: column A holds times, but too few of its cells for a guess', async () => {
    // Field test (issue 12): the message said "no column holds times" while column A did.
    const unknown = writeCsv(scratch.dir, 'unknown-time-header.csv', [
      'Zeitpunkt,18/05,19/05',
      '09:00,Alpha,Beta talk',
      '10:00-11:00,Gamma,Delta',
    ]);
    const error = await convertFile({ file: unknown }, { timezone: 'UTC', firstDay: '2027-05-18' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as Error).message).toBe(
      `${unknown}: has no header row, and its columns cannot be told apart by what they hold (column A holds times in only 2 of its 3 filled cells, too few to read it as the start without a header): add a header row (e.g. Date, Start, End, Title, Room) or map the columns with --mapping`,
    );
  });
});

describe('a header row of unknown names', () => {
  it('is refused, never read as a session', async () => {
    const unknown = writeCsv(scratch.dir, 'unknown.csv', [
      'Zeitpunkt,Vortragsthema,Raumbezeichnung',
      '9:00,Opening of the conference,Saal 1',
      '10:00,Parsers that never guess,Saal 2',
      '11:00,Closing words and thanks,Saal 1',
    ]);
    const error = await convertFile({ file: unknown }, { timezone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as Error).message).toContain(
      'row 1 looks like a header row ("Zeitpunkt", "Vortragsthema", "Raumbezeichnung"), but its names give no title and start the importer knows; rename the columns',
    );
  });
});

describe('section rows, dates written once per day, a second title column', () => {
  // "MINI CURSOS" is a section row (skipped); a multi-line date on the first row of a day is
  // carried down; "Tag 2" is a day row; a blank Title falls back to Session.
  const typed = writeCsv(scratch.dir, 'typed.csv', [
    'Date,Start,End,Title,Session,Room',
    'MINI CURSOS,,,,,',
    '"Friday\n14 May 2027",9:00,10:00,Opening,,Hall A',
    ',10:00,11:00,,Parsing workshop,Hall B',
    'Tag 2,,,,,',
    ',9:00,10:00,Day two keynote,,Hall A',
  ]);

  it('skips the section row, carries the date down, reads the day row, takes the second title (America/Sao_Paulo, UTC-3)', async () => {
    const { sessions, invalid, warnings } = await convertFile({ file: typed }, { timezone: 'America/Sao_Paulo', firstDay: '2027-05-14' });
    expect(invalid).toEqual([]);
    expect(sessions.map(view)).toEqual([
      {
        sheet: 'typed.csv',
        row: 3,
        name: 'Opening',
        start: '2027-05-14T12:00:00.000Z',
        end: '2027-05-14T13:00:00.000Z',
        rooms: ['Hall A'],
      },
      {
        sheet: 'typed.csv',
        row: 4,
        name: 'Parsing workshop',
        start: '2027-05-14T13:00:00.000Z',
        end: '2027-05-14T14:00:00.000Z',
        rooms: ['Hall B'],
      },
      {
        sheet: 'typed.csv',
        row: 6,
        name: 'Day two keynote',
        start: '2027-05-15T12:00:00.000Z',
        end: '2027-05-15T13:00:00.000Z',
        rooms: ['Hall A'],
      },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'sheet "typed.csv": 1 section row (one filled cell, no day) skipped: row 2 "MINI CURSOS"',
        'sheet "typed.csv": 1 day row set the day of the rows below (rows 5)',
        'sheet "typed.csv": 1 row with a blank date take the date of the row above',
        'sheet "typed.csv": 1 row without a date take the day of the day row above',
        'sheet "typed.csv": 1 row with a blank "Title" take the title from "Session"',
      ]),
    );
  });

  it('a blank Title never takes a bare "Name" column (a speaker\'s name beside the title)', async () => {
    const file = writeCsv(scratch.dir, 'name-title.csv', [
      'Name,Title,Date,Start,End',
      'Ann Lee,Graph databases,2027-05-18,09:00,09:45',
      'Bob Ray,,2027-05-18,10:00,10:45',
    ]);
    const { sessions, invalid } = await convertFile({ file }, { timezone: 'Europe/Berlin' });
    expect(sessions.map((s) => s.fields.name)).toEqual(['Graph databases']);
    expect(invalid.map((row) => [row.row, row.issues[0]?.column])).toEqual([[3, 'Title']]);
  });

  it('never reports a section row as an invalid session', async () => {
    const { document } = await validateFile(typed, { timezone: 'America/Sao_Paulo', firstDay: '2027-05-14' });
    expect(document.rows.map((row) => [row.row, row.action])).toEqual([
      [3, 'create'],
      [4, 'create'],
      [6, 'create'],
    ]);
    expect(document.summary.invalid).toBe(0);
  });

  it('a workbook cell merged down several rows (a date, a room) gives its value to each row', async () => {
    const file = writeWorkbook(scratch.dir, 'merged-down.xlsx', [
      {
        name: 'Agenda',
        rows: [
          ['Date', 'Start', 'End', 'Title', 'Room'],
          ['2027-05-14', '9:00', '10:00', 'Opening', 'Hall A'],
          [null, '10:00', '11:00', 'Parsers', null],
          [null, '11:00', '12:00', 'Closing', 'Hall B'],
        ],
        merges: ['A2:A4', 'E2:E3'],
      },
    ]);
    const { sessions, warnings } = await convertFile({ file }, { timezone: 'UTC' });
    expect(sessions.map(view)).toEqual([
      { sheet: 'Agenda', row: 2, name: 'Opening', start: '2027-05-14T09:00:00.000Z', end: '2027-05-14T10:00:00.000Z', rooms: ['Hall A'] },
      { sheet: 'Agenda', row: 3, name: 'Parsers', start: '2027-05-14T10:00:00.000Z', end: '2027-05-14T11:00:00.000Z', rooms: ['Hall A'] },
      { sheet: 'Agenda', row: 4, name: 'Closing', start: '2027-05-14T11:00:00.000Z', end: '2027-05-14T12:00:00.000Z', rooms: ['Hall B'] },
    ]);
    // Read from the merge, not carried down: no note about blank dates.
    expect(warnings.some((line) => line.includes('blank date'))).toBe(false);
  });

  it('a workbook sheet without a Date column gets its days from day rows', async () => {
    const file = writeWorkbook(scratch.dir, 'sections.xlsx', [
      {
        name: 'Agenda',
        rows: [['Title', 'Start', 'End'], ['Day 1'], ['Welcome', '9:00', '9:30'], ['Day 2'], ['Farewell', '16:00', '16:30']],
      },
    ]);
    const { sessions, warnings } = await convertFile({ file }, { timezone: 'UTC', firstDay: '2027-05-14' });
    expect(sessions.map((session) => [session.row, session.fields.start_time, session.fields.end_time])).toEqual([
      [3, '2027-05-14T09:00:00.000Z', '2027-05-14T09:30:00.000Z'],
      [5, '2027-05-15T16:00:00.000Z', '2027-05-15T16:30:00.000Z'],
    ]);
    expect(warnings).toContain(
      'sheet "Agenda": no date column: a "Date" column holds the day of each row (from day rows or the sheet name)',
    );
  });
});
