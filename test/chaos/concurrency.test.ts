import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { guideSessions, killAllSandboxes, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, runImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

const RATE = 200;
// Requests leave the client spaced by the cap but reach the server with some jitter.
const SLACK = 10;

/** The most requests that arrived within any one second (a window starting at each arrival). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && (sorted[end] as number) < (sorted[start] as number) + 1000) end++;
    busiest = Math.max(busiest, end - start);
  }
  return busiest;
}

describe('a wide import under --concurrency 32 --rate 200', () => {
  it('imports 1,000 rows with no duplicate and never more than 200 requests in a second', async () => {
    const dir = tempDir('chaos-stress');
    const rows = agendaRows(1000, { seed: 53, prefix: 'con' });
    const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
    const report = join(dir, 'agenda.report.csv');
    // Some latency, so 32 requests really are in flight together.
    const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY, latencyMs: 25 });

    const run = await runImport(sandbox, { sheet, report, concurrency: 32, rate: RATE });
    expect(run.code, describeRun(run)).toBe(0);
    expect(summaryOf(run)).toMatchObject({ created: 1000, failed: 0 });

    const state = await sandbox.state();
    expect(guideSessions(state)).toHaveLength(1000);
    expect(agendaMismatches(state, rows)).toEqual([]);
    expect(readCsvReport(report).filter((l) => l.outcome !== 'done')).toEqual([]);

    const log = sandbox.requests();
    expect(log.length).toBeGreaterThanOrEqual(1000);
    const busiest = busiestSecond(log.map((entry) => Date.parse(entry.time)));
    expect(busiest).toBeLessThanOrEqual(RATE + SLACK);
    // The cap, not the server, was what held the run back: it ran close to the rate.
    expect(busiest).toBeGreaterThan(RATE / 2);
  }, 120_000);
});
