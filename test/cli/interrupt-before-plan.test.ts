// Ctrl-C while the guide is still being read (a slow server): the run has no plan and no summary,
// so its one line says what a re-run does; exit 3, nothing on stdout even with --json.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { spawnCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'interrupt-key';
let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, latencyMs: 3000 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('Ctrl-C before the plan', () => {
  it('says the same command finishes the job, exits 3 and prints no JSON', async () => {
    const dir = tempDir('gi-interrupt-early');
    const sheet = join(dir, 'agenda.csv');
    writeAgendaCsv(sheet, agendaRows(3));
    const running = spawnCli(['import', sheet, '--guide', '1', '--json'], {
      cwd: dir,
      apiKey: KEY,
      env: { GUIDEBOOK_API_URL: sandbox.apiUrl },
    });
    // The first request (the guide) is waiting on the server's latency.
    const deadline = Date.now() + 20_000;
    while (sandbox.requestLog.length === 0 && Date.now() < deadline) await sleep(20);
    expect(sandbox.requestLog.length).toBeGreaterThan(0);
    running.child.kill('SIGINT');
    const result = await running.result;
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'guidebook-import: interrupted: no new request was started; run the same command again to finish (what was done is found, not repeated)',
    );
    expect(sandbox.requestLog.filter((entry) => entry.method !== 'GET')).toEqual([]);
  });
});
