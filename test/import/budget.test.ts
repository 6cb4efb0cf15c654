// The daily request budget: a run that meets the sandbox's 429 stops cleanly with exit 3, marks
// the rest not_attempted, and a re-run with budget again (reset, or a restarted sandbox with a
// bigger budget) finishes the job without duplicates.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, tally } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld({ dailyBudget: 10 });
});
afterAll(cleanUp);

const rows = agendaRows(12);

describe('import and the daily request budget', () => {
  it('stops at the budget with exit 3: done rows are done, the rest not_attempted', async () => {
    const sheet = join(world.dir, 'agenda.csv');
    writeAgendaCsv(sheet, rows);
    const run = await world.importCli(sheet, ['--json', '--concurrency', '1']);
    expect(run.code).toBe(3);
    // 4 listing requests + 6 creates spend the 10; the 11th answers 429.
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 6, not_attempted: 6, failed: 0 });
    expect(run.stderr).toMatch(/stopped early: .*budget/);
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report)).toEqual({ 'create/done': 6, 'create/not_attempted': 6 });
    expect(
      report.filter((r) => r.outcome === 'not_attempted').every((r) => /not attempted: the daily request budget/.test(r.message)),
    ).toBe(true);
    const posted = world.sandbox.requests().filter((r) => r.method === 'POST');
    expect(posted.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 429]);
    expect(sessionsByImportId(await world.sandbox.state()).size).toBe(6);
  });

  it('after POST /__sandbox/reset-budget a re-run creates exactly the rest', async () => {
    await world.sandbox.resetBudget();
    const run = await world.importCli(join(world.dir, 'agenda.csv'), ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 6, unchanged: 6, not_attempted: 0, requests: 10 });
    const byImportId = sessionsByImportId(await world.sandbox.state());
    expect([...byImportId.keys()].sort()).toEqual(rows.map((r) => r.id));
    expect([...byImportId.values()].every((group) => group.length === 1)).toBe(true);
  });

  it('with the budget spent a run cannot even start (exit 3); a sandbox restarted with a bigger budget lets it finish', async () => {
    const edited = rows.map((row) => ({ ...row, title: `${row.title} (v2)` }));
    const sheet = join(world.dir, 'edited.csv');
    writeAgendaCsv(sheet, edited);
    const spent = await world.importCli(sheet, ['--json']);
    expect(spent.code).toBe(3);
    expect(spent.stdout).toBe('');
    expect(spent.stderr.trim().split('\n')).toHaveLength(1);
    expect(spent.stderr).toMatch(/budget/);

    await world.restartSandbox({ dailyBudget: 100 });
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ updated: 12, not_attempted: 0 });
    const state = await world.sandbox.state();
    expect(state.sessions.map((s) => s.name).sort()).toEqual(edited.map((r) => r.title).sort());
  });
});
