// --json: stdout holds exactly one line, the summary object of PRODUCT.md with its keys in order;
// everything else (plan, progress, summary text, warnings) goes to stderr.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';

const SUMMARY_KEYS = ['created', 'updated', 'unchanged', 'deleted', 'invalid', 'conflicts', 'failed', 'not_attempted', 'requests'];

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

function summaryOf(stdout: string): Record<string, number> {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  const summary = JSON.parse(stdout) as Record<string, number>;
  expect(Object.keys(summary)).toEqual(SUMMARY_KEYS);
  expect(Object.values(summary).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
  return summary;
}

describe('--json', () => {
  it('prints only the summary on stdout, counting every kind of row', async () => {
    const first = join(world.dir, 'first.csv');
    writeAgendaCsv(first, agendaRows(5));
    expect(summaryOf((await world.importCli(first, ['--json'])).stdout)).toEqual({
      created: 5,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      invalid: 0,
      conflicts: 0,
      failed: 0,
      not_attempted: 0,
      requests: 9,
    });

    const rows = agendaRows(6).slice(1); // S-001 gone: deleted with --prune --yes
    rows[0]!.title = 'Renamed'; // S-002 updated
    rows[1]!.date = '2027-02-30'; // S-003 invalid
    rows[4]!.id = 'S-005'; // S-006 becomes a second S-005: two conflicts
    const second = join(world.dir, 'second.csv');
    writeAgendaCsv(second, rows);
    const run = await world.importCli(second, ['--json', '--prune', '--yes']);
    expect(run.code).toBe(1);
    expect(summaryOf(run.stdout)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 1,
      deleted: 1,
      invalid: 1,
      conflicts: 2,
      failed: 0,
      not_attempted: 0,
      requests: 6,
    });
    // The human-readable summary is on stderr instead.
    expect(run.stderr).toMatch(/rows: +0 create, 1 update, 1 unchanged, 1 delete, 1 invalid, 2 conflict/);
  });

  it('validate --json prints the same summary shape, with no requests', async () => {
    const sheet = join(world.dir, 'first.csv');
    const run = await runCli(['validate', sheet, '--timezone', 'America/New_York', '--json', '--report', join(world.dir, 'v.csv')], {
      apiKey: SECRET_KEY,
    });
    expect(run.code).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ created: 0, invalid: 0, requests: 0 });
  });

  it('a dry run prints the summary too, nothing counted as done', async () => {
    const run = await world.importCli(join(world.dir, 'first.csv'), ['--json', '--dry-run']);
    expect(run.code).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ created: 0, updated: 0, deleted: 0, requests: 4 });
  });
});
