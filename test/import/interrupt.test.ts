// Ctrl-C and kill -9 in the middle of a slow run (the sandbox answers after 60 ms): the report on
// disk is a valid CSV (a header, then whole rows), Ctrl-C exits 3 with the rest not_attempted,
// and a re-run finishes the job without duplicates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv, type AgendaRow } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, REPORT_COLUMNS, tally } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld({ latencyMs: 60 });
});
afterAll(cleanUp);

const SLOW = ['--concurrency', '2'];

async function untilPosts(count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (world.sandbox.requests().filter((r) => r.method === 'POST').length < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} POSTs after 20 s`);
    await sleep(25);
  }
}

async function expectConverged(rows: readonly AgendaRow[]): Promise<void> {
  const byImportId = sessionsByImportId(await world.sandbox.state(), 1);
  expect([...byImportId.keys()].sort()).toEqual(rows.map((r) => r.id));
  expect([...byImportId.values()].filter((group) => group.length > 1)).toEqual([]);
}

describe('interrupting an import', () => {
  it('SIGINT: in-flight requests finish, the report is complete and valid, exit 3; a re-run converges', async () => {
    const rows = agendaRows(40);
    const sheet = join(world.dir, 'sigint.csv');
    writeAgendaCsv(sheet, rows);
    const running = world.spawnImport(sheet, SLOW);
    await untilPosts(4);
    running.child.kill('SIGINT');
    const result = await running.result;
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/SIGINT: finishing requests in flight/);
    expect(result.stderr).not.toMatch(/\n\s+at /);

    const report = readCsvReport(join(world.dir, 'sigint.report.csv'));
    expect(report.map((r) => r.import_id)).toEqual(rows.map((r) => r.id)); // every row, in sheet order
    const counts = tally(report);
    expect(counts['create/done']).toBeGreaterThanOrEqual(4);
    expect(counts['create/not_attempted']).toBeGreaterThan(0);
    expect((counts['create/done'] ?? 0) + (counts['create/not_attempted'] ?? 0)).toBe(40);
    // What the report calls done is exactly what the server has.
    const created = sessionsByImportId(await world.sandbox.state());
    expect([...created.keys()].sort()).toEqual(
      report
        .filter((r) => r.outcome === 'done')
        .map((r) => r.import_id)
        .sort(),
    );

    const rerun = await world.importCli(sheet, ['--json']);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ created: counts['create/not_attempted'], unchanged: counts['create/done'] });
    await expectConverged(rows);
  });

  it('kill -9: the report so far is a valid CSV of whole rows; a re-run converges and writes a full report', async () => {
    const rows = agendaRows(40).map((row) => ({ ...row, id: `K-${row.id}` }));
    const sheet = join(world.dir, 'kill.csv');
    writeAgendaCsv(sheet, rows);
    const before = world.sandbox.requests().filter((r) => r.method === 'POST').length;
    const running = world.spawnImport(sheet, SLOW);
    await untilPosts(before + 6);
    running.child.kill('SIGKILL');
    const result = await running.result;
    expect(result.signal).toBe('SIGKILL');

    const partial = readFileSync(join(world.dir, 'kill.report.csv'), 'utf8');
    const records = parse(partial) as string[][];
    expect(records[0]).toEqual([...REPORT_COLUMNS]);
    expect(records.length).toBeGreaterThan(1);
    expect(records.slice(1).every((cells) => cells.length === REPORT_COLUMNS.length && cells[4] === 'create' && cells[5] === 'done')).toBe(
      true,
    );
    expect(partial.endsWith('\r\n')).toBe(true);

    const rerun = await world.importCli(sheet, ['--json']);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { created: number; unchanged: number };
    expect(summary.created + summary.unchanged).toBe(40);
    expect(summary.unchanged).toBeGreaterThanOrEqual(records.length - 1); // every reported row, plus any lost answer
    await expectConverged([...agendaRows(40), ...rows].sort((a, b) => a.id.localeCompare(b.id)));
    const report = readCsvReport(join(world.dir, 'kill.report.csv'));
    expect(report.map((r) => r.import_id)).toEqual(rows.map((r) => r.id));
    expect(report.every((r) => r.outcome === 'done')).toBe(true);
  });
});
