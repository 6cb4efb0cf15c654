// The scheduled re-sync promise: a fresh import creates everything, the same sheet again writes
// nothing (listing requests only), an edited sheet PATCHes exactly the fields that changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv, writeAgendaXlsx, type AgendaRow } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, textsOfRun, type ImportWorld } from '../support/import-fixture.js';
import { SECRET_KEY } from '../support/cli-process.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

const TRACKS = ['Keynote', 'AI; Cloud', 'Cloud'];
const ROOMS = ['Main Hall', 'Room 201'];

describe('import: fresh, unchanged and edited sheet', () => {
  const rows: AgendaRow[] = agendaRows(12, { tracks: TRACKS, rooms: ROOMS });
  let sheet: string;

  it('a fresh import creates every row, its tracks and rooms, with the right instants', async () => {
    sheet = join(world.dir, 'agenda.xlsx');
    writeAgendaXlsx(sheet, rows);
    const run = await world.importCli(sheet, ['--create-missing', '--json']);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 12, failed: 0, invalid: 0 });

    const state = await world.sandbox.state();
    const byId = sessionsByImportId(state);
    expect([...byId.keys()].sort()).toEqual(rows.map((row) => row.id));
    expect([...byId.values()].every((group) => group.length === 1)).toBe(true);
    // S-001: 2027-05-10 8:00 in New York (EDT, UTC-4).
    const first = byId.get('S-001')![0]!;
    expect(first).toMatchObject({
      name: 'Session 1',
      start_time: '2027-05-10T12:00:00.000000+0000',
      end_time: '2027-05-10T12:20:00.000000+0000',
    });
    expect(state.schedule_tracks.map((t) => t.name).sort()).toEqual(['AI', 'Cloud', 'Keynote']);
    expect(state.locations.map((l) => l.name).sort()).toEqual(['Main Hall', 'Room 201']);
    const trackName = new Map(state.schedule_tracks.map((t) => [t.id, t.name]));
    expect(
      byId
        .get('S-002')![0]!
        .schedule_tracks.map((id) => trackName.get(id))
        .sort(),
    ).toEqual(['AI', 'Cloud']);

    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report)).toEqual({ 'create/done': 12 });
    expect(textsOfRun(run, join(world.dir, 'agenda.report.csv'))).not.toContain(SECRET_KEY);
  });

  it('the same sheet again sends no write at all: only the guide and one listing page each', async () => {
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--create-missing', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 12, requests: 4 });
    const sent = world.sandbox.requestsSince(mark);
    expect(sent.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /open-api/v1.1/guides/1/',
      'GET /open-api/v1.1/locations/',
      'GET /open-api/v1.1/schedule-tracks/',
      'GET /open-api/v1.1/sessions/',
    ]);
    expect(tally(readCsvReport(join(world.dir, 'agenda.report.csv')))).toEqual({ 'unchanged/done': 12 });
  });

  it('an edited sheet PATCHes exactly the changed fields of exactly the changed rows', async () => {
    const edited = rows.map((row) => ({ ...row }));
    edited[2]!.title = 'Session 3, renamed';
    edited[4]!.start = '8:10'; // S-005: 2027-05-11, was 8:20
    edited[6]!.room = rows[6]!.room === 'Main Hall' ? 'Room 201' : 'Main Hall'; // S-007: the other room
    edited[9]!.tracks = 'Keynote; Cloud';
    const csv = join(world.dir, 'agenda-edited.csv');
    writeAgendaCsv(csv, edited);

    const before = await world.sandbox.state();
    const byIdBefore = sessionsByImportId(before);
    const location = new Map(before.locations.map((l) => [l.name, l.id]));
    const track = new Map(before.schedule_tracks.map((t) => [t.name, t.id]));
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(csv, ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, updated: 4, unchanged: 8, requests: 8 });

    const patches = world.sandbox
      .requestsSince(mark)
      .filter((r) => r.method !== 'GET')
      .map((r) => ({ method: r.method, path: r.path, body: r.body }))
      .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
    const path = (importId: string) => `/open-api/v1.1/sessions/${byIdBefore.get(importId)![0]!.id}/`;
    expect(patches).toEqual(
      [
        { method: 'PATCH', path: path('S-003'), body: { name: 'Session 3, renamed', guide: 1 } },
        { method: 'PATCH', path: path('S-005'), body: { start_time: '2027-05-11T12:10:00.000Z', guide: 1 } },
        { method: 'PATCH', path: path('S-007'), body: { locations: [location.get(edited[6]!.room!)], guide: 1 } },
        { method: 'PATCH', path: path('S-010'), body: { schedule_tracks: [track.get('Keynote'), track.get('Cloud')], guide: 1 } },
      ].sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })),
    );

    const report = readCsvReport(join(world.dir, 'agenda-edited.report.csv'));
    const changed = Object.fromEntries(report.filter((r) => r.action === 'update').map((r) => [r.import_id, r.changed_fields]));
    expect(changed).toEqual({ 'S-003': 'name', 'S-005': 'start_time', 'S-007': 'locations', 'S-010': 'schedule_tracks' });
    const after = sessionsByImportId(await world.sandbox.state());
    expect(after.get('S-003')![0]!.name).toBe('Session 3, renamed');
    expect(after.get('S-005')![0]!.start_time).toBe('2027-05-11T12:10:00.000000+0000');
    expect([...after.values()].every((group) => group.length === 1)).toBe(true);
  });
});

describe('import: rows without an import_id', () => {
  it('get a stable derived id: a re-run matches them instead of duplicating, and the run warns', async () => {
    const sheet = join(world.dir, 'no-ids.csv');
    writeFileSync(sheet, 'Title,Date,Start,End\nNo id one,2027-05-11,9:00,9:30\nNo id two,2027-05-11,10:00,10:30\n');
    const first = await world.importCli(sheet, ['--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/warning: 2 rows have no import_id.*will create a duplicate session/);
    const second = await world.importCli(sheet, ['--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, unchanged: 2 });
    const derived = [...sessionsByImportId(await world.sandbox.state()).entries()].filter(([id]) => id.startsWith('gbi-'));
    expect(derived.map(([, group]) => group.length)).toEqual([1, 1]);
  });
});
