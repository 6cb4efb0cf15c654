// A reader that goes away mid-run (`guidebook-import import ... 2>&1 | head -1`, a CI log closed
// early) must not stop the import: what is printed after that is lost, the run is not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { spawnCli } from '../support/cli-process.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'closed-output-key';
let sandbox: SandboxHandle;
beforeAll(async () => {
  // Slow enough that most of the run's output comes after its reader has gone.
  sandbox = await startSandbox({ port: 0, apiKey: KEY, latencyMs: 30 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('output closed by its reader', () => {
  it('finishes the import, writes its report and exits with its own code', async () => {
    const dir = tempDir('gi-closed-output');
    const sheet = join(dir, 'agenda.csv');
    writeAgendaCsv(sheet, agendaRows(12));
    const report = join(dir, 'run.report.csv');
    const running = spawnCli(['import', sheet, '--guide', '1', '--create-missing', '--json', '--report', report], {
      cwd: dir,
      apiKey: KEY,
      env: { GUIDEBOOK_API_URL: sandbox.apiUrl },
    });
    // As `| head -1` does: read the first line, then close both pipes.
    await running.stderrContains('\n');
    running.child.stderr!.destroy();
    running.child.stdout!.destroy();
    const result = await running.result;
    expect(result.code).toBe(0);
    expect(existsSync(report)).toBe(true);
    const outcomes = readFileSync(report, 'utf8').trim().split('\n').slice(1);
    expect(outcomes).toHaveLength(12);
    for (const line of outcomes) expect(line).toContain(',create,done,');
    const created = sessionsByImportId(await sandbox.state(), 1);
    expect([...created.values()].map((sessions) => sessions.length)).toEqual(Array(12).fill(1));
  });
});
