// The pure half of export: sessions to rows of the canonical columns, in local time.
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AGENDA_HEADERS,
  agendaBytes,
  buildAgendaRows,
  type AgendaInput,
  type ExportCell,
  type ExportedAgenda,
} from '../../src/export/index.js';
import { CANONICAL_COLUMNS } from '../../src/map/index.js';
import type { ApiScheduleTrack, ApiSession } from '../../src/types.js';
import { readBack } from './pipeline.js';
import { scratchFolder } from './sandbox-fixture.js';

const NY = 'America/New_York';
const scratch = scratchFolder();
afterAll(() => scratch.remove());

function apiSession(id: number, fields: Partial<ApiSession> = {}): ApiSession {
  return {
    id,
    guide: 1,
    name: `Session ${id}`,
    description_html: null,
    start_time: '2027-05-10T13:00:00.000000+0000',
    end_time: '2027-05-10T14:00:00.000000+0000',
    all_day: false,
    allow_rating: true,
    add_to_schedule: true,
    import_id: `id-${id}`,
    schedule_tracks: [],
    locations: [],
    ...fields,
  };
}

function rows(sessions: ApiSession[], extra: Partial<AgendaInput> = {}) {
  return buildAgendaRows({ sessions, tracks: [], locations: [], zone: NY, ...extra });
}

/** One row as {header: cell}, for readable expectations. */
function named(row: ExportCell[]): Record<string, ExportCell> {
  return Object.fromEntries(AGENDA_HEADERS.map((header, i) => [header, row[i] ?? null]));
}

