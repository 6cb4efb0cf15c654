// --dry-run reads the guide and plans, and writes nothing: the sandbox's saved state is the same
// bytes afterwards (all but the day's request counter, which reads spend), and the report shows
// every planned action, with old and new values in the JSON form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport, readJsonReport, tally } from '../support/report-file.js';

let world: ImportWorld;
const rows = agendaRows(6, { tracks: ['Keynote'], rooms: ['Main Hall'] });
beforeAll(async () => {
  world = await importWorld();
  const sheet = join(world.dir, 'agenda.csv');
  writeAgendaCsv(sheet, rows);
  expect((await world.importCli(sheet, ['--create-missing'])).code).toBe(0);
});
afterAll(cleanUp);

// The request counter is the one thing a read changes on the server: everything else must match.
const BUDGET_COUNT = /("budget": \{\s*"day": "[^"]*",\s*"count": )(\d+)/;
function withoutRequestCount(stateText: string): string {
  expect(stateText).toMatch(BUDGET_COUNT);
  return stateText.replace(BUDGET_COUNT, '$1<count>');
}

describe('import --dry-run', () => {
  it('plans creates, updates, a new track and deletes, and leaves the saved state byte-identical', async () => {
    const edited = rows.slice(1).map((row) => ({ ...row })); // S-001 left out: a delete with --prune
    edited[0]!.title = 'Session 2, renamed';
    edited[1]!.end = '9:00';
    edited[2]!.tracks = 'Keynote; Panels'; // a track the guide lacks
    edited.push({
      id: 'S-NEW',
      title: 'A new session',
      date: '2027-05-12',
      start: '16:00',
      end: '16:30',
      tracks: 'Keynote',
      room: 'Main Hall',
    });
    const sheet = join(world.dir, 'edited.csv');
    writeAgendaCsv(sheet, edited);

    await world.sandbox.stop(); // the state file is complete once the sandbox has stopped
    const before = readFileSync(world.sandbox.stateFile, 'utf8');
    await world.restartSandbox();
    const mark = world.sandbox.requests().length;
    const report = join(world.dir, 'dry.json');
    const run = await world.importCli(sheet, ['--dry-run', '--prune', '--yes', '--create-missing', '--report', report, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { requests: number };
    expect(summary).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 2 });
    expect(world.sandbox.requestsSince(mark).every((r) => r.method === 'GET')).toBe(true);
    await world.sandbox.stop();
    const after = readFileSync(world.sandbox.stateFile, 'utf8');

    expect(withoutRequestCount(after)).toBe(withoutRequestCount(before));
    const count = (text: string) => (JSON.parse(text) as SandboxState).budget.count;
    expect(count(after) - count(before)).toBe(summary.requests);

    const document = readJsonReport(report);
    expect(document.dryRun).toBe(true);
    expect(tally(document.rows)).toEqual({ 'unchanged/planned': 2, 'update/planned': 3, 'create/planned': 1, 'delete/planned': 1 });
    const byId = new Map(document.rows.map((row) => [row.import_id, row]));
    expect(byId.get('S-002')).toMatchObject({
      action: 'update',
      changed_fields: ['name'],
      changes: [{ field: 'name', old: 'Session 2', new: 'Session 2, renamed' }],
    });
    // S-003 is on 2027-05-12 at 8:00-8:20 New York time; its end moves to 9:00 (13:00 UTC).
    expect(byId.get('S-003')!.changes).toEqual([
      { field: 'end_time', old: '2027-05-12T12:20:00.000000+0000', new: '2027-05-12T13:00:00.000Z' },
    ]);
    expect(byId.get('S-004')!.changes).toEqual([{ field: 'schedule_tracks', old: ['Keynote'], new: ['Keynote', 'Panels'] }]);
    expect(byId.get('S-004')!.message).toContain('Panels');
    expect(byId.get('S-NEW')).toMatchObject({ action: 'create', outcome: 'planned', fields: { name: 'A new session' } });
    expect(byId.get('S-001')).toMatchObject({ action: 'delete', outcome: 'planned', row: null });
    expect(run.stderr).toMatch(/dry run: nothing will be written/);
    expect(run.stderr).toMatch(/First creates 1 schedule track/);
  });

  it('the CSV form lists the same plan with changed fields, one row per sheet row and per delete', async () => {
    await world.restartSandbox();
    const sheet = join(world.dir, 'edited.csv');
    const run = await world.importCli(sheet, ['--dry-run', '--prune']);
    expect(run.code).toBe(1); // the invalid row
    const report = readCsvReport(join(world.dir, 'edited.report.csv'));
    expect(report.map((r) => [r.row, r.import_id, r.action, r.outcome, r.changed_fields])).toEqual([
      ['2', 'S-002', 'update', 'planned', 'name'],
      ['3', 'S-003', 'update', 'planned', 'end_time'],
      ['4', 'S-004', 'invalid', 'failed', ''], // without --create-missing the new track is unknown
      ['5', 'S-005', 'unchanged', 'planned', ''],
      ['6', 'S-006', 'unchanged', 'planned', ''],
      ['7', 'S-NEW', 'create', 'planned', ''],
      ['', 'S-001', 'delete', 'planned', ''],
    ]);
    expect((await world.sandbox.state()).sessions.map((s) => s.import_id).sort()).toEqual(rows.map((r) => r.id));
  });
});
