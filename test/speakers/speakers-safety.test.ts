// Speakers under the same safety standard as sessions, against sandbox processes: a dry run writes
// nothing; --max-requests counts the speakers' writes before the first one; the daily budget stops
// the run cleanly (exit 3) and a re-run finishes it; lost answers and kill -9 never duplicate an
// item, a relation or a link.
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../src/sandbox/index.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport, tally } from '../support/report-file.js';
import { costOf, speakerView, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

afterEach(cleanUp);

const SPEAKERS: SpeakerRow[] = [
  { importId: 'P-ADA', name: 'Ada Park', company: 'Acme' },
  { importId: 'P-BRAM', name: 'Bram de Vries' },
];
/** 6 sessions, 4 speakers (P-ADA, P-BRAM and two named only in cells), 9 pairs: 18 links. */
const SESSIONS: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'Ada Park; Chiara Conti', slot: 1 },
  { id: 'S-3', title: 'Design tokens', speakers: 'Chiara Conti', slot: 2 },
  { id: 'S-4', title: 'Edge caching', speakers: 'Dev Patel; Bram de Vries', slot: 3 },
  { id: 'S-5', title: 'Build caches', speakers: 'Dev Patel', slot: 4 },
  { id: 'S-6', title: 'Closing', speakers: 'Ada Park', slot: 5 },
];
const EXPECTED_SESSIONS = {
  'S-1': ['Ada Park', 'Bram de Vries'],
  'S-2': ['Ada Park', 'Chiara Conti'],
  'S-3': ['Chiara Conti'],
  'S-4': ['Dev Patel', 'Bram de Vries'],
  'S-5': ['Dev Patel'],
  'S-6': ['Ada Park'],
};
const EXPECTED_SPEAKERS = {
  'Ada Park': ['S-1', 'S-2', 'S-6'],
  'Bram de Vries': ['S-1', 'S-4'],
  'Chiara Conti': ['S-2', 'S-3'],
  'Dev Patel': ['S-4', 'S-5'],
};
/** 6 session POSTs + 4 items + 4 relations + 18 links. */
const FRESH_WRITES = 32;
const READS = 6;

function expectConverged(state: SandboxState): void {
  const view = speakerView(state);
  expect(view.sessionSpeakers).toEqual(EXPECTED_SESSIONS);
  expect(view.speakerSessions).toEqual(EXPECTED_SPEAKERS);
  expect(view.items.map((item) => item.name).sort()).toEqual(Object.keys(EXPECTED_SPEAKERS));
  expect(view.lists.Speakers?.slice().sort()).toEqual(Object.keys(EXPECTED_SPEAKERS));
  expect(
    state.sessions
      .filter((s) => s.guide === 1)
      .map((s) => s.import_id)
      .sort(),
  ).toEqual(Object.keys(EXPECTED_SESSIONS));
}

async function worldWithSheet(options: Parameters<typeof importWorld>[0] = {}): Promise<{ world: ImportWorld; sheet: string }> {
  const world = await importWorld(options);
  const sheet = join(world.dir, 'agenda.xlsx');
  writeSpeakerWorkbook(sheet, SESSIONS, SPEAKERS);
  return { world, sheet };
}

describe('speakers: dry run, request cap, budget', { timeout: 120_000 }, () => {
  it('--dry-run lists every speaker action as planned and writes nothing', async () => {
    const { world, sheet } = await worldWithSheet();
    const run = await world.importCli(sheet, ['--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(world.sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(JSON.parse(run.stdout)).toMatchObject({
      created: 0,
      planned: { create: 6 },
      speakers: { created: 0, planned: { create: 4 } },
      dry_run: true,
    });
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report.filter((row) => row.import_id.startsWith('S-')))).toEqual({ 'create/planned': 6 });
    expect(tally(report.filter((row) => !row.import_id.startsWith('S-')))).toEqual({ 'create/planned': 4 });
  });

  it('--max-requests below the whole plan (sessions + speakers) stops before the first write, exit 3', async () => {
    const { world, sheet } = await worldWithSheet();
    const run = await world.importCli(sheet, ['--max-requests', String(READS + FRESH_WRITES - 1), '--json']);
    expect(run.code).toBe(3);
    expect(world.sandbox.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    expect(tally(report)).toEqual({ 'create/not_attempted': 10 });
    const fits = await world.importCli(sheet, ['--max-requests', String(READS + FRESH_WRITES), '--json']);
    expect(fits.code, fits.stderr).toBe(0);
    expectConverged(await world.sandbox.state());
  });

  it('the daily budget runs out among the links: exit 3, the rest not_attempted; a re-run finishes without duplicates', async () => {
    // 6 reads + 6 sessions + 8 speaker writes; the 21st request answers 429.
    const { world, sheet } = await worldWithSheet({ dailyBudget: 20 });
    const run = await world.importCli(sheet, ['--json', '--concurrency', '1']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/budget/);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ created: 6 });
    // A speaker cut short among its writes is left for the re-run too, not a failure to fix.
    expect(summary.speakers.not_attempted).toBeGreaterThan(0);
    expect(summary.speakers.failed).toBe(0);
    await world.restartSandbox({ dailyBudget: 200 });
    const rerun = await world.importCli(sheet, ['--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expectConverged(await world.sandbox.state());
    const again = await world.importCli(sheet, ['--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 6, requests: READS, speakers: { unchanged: 4 } });
  });
});

describe('speakers: lost answers and kill -9', { timeout: 120_000 }, () => {
  it('with 500s and dropped answers the import converges: no item, relation or link twice', async () => {
    const { world, sheet } = await worldWithSheet({ failRate: 0.15, dropRate: 0.15, seed: 13 });
    const run = await world.importCli(sheet, ['--json']);
    expect([0, 1]).toContain(run.code);
    if (run.code === 1) expect((await world.importCli(sheet, ['--json'])).code).toBe(0);
    expectConverged(await world.sandbox.state());
    const state = await world.sandbox.state();
    const pairs = state.links.map((l) => `${l.source_content_type}${l.source_object_id}>${l.target_object_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(new Set(state.custom_list_items.map((i) => i.import_id)).size).toBe(state.custom_list_items.length);
  });

  it('kill -9 in the middle of the speaker writes: a re-run converges, and the next spends only its reads', async () => {
    const { world, sheet } = await worldWithSheet({ latencyMs: 40 });
    const running = world.spawnImport(sheet, ['--concurrency', '2']);
    const deadline = Date.now() + 30_000;
    while (world.sandbox.requests().filter((r) => r.method === 'POST' && r.path.includes('links')).length < 4) {
      if (Date.now() > deadline) throw new Error('no link POSTs after 30 s');
      await sleep(20);
    }
    running.child.kill('SIGKILL');
    expect((await running.result).signal).toBe('SIGKILL');
    const rerun = await world.importCli(sheet, ['--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expectConverged(await world.sandbox.state());
    const mark = world.sandbox.requests().length;
    expect((await world.importCli(sheet, ['--json'])).code).toBe(0);
    expect(costOf(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET'))).toEqual({});
  });
});
