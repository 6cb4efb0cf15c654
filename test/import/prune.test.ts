// --prune: deletes only with --yes, refuses a sheet far smaller than the guide unless --yes is
// given twice or --max-deletes covers it, and never touches a session without an import_id.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { SECRET_KEY } from '../support/cli-process.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

let world: ImportWorld;
let handMadeId: number;
const rows = agendaRows(10);

beforeAll(async () => {
  world = await importWorld();
  // A session made by hand in Builder: no import_id.
  const answer = await fetch(`${world.sandbox.apiUrl}sessions/`, {
    method: 'POST',
    headers: { Authorization: `JWT ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ guide: 1, name: 'Made in Builder', start_time: '2027-05-10T15:00:00Z' }),
  });
  expect(answer.status).toBe(201);
  handMadeId = ((await answer.json()) as { id: number }).id;
  const full = join(world.dir, 'full.csv');
  writeAgendaCsv(full, rows);
  expect((await world.importCli(full)).code).toBe(0);
});
afterAll(cleanUp);

const writesSince = (mark: number) => world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET');
const importIds = async () => [...sessionsByImportId(await world.sandbox.state()).keys()].sort();

describe('import --prune', () => {
  it('without --yes only plans the deletes: reported, nothing sent', async () => {
    const sheet = join(world.dir, 'eight.csv');
    writeAgendaCsv(sheet, rows.slice(0, 8));
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--prune']);
    expect(run.code).toBe(0);
    expect(writesSince(mark)).toEqual([]);
    const report = readCsvReport(join(world.dir, 'eight.report.csv'));
    expect(tally(report)).toEqual({ 'unchanged/done': 8, 'delete/planned': 2 });
    const deletes = report.filter((r) => r.action === 'delete');
    expect(deletes.map((r) => [r.import_id, r.row])).toEqual([
      ['S-009', ''],
      ['S-010', ''],
    ]);
    expect(deletes[0]!.message).toContain('--yes');
    expect(await importIds()).toHaveLength(10);
  });

  it('with --yes deletes exactly the sessions whose import_id left the sheet', async () => {
    const sheet = join(world.dir, 'eight.csv');
    const before = sessionsByImportId(await world.sandbox.state());
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--prune', '--yes', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ deleted: 2, unchanged: 8 });
    expect(
      writesSince(mark)
        .map((r) => `${r.method} ${r.path} ${r.status}`)
        .sort(),
    ).toEqual(['S-009', 'S-010'].map((id) => `DELETE /open-api/v1.1/sessions/${before.get(id)![0]!.id}/ 204`).sort());
    expect(tally(readCsvReport(join(world.dir, 'eight.report.csv')))).toEqual({ 'unchanged/done': 8, 'delete/done': 2 });
    expect(await importIds()).toEqual(rows.slice(0, 8).map((r) => r.id));
  });

  it('refuses a sheet far smaller than the guide (exit 2, one line, nothing written)', async () => {
    const sheet = join(world.dir, 'three.csv');
    writeAgendaCsv(sheet, rows.slice(0, 3));
    const mark = world.sandbox.requests().length;
    const refused = await world.importCli(sheet, ['--prune', '--yes']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/Refusing to prune: the sheet has 3 rows but guide 1 has 8 sessions.*--yes twice or --max-deletes 5/);
    const tooLowCap = await world.importCli(sheet, ['--prune', '--yes', '--max-deletes', '4']);
    expect(tooLowCap.code).toBe(2);
    expect(tooLowCap.stderr).toMatch(/--max-deletes is 4/);
    expect(writesSince(mark)).toEqual([]);
    expect(await importIds()).toHaveLength(8);
  });

  it('--max-deletes covering the deletes lifts the refusal', async () => {
    const sheet = join(world.dir, 'three.csv');
    const run = await world.importCli(sheet, ['--prune', '--yes', '--max-deletes', '5', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ deleted: 5, unchanged: 3 });
    expect(await importIds()).toEqual(['S-001', 'S-002', 'S-003']);
  });

  it('--yes --yes lifts it too', async () => {
    expect((await world.importCli(join(world.dir, 'full.csv'))).code).toBe(0); // back to 10
    const sheet = join(world.dir, 'two.csv');
    writeAgendaCsv(sheet, rows.slice(0, 2));
    const run = await world.importCli(sheet, ['--prune', '--yes', '--yes', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ deleted: 8, unchanged: 2 });
    expect(await importIds()).toEqual(['S-001', 'S-002']);
  });

  it('never touched the session without an import_id', async () => {
    const state = await world.sandbox.state();
    expect(state.sessions.find((s) => s.id === handMadeId)).toMatchObject({ name: 'Made in Builder', import_id: null });
    const touched = world.sandbox.requests().filter((r) => r.path === `/open-api/v1.1/sessions/${handMadeId}/`);
    expect(touched).toEqual([]);
  });
});
