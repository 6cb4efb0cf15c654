import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { acquireRunLock, lockPathFor } from '../../src/cli/run-lock.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { runCli, spawnCli } from '../support/cli-process.js';

const dir = () => mkdtempSync(join(tmpdir(), 'gbi-lock-'));
const API = 'http://127.0.0.1:9/open-api/v1.1/';

describe('the run lock: one writing import per guide on a machine', () => {
  it('refuses a second run while the first holds the lock, and frees it on release', () => {
    const where = dir();
    const first = acquireRunLock(API, 47, 'agenda.xlsx', where);
    expect(() => acquireRunLock(API, 47, 'agenda.xlsx', where)).toThrow(GuidebookImportError);
    expect(() => acquireRunLock(API, 47, 'agenda.xlsx', where)).toThrow(/another import of agenda.xlsx into guide 47 is running on this machine \(process \d+\)/);
    // Another guide, another API or another sheet is another lock.
    acquireRunLock(API, 48, 'agenda.xlsx', where).release();
    acquireRunLock('https://builder.guidebook.com/open-api/v1.1/', 47, 'agenda.xlsx', where).release();
    acquireRunLock(API, 47, 'other-sheet.csv', where).release();
    first.release();
    expect(existsSync(first.path)).toBe(false);
    acquireRunLock(API, 47, 'agenda.xlsx', where).release();
  });

  it('takes over a lock left by a killed run (its process is gone)', async () => {
    const where = dir();
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    writeFileSync(lockPathFor(API, 47, 'agenda.xlsx', where), String(deadPid));
    const lock = acquireRunLock(API, 47, 'agenda.xlsx', where);
    expect(lock.path).toBe(lockPathFor(API, 47, 'agenda.xlsx', where));
    lock.release();
  });
});

describe('two CLI imports into one guide at once', () => {
  it('the second is refused with exit 2 and the sheet is imported exactly once', async () => {
    const where = dir();
    const sandbox = await startSandbox({ port: 0, apiKey: 'lock-key', latencyMs: 20 });
    try {
      const rows = agendaRows(60, { seed: 3 });
      const sheet = writeAgendaCsv(join(where, 'agenda.csv'), rows);
      const args = ['import', sheet, '--guide', '1', '--api-url', sandbox.apiUrl, '--create-missing', '--rate', '10'];
      const env = { GUIDEBOOK_API_KEY: 'lock-key' };
      const first = spawnCli([...args, '--report', join(where, 'first.csv')], { env });
      // Wait until the first run holds the lock (it has started writing; at 10 requests a second it
      // is still at it when the second run plans).
      while (!sandbox.requestLog.some((entry) => entry.method === 'POST')) await new Promise((r) => setTimeout(r, 20));
      const second = await runCli([...args, '--report', join(where, 'second.csv')], { env });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/another import of .*agenda.csv into guide 1 is running on this machine/);
      expect((await first.result).code).toBe(0);
      const ids = sandbox.state().sessions.map((s) => s.import_id);
      expect(ids).toHaveLength(rows.length);
      expect(new Set(ids).size).toBe(rows.length);
    } finally {
      await sandbox.close();
    }
  });
});
