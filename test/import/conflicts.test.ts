// Conflicts are reported, never guessed: two rows with one import_id, or one import_id held by two
// sessions of the guide. Nothing is written for them, the rest of the sheet goes on, exit 1.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { SECRET_KEY } from '../support/cli-process.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

async function postSession(body: Record<string, unknown>): Promise<number> {
  const answer = await fetch(`${world.sandbox.apiUrl}sessions/`, {
    method: 'POST',
    headers: { Authorization: `JWT ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ guide: 1, start_time: '2027-05-10T15:00:00Z', ...body }),
  });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: number }).id;
}

describe('import conflicts', () => {
  it('two rows with one import_id: both reported, neither written, the others imported, exit 1', async () => {
    const rows = agendaRows(4);
    rows[2]!.id = 'S-001'; // rows 2 and 4 of the sheet now share S-001
    const sheet = join(world.dir, 'twice.csv');
    writeAgendaCsv(sheet, rows);
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, conflicts: 2 });

    const report = readCsvReport(join(world.dir, 'twice.report.csv'));
    expect(tally(report)).toEqual({ 'conflict/failed': 2, 'create/done': 2 });
    const conflicts = report.filter((r) => r.action === 'conflict');
    expect(conflicts.map((r) => r.row)).toEqual(['2', '4']);
    expect(conflicts[0]!.message).toContain('row 4');
    expect(conflicts[1]!.message).toContain('row 2');
    const posted = world.sandbox.requestsSince(mark).filter((r) => r.method === 'POST');
    expect(posted.map((r) => (r.body as { import_id: string }).import_id).sort()).toEqual(['S-002', 'S-004']);
    expect(sessionsByImportId(await world.sandbox.state()).has('S-001')).toBe(false);
  });

  it('one import_id held by two server sessions: reported with both ids, neither touched, exit 1', async () => {
    const first = await postSession({ name: 'Copy one', import_id: 'DUP-1' });
    const second = await postSession({ name: 'Copy two', import_id: 'DUP-1' });
    const rows = agendaRows(2);
    rows[0]!.id = 'DUP-1';
    const sheet = join(world.dir, 'server-dup.csv');
    writeAgendaCsv(sheet, rows);
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ conflicts: 1, unchanged: 1 }); // S-002 exists from the test above

    const report = readCsvReport(join(world.dir, 'server-dup.report.csv'));
    const conflict = report.find((r) => r.import_id === 'DUP-1')!;
    expect(conflict).toMatchObject({ action: 'conflict', outcome: 'failed', row: '2' });
    expect(conflict.message).toContain(`ids ${first}, ${second}`);
    expect(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET')).toEqual([]);
    const dup = sessionsByImportId(await world.sandbox.state()).get('DUP-1')!;
    expect(dup.map((s) => s.name)).toEqual(['Copy one', 'Copy two']);
    expect(run.stderr).toMatch(/1 row needs attention/);
  });
});
