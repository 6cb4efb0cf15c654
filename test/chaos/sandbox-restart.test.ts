import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { guideSessions, killAllSandboxes, restartSandboxProcess, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, hasCrashTrace, runImport, spawnImport } from './import-run.js';

afterEach(killAllSandboxes);

describe('the server killed and restarted during an import', () => {
  it('fails the rows it could not write, cleanly, and a re-run converges without duplicates', async () => {
    const dir = tempDir('chaos-restart');
    const rows = agendaRows(300, { seed: 31, prefix: 'rst' });
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    const first = await startSandboxProcess({ dir, apiKey: API_KEY, latencyMs: 10 });

    // A paced run (50 requests a second) with one quick retry: the outage below outlasts the
    // retries of the rows that meet it, while later rows meet the restarted server.
    const run = spawnImport(first, { sheet, report, rate: 50, concurrency: 4, flags: ['--retries', '1'] });
    while (first.requests().length < 80) {
      expect(run.child.exitCode, run.stderr()).toBeNull();
      await sleep(5);
    }
    await first.kill();
    const answeredBeforeKill = first.requests().filter((e) => e.method === 'POST' && e.path.endsWith('/sessions/') && e.status === 201);
    await sleep(1_500);
    expect(run.child.exitCode, 'the import should still be running when the server comes back').toBeNull();
    const second = await restartSandboxProcess(first);
    expect(second.port).toBe(first.port);

    const result = await run.result;
    expect([1, 3], describeRun(result)).toContain(result.code);
    expect(hasCrashTrace(result.stderr), result.stderr).toBe(false);
    const lines = readCsvReport(report);
    expect(lines).toHaveLength(300);
    const unfinished = lines.filter((l) => l.outcome === 'failed' || l.outcome === 'not_attempted');
    expect(unfinished.length).toBeGreaterThan(0);
    expect(lines.every((l) => ['done', 'failed', 'not_attempted'].includes(l.outcome))).toBe(true);
    expect(unfinished.filter((l) => l.message.trim() === '')).toEqual([]);

    // Every create the first server answered survived its kill -9 (its journal) ...
    const restartedIds = new Set(guideSessions(await second.state()).map((s) => s.import_id));
    expect(answeredBeforeKill.length).toBeGreaterThan(20);
    for (const entry of answeredBeforeKill) expect(restartedIds).toContain((entry.body as { import_id: string }).import_id);

    // ... and the re-run finishes the job without a duplicate.
    const rerun = await runImport(second, { sheet, report });
    expect(rerun.code, describeRun(rerun)).toBe(0);
    expect(agendaMismatches(await second.state(), rows)).toEqual([]);
  }, 120_000);
});
