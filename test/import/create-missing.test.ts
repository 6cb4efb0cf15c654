// --create-missing: every track and room the sheet names but the guide lacks is created once,
// however many rows name it and however they spell its case and spacing; a re-run creates none.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

describe('import --create-missing', () => {
  it('creates each named track and location exactly once, then links every row to them', async () => {
    const rows = agendaRows(9, {
      tracks: ['Keynote', 'keynote ', 'AI; Cloud', 'cloud, AI', 'Data'],
      rooms: ['Main Hall', 'main  hall', 'Room 201', 'ROOM 201'],
    });
    const sheet = join(world.dir, 'agenda.csv');
    writeAgendaCsv(sheet, rows);

    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--create-missing', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { created: number; requests: number };
    expect(summary.created).toBe(9);

    const sent = world.sandbox.requestsSince(mark);
    const posted = (resource: string) =>
      sent.filter((r) => r.method === 'POST' && r.path === `/open-api/v1.1/${resource}/`).map((r) => (r.body as { name: string }).name);
    expect(posted('schedule-tracks').sort()).toEqual(['AI', 'Cloud', 'Data', 'Keynote']);
    expect(posted('locations').sort()).toEqual(['Main Hall', 'Room 201']);
    // The minimum: the guide and one page of each listing, then one request per write.
    expect(summary.requests).toBe(4 + 4 + 2 + 9);
    expect(sent).toHaveLength(summary.requests);

    const state = await world.sandbox.state();
    expect(state.schedule_tracks).toHaveLength(4);
    expect(state.locations).toHaveLength(2);
    expect(state.locations.every((l) => l.location_type === 2)).toBe(true);
    const trackId = new Map(state.schedule_tracks.map((t) => [t.name, t.id]));
    const locationId = new Map(state.locations.map((l) => [l.name, l.id]));
    const byImportId = sessionsByImportId(state);
    expect(byImportId.get('S-002')![0]!.schedule_tracks).toEqual([trackId.get('Keynote')]); // "keynote "
    expect([...byImportId.get('S-004')![0]!.schedule_tracks].sort()).toEqual([trackId.get('AI'), trackId.get('Cloud')].sort());
    expect(byImportId.get('S-002')![0]!.locations).toEqual([locationId.get('Main Hall')]); // "main  hall"
    expect(byImportId.get('S-004')![0]!.locations).toEqual([locationId.get('Room 201')]); // "ROOM 201"
  });

  it('a re-run creates no track, no location and no session', async () => {
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(join(world.dir, 'agenda.csv'), ['--create-missing', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, unchanged: 9, requests: 4 });
    expect(world.sandbox.requestsSince(mark).every((r) => r.method === 'GET')).toBe(true);
    const state = await world.sandbox.state();
    expect([state.schedule_tracks.length, state.locations.length, state.sessions.length]).toEqual([4, 2, 9]);
  });

  it('without --create-missing an unknown room makes the row invalid, naming the room and the fix', async () => {
    const rows = agendaRows(2, { tracks: ['Keynote', 'keynote '], rooms: ['Main Hall', 'Roof Terrace'] });
    const sheet = join(world.dir, 'unknown-room.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ invalid: 1, unchanged: 1 });
    expect(run.stderr).toMatch(/row 3 \[S-002\] invalid: Row 3: location "Roof Terrace" is not in guide 1.*--create-missing/);
    // Said once for the run, with the fix.
    expect(run.stderr).toMatch(
      /1 room is missing from guide 1 \(named on 1 row, which stay invalid\): add --create-missing to create them, or fix these names: rooms "Roof Terrace"/,
    );
    expect((await world.sandbox.state()).locations).toHaveLength(2);
  });

  it("counts the rows naming missing tracks and rooms once each, with the guide's closest names", async () => {
    // Rows 2 and 3 each name a missing track AND a missing room; row 4 names known ones.
    const rows = agendaRows(3, { tracks: ['Keynot', 'Gardening', 'AI'], rooms: ['Main Hal', 'Roof Terrace', 'Room 201'] });
    const sheet = join(world.dir, 'both-missing.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ invalid: 2, unchanged: 0 });
    expect(run.stderr.match(/are missing from guide/g)).toHaveLength(1);
    // Said under the guide's line, before the plan's totals.
    const [guide, missing, plan] = ['Guide 1 "', 'are missing from guide', 'Plan for guide 1:'].map((text) => run.stderr.indexOf(text));
    expect(guide).toBeGreaterThanOrEqual(0);
    expect(guide).toBeLessThan(missing!);
    expect(missing).toBeLessThan(plan!);
    expect(run.stderr).toContain(
      '2 tracks and 2 rooms are missing from guide 1 (named on 2 rows, which stay invalid): add --create-missing to create them, ' +
        'or fix these names: tracks "Keynot" (did you mean "Keynote"?), "Gardening"; rooms "Main Hal" (did you mean "Main Hall"?), "Roof Terrace"',
    );
  });

  it('creates a name one slip from one the guide has, as asked, and says so once for the run', async () => {
    const rows = agendaRows(4, {
      prefix: 'N',
      tracks: ['Keynotes', 'Workshops', 'Data', 'AI'],
      rooms: ['Main Hal', 'Room 204', 'Room 201', 'Main Hall'],
    });
    const sheet = join(world.dir, 'near-names.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--create-missing', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 4 });
    expect(run.stderr.match(/one slip away/g)).toHaveLength(1);
    expect(run.stderr).toContain(
      '--create-missing creates 2 names one slip away from a name the guide has: track "Keynotes" (guide 1 has "Keynote"), ' +
        'room "Main Hal" (guide 1 has "Main Hall"); if they are typos, fix the sheet (the sessions are linked to the names as the sheet writes them)',
    );
    // A new word ("Workshops") and a room told apart by its number ("Room 204") are new names, not slips.
    expect(run.stderr).not.toMatch(/"Workshops" \(guide|"Room 204" \(guide/);
    const state = await world.sandbox.state();
    expect(state.schedule_tracks.map((track) => track.name)).toEqual(expect.arrayContaining(['Keynotes', 'Workshops']));
    expect(state.locations.map((location) => location.name)).toEqual(expect.arrayContaining(['Main Hal', 'Room 204']));
  });
});
