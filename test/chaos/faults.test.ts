import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun, type CliResult } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { guideSessions, killAllSandboxes, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, hasCrashTrace, runImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

describe('an import through a misbehaving server', () => {
  it('converges on 300 exact sessions through 20 % 5xx, 10 % dropped answers and 50 ms latency, in at most 3 runs', async () => {
    const dir = tempDir('chaos-faults');
    const rows = agendaRows(300, { seed: 11, prefix: 'flt' });
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY, seed: 20270510, failRate: 0.2, dropRate: 0.1, latencyMs: 50 });

    const runs: CliResult[] = [];
    for (let attempt = 0; attempt < 3 && runs.at(-1)?.code !== 0; attempt++) {
      const run = await runImport(sandbox, { sheet, report });
      runs.push(run);
      // A run that does not finish everything still ends cleanly: rows failed (1) or stopped (3).
      expect([0, 1, 3], describeRun(run)).toContain(run.code);
      expect(hasCrashTrace(run.stderr), run.stderr).toBe(false);
    }
    expect(runs.at(-1)?.code, runs.map(describeRun).join('\n')).toBe(0);

    const state = await sandbox.state();
    expect(agendaMismatches(state, rows)).toEqual([]);
    const sessions = guideSessions(state);
    expect(sessions).toHaveLength(300);
    expect(new Set(sessions.map((s) => s.import_id)).size).toBe(300);

    // The faults really happened, so the convergence above was earned.
    const log = sandbox.requests();
    expect(log.filter((entry) => entry.status >= 500).length).toBeGreaterThan(40);
    expect(log.filter((entry) => entry.dropped).length).toBeGreaterThan(10);

    // The last run's report: one row per sheet row, nothing left undone.
    const lines = readCsvReport(report);
    expect(lines).toHaveLength(300);
    expect(lines.filter((line) => line.outcome !== 'done')).toEqual([]);

    // Once converged, the same sheet again writes nothing, faults or not.
    const again = await runImport(sandbox, { sheet, report });
    expect(again.code, describeRun(again)).toBe(0);
    expect(summaryOf(again)).toMatchObject({ created: 0, updated: 0, unchanged: 300, failed: 0 });
    expect(agendaMismatches(await sandbox.state(), rows)).toEqual([]);
  }, 180_000);
});
