// `guidebook-import dedupe` as a user runs it, against a sandbox process seeded with duplicates the
// way they happen: plain POSTs of sessions that share an import_id (two runs on two machines).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeRun, runCli, SECRET_KEY, type CliResult } from '../support/cli-process.js';
import { readCsvReport, readJsonReport, REPORT_COLUMNS } from '../support/report-file.js';
import {
  guideSessions,
  killAllSandboxes,
  sessionsByImportId,
  startSandboxProcess,
  type SandboxProcess,
} from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { readFileSync, writeFileSync } from 'node:fs';

afterEach(killAllSandboxes);

interface Seed {
  name: string;
  import_id?: string;
  /** UTC */
  start: string;
  end: string;
  guide?: number;
}

async function post(sandbox: SandboxProcess, seed: Seed): Promise<number> {
  const answer = await fetch(`${sandbox.apiUrl}sessions/`, {
    method: 'POST',
    headers: { Authorization: `JWT ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      guide: seed.guide ?? 1,
      name: seed.name,
      start_time: seed.start,
      end_time: seed.end,
      ...(seed.import_id === undefined ? {} : { import_id: seed.import_id }),
    }),
  });
  expect(answer.status, await answer.clone().text()).toBe(201);
  return ((await answer.json()) as { id: number }).id;
}

const talk = (name: string, import_id: string | undefined, hour: number): Seed => ({
  name,
  import_id,
  start: `2027-05-10T${String(hour).padStart(2, '0')}:00:00Z`,
  end: `2027-05-10T${String(hour).padStart(2, '0')}:45:00Z`,
});

async function seeded(): Promise<{ sandbox: SandboxProcess; dir: string; ids: Record<string, number[]> }> {
  const dir = tempDir('cli-dedupe');
  const sandbox = await startSandboxProcess({ dir, apiKey: SECRET_KEY });
  const ids: Record<string, number[]> = { a: [], b: [], c: [], none: [] };
  // Sequential POSTs, so ids grow in the order written: the first of each group is the oldest.
  for (const [key, seed] of [
    ['a', talk('Keynote', 'talk-a', 13)],
    ['b', talk('Streaming joins', 'talk-b', 14)],
    ['a', talk('Keynote (second copy)', 'talk-a', 13)],
    ['c', talk('Lunch', 'talk-c', 16)],
    ['none', talk('Made in Builder', undefined, 17)],
    ['none', talk('Made in Builder', undefined, 17)],
    ['b', talk('Streaming joins', 'talk-b', 14)],
    ['a', talk('Keynote', 'talk-a', 13)],
  ] as const) {
    ids[key]!.push(await post(sandbox, seed));
  }
  return { sandbox, dir, ids };
}

function dedupe(sandbox: SandboxProcess, dir: string, args: string[]): Promise<CliResult> {
  return runCli(['dedupe', '--guide', '1', '--api-url', sandbox.apiUrl, ...args], { apiKey: SECRET_KEY, cwd: dir });
}

describe('guidebook-import dedupe', () => {
  it('plans in a dry run, deletes with --yes keeping the oldest, and then plans nothing', async () => {
    const { sandbox, dir, ids } = await seeded();
    const before = await sandbox.state();

    const dry = await dedupe(sandbox, dir, ['--report', 'dry.csv', '--json']);
    expect(dry.code, describeRun(dry)).toBe(0);
    expect(dry.stderr).toMatch(/2 import_ids are held by more than one session/);
    expect(dry.stderr).toMatch(/dry run: nothing will be deleted; add --yes/);
    // Nothing was sent but the reads: the guide, one page of sessions.
    expect((await sandbox.state()).sessions).toEqual(before.sessions);
    expect(sandbox.requests().filter((entry) => entry.method === 'DELETE')).toEqual([]);
    const planned = readCsvReport(join(dir, 'dry.csv'));
    expect(Object.keys(planned[0]!)).toEqual([...REPORT_COLUMNS]);
    const deletes = planned.filter((row) => row.action === 'delete');
    expect(deletes.map((row) => [row.import_id, Number(row.session_id), row.outcome])).toEqual([
      ['talk-a', ids.a![1], 'planned'],
      ['talk-a', ids.a![2], 'planned'],
      ['talk-b', ids.b![1], 'planned'],
    ]);
    expect(deletes[0]!.message).toContain(`a duplicate of session ${ids.a![0]}`);
    const kept = planned.filter((row) => row.action === 'unchanged');
    expect(kept.map((row) => Number(row.session_id))).toEqual([ids.a![0], ids.b![0]]);
    expect(kept[0]!.message).toContain('kept: the oldest');
    expect(JSON.parse(dry.stdout)).toMatchObject({ deleted: 0, unchanged: 2, failed: 0 });

    const done = await dedupe(sandbox, dir, ['--yes', '--report', 'done.json', '--json']);
    expect(done.code, describeRun(done)).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ deleted: 3, failed: 0, not_attempted: 0 });
    const report = readJsonReport(join(dir, 'done.json'));
    expect(report.command).toBe('dedupe');
    expect(report.rows.filter((row) => row.action === 'delete').map((row) => row.outcome)).toEqual(['done', 'done', 'done']);
    const after = await sandbox.state();
    expect([...sessionsByImportId(after).values()].map((group) => group.map((s) => s.id))).toEqual([[ids.a![0]], [ids.b![0]], [ids.c![0]]]);
    // Sessions without an import_id are never touched.
    expect(
      guideSessions(after)
        .filter((s) => !s.import_id)
        .map((s) => s.id),
    ).toEqual(ids.none);

    const again = await dedupe(sandbox, dir, ['--yes', '--report', 'again.csv', '--json']);
    expect(again.code, describeRun(again)).toBe(0);
    expect(again.stderr).toMatch(/no import_id is held by more than one session/);
    expect(readCsvReport(join(dir, 'again.csv'))).toEqual([]);
    expect(JSON.parse(again.stdout)).toMatchObject({ deleted: 0, unchanged: 0 });
  }, 90_000);

  it('with --sheet-file keeps a session matching the sheet row (of several matching, the oldest)', async () => {
    const { sandbox, dir, ids } = await seeded();
    // The sheet's talk-a is the third copy (same name and times); talk-b matches both, so the oldest
    // of those two stays; talk-c is alone and is left as it is.
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(
      sheet,
      'Import ID,Title,Date,Start,End\n' +
        'talk-a,Keynote,2027-05-10,13:00,13:45\n' +
        'talk-b,Streaming joins,2027-05-10,14:00,14:45\n' +
        'talk-c,Lunch,2027-05-10,16:00,16:45\n',
    );
    const result = await dedupe(sandbox, dir, ['--sheet-file', sheet, '--timezone', 'UTC', '--yes', '--report', 'kept.csv']);
    expect(result.code, describeRun(result)).toBe(0);
    const rows = readCsvReport(join(dir, 'kept.csv'));
    const keptA = rows.find((row) => row.action === 'unchanged' && row.import_id === 'talk-a')!;
    expect(Number(keptA.session_id)).toBe(ids.a![0]);
    expect(keptA.message).toMatch(/kept: it matches sheet row 2/);
    const after = await sandbox.state();
    const groups = sessionsByImportId(after);
    expect(groups.get('talk-a')!.map((s) => [s.id, s.name])).toEqual([[ids.a![0], 'Keynote']]);
    expect(groups.get('talk-b')!.map((s) => s.id)).toEqual([ids.b![0]]);
    expect(groups.get('talk-c')!.map((s) => s.id)).toEqual(ids.c);
  }, 90_000);

  it('keeps the matching one even when it is not the oldest', async () => {
    const dir = tempDir('cli-dedupe');
    const sandbox = await startSandboxProcess({ dir, apiKey: SECRET_KEY });
    const old = await post(sandbox, talk('Keynote (draft title)', 'talk-a', 13));
    const matching = await post(sandbox, talk('Keynote', 'talk-a', 13));
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, 'Import ID,Title,Date,Start,End\ntalk-a,Keynote,2027-05-10,13:00,13:45\n');
    const result = await dedupe(sandbox, dir, ['--sheet-file', sheet, '--timezone', 'UTC', '--yes', '--report', 'r.csv', '--json']);
    expect(result.code, describeRun(result)).toBe(0);
    expect(guideSessions(await sandbox.state()).map((s) => s.id)).toEqual([matching]);
    const deleted = readCsvReport(join(dir, 'r.csv')).find((row) => row.action === 'delete')!;
    expect([Number(deleted.session_id), deleted.outcome]).toEqual([old, 'done']);
    // Without the sheet the oldest would have stayed: the sheet decided.
    expect(JSON.parse(result.stdout)).toMatchObject({ deleted: 1 });
  }, 60_000);

  it('--max-requests too small for the deletes: nothing deleted, exit 3, rows not_attempted', async () => {
    const { sandbox, dir } = await seeded();
    const result = await dedupe(sandbox, dir, ['--yes', '--max-requests', '3', '--report', 'r.csv']);
    expect(result.code, describeRun(result)).toBe(3);
    expect(result.stderr).toMatch(/needs 3 delete requests but --max-requests leaves/);
    expect(
      readCsvReport(join(dir, 'r.csv'))
        .filter((row) => row.action === 'delete')
        .map((row) => row.outcome),
    ).toEqual(['not_attempted', 'not_attempted', 'not_attempted']);
    expect(sandbox.requests().filter((entry) => entry.method === 'DELETE')).toEqual([]);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).not.toContain(SECRET_KEY);
  }, 60_000);

  it('a bad option or an unknown guide is one line and exit 2', async () => {
    const { sandbox, dir } = await seeded();
    const bad = await dedupe(sandbox, dir, ['--lock-wait', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('guidebook-import: --lock-wait must be a number of seconds from 0 to 86400; got "soon"');
    const unknown = await runCli(['dedupe', '--guide', '99', '--api-url', sandbox.apiUrl], { apiKey: SECRET_KEY, cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
