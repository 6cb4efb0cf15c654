// --json: stdout holds exactly one line, the summary object of PRODUCT.md (its counts first, in
// order, then planned/done and the run's facts), valid against schemas/json-summary.schema.json's
// source; everything else (plan, progress, summary text, warnings) goes to stderr.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSummarySchema } from '../../src/report/json-summary-schema.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';

const SUMMARY_KEYS = ['created', 'updated', 'unchanged', 'deleted', 'invalid', 'conflicts', 'failed', 'not_attempted', 'requests'];

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

type JsonSummary = ReturnType<typeof jsonSummarySchema.parse>;

/** The whole printed object, checked against the schema. */
function jsonOf(stdout: string): JsonSummary {
  expect(stdout.endsWith('\n')).toBe(true);
  expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  const parsed = JSON.parse(stdout) as Record<string, unknown>;
  expect(Object.keys(parsed).slice(0, SUMMARY_KEYS.length)).toEqual(SUMMARY_KEYS);
  return jsonSummarySchema.parse(parsed);
}

/** PRODUCT.md's counts alone. */
function summaryOf(stdout: string): Record<string, number> {
  const summary = jsonOf(stdout) as unknown as Record<string, number>;
  return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, summary[key] as number]));
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
    // done is keyed like planned: what became of each action's rows.
    const json = jsonOf(run.stdout);
    expect(json.planned).toEqual({ create: 0, update: 1, unchanged: 1, delete: 1, invalid: 1, conflict: 2 });
    expect(json.done).toEqual({ create: 0, update: 1, unchanged: 1, delete: 1, invalid: 0, conflict: 0, failed: 0, not_attempted: 0 });
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

  it('a dry run shows what it would do in planned, apart from what was done', async () => {
    const imported = join(world.dir, 'p-first.csv');
    writeAgendaCsv(imported, agendaRows(6, { prefix: 'P' }));
    expect((await world.importCli(imported, [])).code).toBe(0);
    const rows = agendaRows(8, { prefix: 'P' });
    rows[0]!.title = 'Retitled'; // P-001: an update
    rows[1]!.start = 'not a time'; // P-002: invalid
    const sheet = join(world.dir, 'planned.csv');
    writeAgendaCsv(sheet, rows); // P-007, P-008 new
    const report = join(world.dir, 'planned.report.csv');
    const run = await world.importCli(sheet, ['--json', '--dry-run', '--report', report]);
    expect(run.code).toBe(1);
    const json = jsonOf(run.stdout);
    expect(json.planned).toEqual({ create: 2, update: 1, unchanged: 4, delete: 0, invalid: 1, conflict: 0 });
    expect(json.done).toEqual({ create: 0, update: 0, unchanged: 0, delete: 0, invalid: 0, conflict: 0, failed: 0, not_attempted: 0 });
    expect(json).toMatchObject({
      dry_run: true,
      command: 'import',
      guide: 1,
      exit_code: 1,
      report: resolve(report),
      stopped: null,
      left: 0,
    });
    expect(json.failures).toEqual([expect.objectContaining({ row: 3, import_id: 'P-002', action: 'invalid' })]);
    expect(json.version).toBe(1);
  });

  it('validate --json: valid rows planned as creates, no guide, the exit code', async () => {
    const rows = agendaRows(3);
    rows[2]!.date = '2027-02-30';
    const sheet = join(world.dir, 'v-bad.csv');
    writeAgendaCsv(sheet, rows);
    const run = await runCli(['validate', sheet, '--timezone', 'America/New_York', '--json'], { apiKey: null });
    expect(run.code).toBe(1);
    const json = jsonOf(run.stdout);
    expect(json).toMatchObject({ command: 'validate', guide: null, dry_run: true, exit_code: 1, requests: 0 });
    expect(json.planned).toMatchObject({ create: 2, invalid: 1 });
    expect(json.failures.map((f) => f.row)).toEqual([4]);
  });

  it('a stopped run says why, what is left and its exit code', async () => {
    const sheet = join(world.dir, 'stopped.csv');
    writeAgendaCsv(sheet, agendaRows(6, { prefix: 'T' }));
    const run = await world.importCli(sheet, ['--json', '--max-requests', '5']);
    expect(run.code).toBe(3);
    const json = jsonOf(run.stdout);
    expect(json).toMatchObject({ exit_code: 3, left: 6, not_attempted: 6, created: 0 });
    expect(json.planned.create).toBe(6);
    expect(json.stopped).toMatch(/--max-requests/);
    expect(json.stopped).not.toMatch(/^stopped early/);
    expect(run.stderr).toMatch(/left: 6 rows were not attempted\. Running the same import again finishes the job\./);
  });

  it('--quiet leaves stderr without plan, progress or summary; --json is unchanged', async () => {
    const sheet = join(world.dir, 'quiet.csv');
    writeAgendaCsv(sheet, agendaRows(3, { prefix: 'Q' }));
    const run = await world.importCli(sheet, ['--json', '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(jsonOf(run.stdout).created).toBe(3);
  });
});
