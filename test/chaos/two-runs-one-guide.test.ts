// Two copies of one sheet (a CSV someone downloaded and the workbook it came from) imported at the
// same moment into one guide, by two real CLI processes against one sandbox process whose every
// answer takes 80 ms: without a lock per guide both would plan every row as "create". With it, the
// second waits (--lock-wait), then finds every session made and plans nothing.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv, writeAgendaXlsx } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { guideSessions, killAllSandboxes, sessionsByImportId, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, spawnImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

describe('two runs never duplicate a guide', () => {
  it('two copies of one sheet imported at once into one guide (latency 80 ms): 0 duplicates', async () => {
    const dir = tempDir('chaos-two-runs');
    const rows = agendaRows(40, { seed: 11, prefix: 'two' });
    const csv = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const xlsx = writeAgendaXlsx(join(dir, 'agenda (copy).xlsx'), rows);
    const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY, latencyMs: 80 });
    // Both CLIs share this test file's state folder (test/support/cli-process.ts), so they meet.
    const flags = ['--lock-wait', '120'];

    const first = spawnImport(sandbox, { sheet: csv, report: join(dir, 'first.csv'), flags });
    const second = spawnImport(sandbox, { sheet: xlsx, report: join(dir, 'second.csv'), flags });
    const [a, b] = await Promise.all([first.result, second.result]);
    expect(a.code, describeRun(a)).toBe(0);
    expect(b.code, describeRun(b)).toBe(0);

    // Whichever came second waited for the other, named it, and then had nothing to create.
    const [winner, waiter] = /waiting up to 120 s/.test(a.stderr) ? [b, a] : [a, b];
    const winnerPid = winner === a ? first.child.pid : second.child.pid;
    expect(waiter.stderr).toMatch(
      new RegExp(`guide 1 is in progress \\(process ${winnerPid}, started 20\\d\\d-.*\\): waiting up to 120 s`),
    );
    expect(summaryOf(winner)).toMatchObject({ created: rows.length, failed: 0 });
    expect(summaryOf(waiter)).toMatchObject({ created: 0, updated: 0, unchanged: rows.length, conflicts: 0 });

    const state = await sandbox.state();
    const duplicates = [...sessionsByImportId(state).values()].filter((group) => group.length > 1);
    expect(duplicates).toEqual([]);
    expect(guideSessions(state)).toHaveLength(rows.length);
    expect(agendaMismatches(state, rows)).toEqual([]);
  }, 180_000);
});