const date = (year: number, month: number, day: number) => ({ kind: 'date', year, month, day });
const time = (hour: number, minute: number, second = 0) => ({ kind: 'time', hour, minute, second });
const dateTime = (year: number, month: number, day: number, hour: number, minute: number) => ({
  kind: 'datetime',
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

describe('columns and cells', () => {
  it('writes the canonical headers in their order', () => {
    expect(AGENDA_HEADERS).toEqual(CANONICAL_COLUMNS.map((c) => c.header));
    expect(rows([apiSession(1)]).rows[0]).toHaveLength(CANONICAL_COLUMNS.length);
  });

  it('writes local date and times in the zone, and the zone in every row', () => {
    const [row] = rows([apiSession(1, { rank: 3, description_html: '<p>x</p>', allow_rating: false })]).rows;
    expect(named(row!)).toMatchObject({
      'Import ID': 'id-1',
      Title: 'Session 1',
      Date: date(2027, 5, 10),
      Start: time(9, 0),
      End: time(10, 0),
      'Time Zone': NY,
      'All Day': 'no',
      Description: '<p>x</p>',
      'Allow Rating': 'no',
      'Add to Schedule': 'yes',
      Rank: 3,
    });
  });

  it('writes an end on a later day as a full date-time, and seconds only when there are some', () => {
    const overnight = apiSession(1, { start_time: '2027-05-11T02:00:00Z', end_time: '2027-05-11T06:00:00Z' });
    const precise = apiSession(2, { start_time: '2027-05-11T14:00:15.000000+0000', end_time: '2027-05-11T15:00:00Z' });
    const [a, b] = rows([overnight, precise]).rows.map((row) => named(row));
    expect(a).toMatchObject({ Date: date(2027, 5, 10), Start: time(22, 0), End: dateTime(2027, 5, 11, 2, 0) });
    expect(b).toMatchObject({ Start: time(10, 0, 15), End: time(11, 0) });
  });

  it('writes an all-day session as its date only', () => {
    const [row] = rows([apiSession(1, { all_day: true, start_time: '2027-05-10T04:00:00Z', end_time: null })]).rows;
    expect(named(row!)).toMatchObject({ Date: date(2027, 5, 10), Start: null, End: null, 'All Day': 'yes', 'Time Zone': NY });
  });

  it('leaves blank what the API did not say (an older API without a field, an empty description)', () => {
    const older = apiSession(1, { description_html: null });
    delete (older as Partial<ApiSession>).locations;
    const [row] = rows([older]).rows;
    expect(named(row!)).toMatchObject({
      Description: null,
      'Room/Location': null,
      'Require Login': null,
      Waitlist: null,
      'Max Capacity': null,
      Rank: null,
    });
  });

  it('writes registration dates as local date-times', () => {
    const session = apiSession(1, { require_login: true, registration_start_date: '2027-05-01T13:00:00Z', registration_end_date: null });
    expect(named(rows([session]).rows[0]!)).toMatchObject({
      'Registration Start': dateTime(2027, 5, 1, 9, 0),
      'Registration End': null,
      'Require Login': 'yes',
    });
  });
});

describe('daylight saving time', () => {
  it('writes a session across the spring-forward gap as plain times', () => {
    const session = apiSession(1, { start_time: '2027-03-14T06:30:00Z', end_time: '2027-03-14T07:30:00Z' });
    expect(named(rows([session]).rows[0]!)).toMatchObject({ Start: time(1, 30), End: time(3, 30) });
  });

  it('writes the second of two equal clock times (fall back) with its offset, and then the end too', () => {
    const second = apiSession(1, { start_time: '2027-11-07T06:30:00Z', end_time: '2027-11-07T07:15:00Z' });
    const first = apiSession(2, { start_time: '2027-11-07T05:30:00Z', end_time: '2027-11-07T05:45:00Z' });
    const across = apiSession(3, { start_time: '2027-11-07T05:10:00Z', end_time: '2027-11-07T06:20:00Z' });
    const out = rows([second, first, across]).rows.map((row) => named(row));
    const byId = Object.fromEntries(out.map((row) => [row['Import ID'], row]));
    expect(byId['id-1']).toMatchObject({ Start: '2027-11-07 01:30-05:00', End: '2027-11-07 02:15-05:00' });
    expect(byId['id-2']).toMatchObject({ Start: time(1, 30), End: time(1, 45) });
    expect(byId['id-3']).toMatchObject({ Start: time(1, 10), End: '2027-11-07 01:20-05:00' });
  });
});

describe('all-day sessions and the zone asked for', () => {
  it("keeps the guide's zone for an all-day session that starts at midnight there, not in the zone asked for", () => {
    const allDay = apiSession(1, { all_day: true, start_time: '2027-05-10T04:00:00Z', end_time: null });
    const timed = apiSession(2);
    const result = rows([allDay, timed], { zone: 'Asia/Kolkata', guideZone: NY });
    const [a, b] = result.rows.map((row) => named(row));
    expect(a).toMatchObject({ 'Time Zone': NY, Date: date(2027, 5, 10) });
    expect(b).toMatchObject({ 'Time Zone': 'Asia/Kolkata', Start: time(18, 30) });
    expect(result.allDayInGuideZone).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('warns about an all-day session that starts at midnight nowhere it knows', () => {
    const odd = apiSession(7, { name: 'Odd', all_day: true, start_time: '2027-05-10T09:00:00Z', end_time: null });
    expect(rows([odd], { guideZone: NY }).warnings).toEqual([
      'All-day session 7 ("Odd") starts at 05:00 in America/New_York, not at midnight: importing the file moves its start to the beginning of that day.',
    ]);
  });

  it('reads back an all-day session on a day whose midnight does not exist (Santiago, clocks jump at 00:00)', async () => {
    // The day starts at 01:00 local, 04:00 UTC: the instant the time stage gives an all-day session on that date.
    const session = apiSession(1, { all_day: true, start_time: '2027-09-05T04:00:00Z', end_time: null });
    const result = rows([session], { zone: 'America/Santiago' });
    expect(result.warnings).toEqual([]);
    expect(named(result.rows[0]!)).toMatchObject({ Date: date(2027, 9, 5) });
    const file = scratch.path('santiago.csv');
    writeFileSync(file, agendaBytes(agendaOf(result.rows, 'America/Santiago'), 'csv'));
    const [converted] = (await readBack(file)).converted;
    expect(converted).toMatchObject({
      ok: true,
      session: { fields: { start_time: '2027-09-05T04:00:00.000Z', all_day: true, end_time: null } },
    });
  });
});

describe('tracks and locations', () => {
  const tracks: ApiScheduleTrack[] = [
    { id: 1, guide: 1, name: 'Keynotes' },
    { id: 2, guide: 1, name: 'Hall A, Level 2' },
    { id: 3, guide: 1, name: 'design' },
    { id: 5, guide: 1, name: 'Design' },
    { id: 6, guide: 1, name: 'Q&A; Panels' },
  ];
  const cell = (ids: number[]) => {
    const result = rows([apiSession(1, { schedule_tracks: ids })], { tracks });
    return { text: named(result.rows[0]!)['Track(s)'], warnings: result.warnings };
  };

  it('writes names, several joined by "; "', () => {
    expect(cell([1, 2])).toEqual({ text: 'Keynotes; Hall A, Level 2', warnings: [] });
    expect(cell([])).toEqual({ text: null, warnings: [] });
  });

  it('ends a lone name holding a comma with ";" so it stays one name', () => {
    expect(cell([2]).text).toBe('Hall A, Level 2;');
  });

  it('writes the id of a track whose name would not find it again', () => {
    expect(cell([3]).text).toBe('design'); // the oldest of two same names is the one a name finds
    expect(cell([5])).toEqual({
      text: '5',
      warnings: ['Schedule track "Design" is written by its id (5): another one has the same name.'],
    });
    expect(cell([6, 1]).text).toBe('6; Keynotes');
  });

  it('leaves out an id the guide does not have, and says so', () => {
    expect(cell([1, 99])).toEqual({
      text: 'Keynotes',
      warnings: ['Session 1 refers to schedule track 99, which the guide does not have: left out of the file.'],
    });
  });
});

describe('order and import ids', () => {
  it('sorts by start, then name (code points, not the machine locale), then id', () => {
    const sessions = [
      apiSession(1, { name: 'b', start_time: '2027-05-10T15:00:00Z' }),
      apiSession(2, { name: 'é', start_time: '2027-05-10T13:00:00Z' }),
      apiSession(3, { name: 'Z', start_time: '2027-05-10T13:00:00Z' }),
      apiSession(4, { name: 'Z', start_time: '2027-05-10T13:00:00Z' }),
      apiSession(5, { name: 'a', start_time: '2027-05-10T13:00:00.000000+0000' }),
    ];
    expect(rows(sessions.reverse()).rows.map((row) => row[0])).toEqual(['id-3', 'id-4', 'id-5', 'id-2', 'id-1']);
  });

  it('gives a session without an import_id gb-session-<id>, and warns when that id is taken', () => {
    const result = rows([
      apiSession(4, { import_id: null }),
      apiSession(9, { import_id: 'gb-session-4', start_time: '2027-05-10T15:00:00Z' }),
    ]);
    expect(result.rows.map((row) => row[0])).toEqual(['gb-session-4', 'gb-session-4']);
    expect(result.assignedImportIds).toBe(1);
    expect(result.warnings).toEqual([
      'Session 4 has no import_id, and "gb-session-4" is already held by session 9: importing this file reports both rows as a conflict until one of them gets another Import ID.',
    ]);
  });
});

function agendaOf(agendaRows: ExportCell[][], timezone: string): ExportedAgenda {
  return {
    guideId: 1,
    guideName: 'Test',
    timezone,
    headers: AGENDA_HEADERS,
    rows: agendaRows,
    assignedImportIds: 0,
    notes: [],
    warnings: [],
    requests: 0,
    speakerHeaders: [],
    speakerRows: [],
  };
}
