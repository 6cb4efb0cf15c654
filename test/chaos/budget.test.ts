import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { readCsvReport, type CsvReportRow } from '../support/report-file.js';
import {
  guideSessions,
  killAllSandboxes,
  restartSandboxProcess,
  startSandboxProcess,
  type SandboxProcess,
} from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, hasCrashTrace, runImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

async function heldImportIds(sandbox: SandboxProcess): Promise<string[]> {
  return guideSessions(await sandbox.state()).map((s) => s.import_id ?? '');
}

function byOutcome(lines: CsvReportRow[], outcome: string): string[] {
  return lines.filter((l) => l.outcome === outcome).map((l) => l.import_id);
}

describe('the daily request budget running out during an import', () => {
  it('stops with exit 3 and lists the rows not attempted; once the budget is back a re-run completes without duplicates', async () => {
    const dir = tempDir('chaos-budget');
    const rows = agendaRows(300, { seed: 47, prefix: 'bdg' });
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY, dailyBudget: 150 });

    const first = await runImport(sandbox, { sheet, report });
    expect(first.code, describeRun(first)).toBe(3);
    expect(hasCrashTrace(first.stderr), first.stderr).toBe(false);
    expect(first.stderr).toMatch(/budget/i);
    const firstSummary = summaryOf(first);
    expect(firstSummary.not_attempted).toBeGreaterThan(100);
    let lines = readCsvReport(report);
    expect(lines).toHaveLength(300);
    expect(byOutcome(lines, 'not_attempted')).toHaveLength(firstSummary.not_attempted);
    // The report tells the truth: exactly the rows it calls done are on the server.
    expect((await heldImportIds(sandbox)).sort()).toEqual(byOutcome(lines, 'done').sort());
    expect(lines.every((l) => ['done', 'not_attempted', 'failed'].includes(l.outcome))).toBe(true);

    // Budget reset for the day (the admin path), still too small for the rest: stops again.
    await sandbox.resetBudget();
    const second = await runImport(sandbox, { sheet, report });
    expect(second.code, describeRun(second)).toBe(3);
    lines = readCsvReport(report);
    expect((await heldImportIds(sandbox)).sort()).toEqual(byOutcome(lines, 'done').sort());
    const heldAfterSecond = (await heldImportIds(sandbox)).length;
    expect(heldAfterSecond).toBeGreaterThan(300 - firstSummary.not_attempted);

    // Restarted with a larger budget: the third run finishes, creating only what was missing.
    await sandbox.stop();
    const larger = await restartSandboxProcess(sandbox, { dailyBudget: 10_000 });
    const third = await runImport(larger, { sheet, report });
    expect(third.code, describeRun(third)).toBe(0);
    expect(summaryOf(third)).toMatchObject({ created: 300 - heldAfterSecond, unchanged: heldAfterSecond, not_attempted: 0, failed: 0 });
    expect(agendaMismatches(await larger.state(), rows)).toEqual([]);
  }, 120_000);
});
