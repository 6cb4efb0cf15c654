// Everything hostile at once, as a real proxy on a bad day: capped pages with ties shuffled,
// creates answered with empty bodies, answers lost after the write, 5xx before it. Scheduled
// re-runs must converge to the sheet with no duplicate, and then send nothing.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { guideSessions, killAllSandboxes, sessionsByImportId, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, hasCrashTrace, runImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

const WRITES = new Set(['POST', 'PATCH', 'DELETE']);

describe('an import through a hostile server with faults', () => {
  it('converges in a few runs with no duplicate, then a re-sync sends 0 writes', async () => {
    const dir = tempDir('chaos-hostile');
    // Seeded rows with tracks, rooms and descriptions; every fifth shares a start with its neighbours.
    const rows = agendaRows(120, { seed: 71, prefix: 'hos' }).map((row, i) =>
      i % 5 === 0 ? { ...row, start: '09:00', end: '09:40' } : row,
    );
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    const sandbox = await startSandboxProcess({
      dir,
      apiKey: API_KEY,
      seed: 29,
      failRate: 0.1,
      dropRate: 0.1,
      args: ['--page-size-cap', '20', '--unstable-order', '--empty-create-answers'],
    });

    let runs = 0;
    for (;;) {
      const run = await runImport(sandbox, { sheet, report });
      runs += 1;
      expect(hasCrashTrace(run.stderr), describeRun(run)).toBe(false);
      expect([0, 1], describeRun(run)).toContain(run.code);
      expect(summaryOf(run).conflicts).toBe(0);
      if (run.code === 0 || runs === 4) break;
    }
    // The faults really happened: answers lost after writes, and 5xx before them.
    const log = sandbox.requests();
    expect(log.some((r) => r.dropped)).toBe(true);
    expect(log.some((r) => r.status >= 500)).toBe(true);
    const state = await sandbox.state();
    expect(guideSessions(state)).toHaveLength(120);
    expect([...sessionsByImportId(state).values()].filter((group) => group.length > 1)).toEqual([]);
    expect(agendaMismatches(state, rows)).toEqual([]);

    await sandbox.setFaults({ failRate: 0, dropRate: 0 });
    const mark = sandbox.requests().length;
    const resync = await runImport(sandbox, { sheet, report });
    expect(resync.code, describeRun(resync)).toBe(0);
    expect(summaryOf(resync)).toMatchObject({ unchanged: 120, created: 0, updated: 0, conflicts: 0 });
    expect(sandbox.requestsSince(mark).filter((r) => WRITES.has(r.method))).toEqual([]);
  }, 180_000);
});
