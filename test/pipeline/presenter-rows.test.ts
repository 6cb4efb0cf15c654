import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { convertFile, scratchDir, view, writeCsv } from './layout-helpers.js';

// One row per presenter (issue 12, pattern 6): rows with the same title, date, times and room are
// ONE session; rows sharing an import_id but differing in title or time stay a conflict.
const scratch = scratchDir('gbi-presenters-');
afterAll(scratch.remove);

const presenters = writeCsv(scratch.dir, 'presenters.csv', [
  'Talk ID,Title,Date,Start,End,Room,Speaker',
  's-1,Opening,2027-05-14,9:00,10:00,Hall A,Ana Ruiz',
  's-2,Opening,2027-05-14,9:00,10:00,Hall A,Bo Li',
  's-9,Opening,2027-05-14,9:00,10:00,Hall A,"Cy Dee; Ana Ruiz"',
  's-3,Parsers,2027-05-14,10:00,11:00,Hall B,Dee Ek',
  's-3,Clash,2027-05-14,11:00,12:00,Hall B,Ed Fo',
]);

describe('rows with the same title, date, times and room', () => {
  it('are one session, its speakers collected in row order (America/Chicago, UTC-5 in May)', async () => {
    const { sessions, invalid } = await convertFile({ file: presenters }, { timezone: 'America/Chicago' });
    expect(sessions.map(view)).toEqual([
      {
        sheet: 'presenters.csv',
        row: 2,
        name: 'Opening',
        start: '2027-05-14T14:00:00.000Z',
        end: '2027-05-14T15:00:00.000Z',
        rooms: ['Hall A'],
      },
    ]);
    const [opening] = sessions;
    expect(opening?.fields.import_id).toBe('s-1');
    expect(opening?.speakers?.map((speaker) => [speaker.name, speaker.role])).toEqual([
      ['Ana Ruiz', 'Speaker'],
      ['Bo Li', 'Speaker'],
      ['Cy Dee', 'Speaker'],
    ]);
    const merged = opening?.warnings.find((issue) => issue.code === 'merged_rows');
    expect(merged?.severity).toBe('warning');
    expect(merged?.message).toBe(
      'Row 2: rows 3, 4 have the same title, date, times and room: one session (one row per presenter); they differ in ' +
        '"Talk ID" ("s-1", "s-2", "s-9"); "Speaker" ("Ana Ruiz", "Bo Li", "Cy Dee; Ana Ruiz"); this row\'s cells are used, with the speakers of all rows',
    );
    // Rows 5 and 6 share "s-3" but are different sessions: the duplicate stays a conflict on both.
    expect(invalid.map((row) => [row.row, row.issues.map((issue) => issue.code)])).toEqual([
      [5, ['duplicate_import_id']],
      [6, ['duplicate_import_id']],
    ]);
  });

  it('the report has one row for the merged session, and the conflicts', async () => {
    const { document } = await validateFile(presenters, { timezone: 'America/Chicago' });
    expect(document.rows.map((row) => [row.row, row.action, row.name])).toEqual([
      [2, 'create', 'Opening'],
      [5, 'conflict', 'Parsers'],
      [6, 'conflict', 'Clash'],
    ]);
    // validate plans and writes nothing: the create is planned, not counted as created.
    expect(document.summary).toMatchObject({ created: 0, conflicts: 2, invalid: 0 });
  });

  it('an identical copy of a row is not a presenter row: the duplicate is reported as before', async () => {
    const copies = writeCsv(scratch.dir, 'copies.csv', ['Title,Date,Start', 'Twice,2027-05-14,9:00', 'Twice,2027-05-14,9:00']);
    const { document } = await validateFile(copies, { timezone: 'UTC' });
    expect(document.rows.map((row) => [row.row, row.action])).toEqual([
      [2, 'conflict'],
      [3, 'conflict'],
    ]);
  });

  it('a row naming the speaker in a Name column beside Title is merged the same way', async () => {
    // The case that once made sessions named after speakers: "Name" loses to "Title".
    const named = writeCsv(scratch.dir, 'named.csv', [
      'Title,Name,Date,Start,End',
      'Panel,Ana Ruiz,2027-05-14,9:00,10:00',
      'Panel,Bo Li,2027-05-14,9:00,10:00',
    ]);
    const { sessions } = await convertFile({ file: named }, { timezone: 'UTC' });
    expect(sessions.map((session) => [session.row, session.fields.name])).toEqual([[2, 'Panel']]);
    expect(sessions[0]?.warnings.map((issue) => issue.message)).toContain(
      'Row 2: row 3 has the same title, date, times and room: one session (one row per presenter); they differ in "Name" ("Ana Ruiz", "Bo Li"); this row\'s cells are used, with the speakers of all rows',
    );
  });
});
