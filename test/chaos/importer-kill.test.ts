import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/sandbox/prng.js';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { guideSessions, killAllSandboxes, startSandboxProcess, type SandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, runImport, spawnImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

const ROWS = 300;
const KILLS = 10;

/** Resolves once the sandbox has logged `count` more API requests than `from`, or the run ended. */
async function requestsReached(sandbox: SandboxProcess, from: number, count: number, ended: () => boolean): Promise<number> {
  for (;;) {
    const seen = sandbox.requests().length - from;
    if (seen >= count || ended()) return seen;
    await sleep(5);
  }
}

describe('kill -9 of the importer', () => {
  it(`converges with zero duplicates after ${KILLS} kills at seeded moments, and every report left behind parses`, async () => {
    const dir = tempDir('chaos-kill');
    const rows = agendaRows(ROWS, { seed: 23, prefix: 'kil' });
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    // Latency and a modest concurrency spread the writes over a couple of seconds, so a kill
    // lands among them rather than after the run.
    const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY, latencyMs: 15 });
    const random = mulberry32(9_041);
    const killedAfter: number[] = [];

    for (let kill = 0; kill < KILLS; kill++) {
      const before = sandbox.requests().length;
      const done = guideSessions(await sandbox.state()).length;
      // Somewhere between this run's first read and a third of the writes it still has to make,
      // so most kills land among writes and some land in the reads before them.
      const target = 1 + Math.floor(random() * ((ROWS - done) / 3 + 6));
      const run = spawnImport(sandbox, { sheet, report, concurrency: 4 });
      let ended = false;
      void run.result.then(() => (ended = true));
      killedAfter.push(await requestsReached(sandbox, before, target, () => ended));
      run.child.kill('SIGKILL');
      const result = await run.result;
      if (result.signal !== 'SIGKILL') {
        // The run finished before the moment came: it must have finished cleanly.
        expect(result.code, describeRun(result)).toBe(0);
      }
      // Whatever the moment, the report on disk is whole CSV lines under the promised header, and
      // a row it calls done is really on the server.
      if (existsSync(report)) {
        const lines = readCsvReport(report);
        const state = await sandbox.state();
        const heldIds = new Set(guideSessions(state).map((s) => s.import_id));
        expect(lines.filter((l) => l.outcome === 'done' && !heldIds.has(l.import_id))).toEqual([]);
      }
    }
    // The kills landed at different points of the runs, not all before the first write.
    expect(new Set(killedAfter).size).toBeGreaterThan(5);
    const partial = guideSessions(await sandbox.state()).length;
    expect(partial).toBeGreaterThan(0);

    let final = await runImport(sandbox, { sheet, report });
    if (final.code !== 0) final = await runImport(sandbox, { sheet, report });
    expect(final.code, describeRun(final)).toBe(0);
    const summary = summaryOf(final);
    expect(summary.created + summary.unchanged).toBe(ROWS);
    expect(summary.failed + summary.conflicts + summary.not_attempted).toBe(0);

    const state = await sandbox.state();
    expect(agendaMismatches(state, rows)).toEqual([]);
    // Tracks and rooms created by killed runs are reused, never created twice.
    const trackNames = state.schedule_tracks.filter((t) => t.guide === 1).map((t) => t.name);
    const roomNames = state.locations.filter((l) => l.guide === 1).map((l) => l.name);
    expect(trackNames.length).toBe(new Set(trackNames).size);
    expect(roomNames.length).toBe(new Set(roomNames).size);

    const lines = readCsvReport(report);
    expect(lines.map((l) => l.import_id)).toEqual(rows.map((r) => r.id));
    expect(lines.every((l) => l.outcome === 'done' && (l.action === 'create' || l.action === 'unchanged'))).toBe(true);
    expect(lines.filter((l) => l.action === 'unchanged').length).toBeGreaterThanOrEqual(partial);
  }, 180_000);
});
