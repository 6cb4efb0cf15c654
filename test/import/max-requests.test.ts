// --max-requests: a plan that needs more requests than the cap leaves is refused before anything
// is written (exit 3, every write row not_attempted); a run that reaches the cap on the way
// (retries of failed answers spend requests too) stops there with exit 3, and a re-run finishes.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

afterAll(cleanUp);

const rows = agendaRows(10);

describe('import --max-requests', () => {
  it('refuses a plan that needs more: nothing written, exit 3, the rows not_attempted', async () => {
    const world = await importWorld();
    const sheet = join(world.dir, 'agenda.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--max-requests', '13', '--json']);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 0, not_attempted: 10, requests: 4 });
    expect(run.stderr).toMatch(/the plan needs 10 write requests but --max-requests leaves 9; nothing was written/);
    expect(run.stderr).not.toMatch(/applied \d+\/\d+ rows/); // no progress for a run that never started writing
    expect(world.sandbox.requests().map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'GET']);
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report)).toEqual({ 'create/not_attempted': 10 });

    const enough = await world.importCli(sheet, ['--max-requests', '14', '--json']);
    expect(enough.code).toBe(0);
    expect(JSON.parse(enough.stdout)).toMatchObject({ created: 10, requests: 14 });
  });

  it('stops a run that reaches the cap on the way, exit 3; a re-run without it finishes, no duplicates', async () => {
    // Seeded faults: the plan's reads all succeed, then some writes fail and are retried, so the
    // run needs more than its 4 + 10 requests.
    const world = await importWorld({ failRate: 0.3, seed: 1 });
    const sheet = join(world.dir, 'agenda.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--max-requests', '14', '--concurrency', '1', '--json']);
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.stdout) as { created: number; not_attempted: number; requests: number };
    expect(summary.requests).toBe(14);
    expect(summary.not_attempted).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/stopped early: .*max/i);
    expect(world.sandbox.requests()).toHaveLength(14);

    const rerun = await world.importCli(sheet, ['--json']);
    expect(rerun.code).toBe(0);
    const byImportId = sessionsByImportId(await world.sandbox.state());
    expect([...byImportId.keys()].sort()).toEqual(rows.map((r) => r.id));
    expect([...byImportId.values()].every((group) => group.length === 1)).toBe(true);
  });
});
