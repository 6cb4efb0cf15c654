import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { acquireRunLock, lockPathFor, stateDir } from '../../src/cli/run-lock.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { REPO_ROOT, runCli, spawnCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

const API = 'http://127.0.0.1:9/open-api/v1.1/';

/** What the promise rejects with; fulfilling fails the test. */
async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the lock to be refused');
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  return child.pid!;
}

describe('the run lock: one writing run per (API, guide) on a machine', () => {
  it('lives in $XDG_STATE_HOME/guidebook-import, else ~/.local/state/guidebook-import', () => {
    expect(stateDir({ XDG_STATE_HOME: '/srv/state' })).toBe('/srv/state/guidebook-import');
    expect(stateDir({})).toBe(join(homedir(), '.local', 'state', 'guidebook-import'));
    // A relative XDG_STATE_HOME is ignored, as the XDG spec says.
    expect(stateDir({ XDG_STATE_HOME: 'state' })).toBe(join(homedir(), '.local', 'state', 'guidebook-import'));
  });

  it('refuses a second run naming the holder PID and start time; other guides and APIs are other locks', async () => {
    const dir = tempDir('gbi-lock');
    const first = await acquireRunLock(API, 47, { dir });
    const holder = JSON.parse(readFileSync(first.path, 'utf8')) as { pid: number; startedAt: string };
    expect(holder.pid).toBe(process.pid);
    const refused = await thrown(acquireRunLock(API, 47, { dir }));
    expect(refused).toBeInstanceOf(GuidebookImportError);
    expect((refused as GuidebookImportError).code).toBe('usage');
    expect((refused as Error).message).toContain(
      `another writing run into guide 47 is in progress: process ${process.pid}, started ${holder.startedAt}`,
    );
    // The same server through the v1 prefix is the same guide.
    await expect(acquireRunLock('http://127.0.0.1:9/open-api/v1/', 47, { dir })).rejects.toThrow(/process \d+/);
    (await acquireRunLock(API, 48, { dir })).release();
    (await acquireRunLock('https://builder.guidebook.com/open-api/v1.1/', 47, { dir })).release();
    first.release();
    expect(existsSync(first.path)).toBe(false);
    (await acquireRunLock(API, 47, { dir })).release();
    // Nothing but the lock ever lands in the folder: no temporary file is left behind.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose holder process is gone, with a note', async () => {
    const dir = tempDir('gbi-lock');
    const pid = await deadPid();
    const stale = { pid, startedAt: '2026-01-01T00:00:00.000Z', host: hostname(), guide: 47, api: API };
    writeFileSync(lockPathFor(API, 47, dir), JSON.stringify(stale));
    const lock = await acquireRunLock(API, 47, { dir });
    expect(lock.tookOver).toMatchObject({ pid, startedAt: stale.startedAt });
    expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('--lock-wait: waits for the holder and takes the lock once it is released', async () => {
    const dir = tempDir('gbi-lock');
    const first = await acquireRunLock(API, 47, { dir });
    const told: number[] = [];
    let looks = 0;
    const second = await acquireRunLock(API, 47, {
      dir,
      waitSeconds: 30,
      onWait: (holder) => told.push(holder.pid),
      // The holder finishes while the second run waits.
      sleep: async () => {
        if (++looks === 2) first.release();
      },
    });
    expect(told).toEqual([process.pid]);
    expect(looks).toBe(2);
    expect(second.tookOver).toBeNull();
    second.release();
  });

  it('--lock-wait: gives up at the deadline with the holder named', async () => {
    const dir = tempDir('gbi-lock');
    const first = await acquireRunLock(API, 47, { dir });
    let clock = 1_000_000;
    const refused = await thrown(
      acquireRunLock(API, 47, { dir, waitSeconds: 2, now: () => clock, sleep: async (ms) => void (clock += ms) }),
    );
    expect((refused as Error).message).toMatch(/guide 47 is in progress \(waited 2 s\): process \d+, started /);
    first.release();
  });

  it('of many processes racing for one lock (or one stale lock), exactly one gets it', async () => {
    const dir = tempDir('gbi-lock');
    const tsx = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
    const module = pathToFileURL(resolve(REPO_ROOT, 'src/cli/run-lock.ts')).href;
    // All start together once every process is loaded (a barrier file), and each holds what it
    // got until every one has answered, so no one can take the lock after a release.
    const go = join(dir, 'go');
    const stop = join(dir, 'stop');
    const script = `import { existsSync } from 'node:fs';
      import { acquireRunLock } from '${module}';
      const until = async (file) => { while (!existsSync(file)) await new Promise((r) => setTimeout(r, 5)); };
      process.stdout.write('ready ');
      await until('${go}');
      try { const lock = await acquireRunLock('${API}', 7, { dir: '${dir}' }); process.stdout.write('got\\n'); await until('${stop}'); lock.release(); }
      catch (error) { process.stdout.write(error.code === 'usage' ? 'refused\\n' : 'error ' + error.message + '\\n'); }`;
    const race = async (): Promise<string[]> => {
      rmSync(go, { force: true });
      rmSync(stop, { force: true });
      const outs: string[] = Array.from({ length: 6 }, () => '');
      const children = outs.map((_, index) => {
        const child = spawn(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        child.stdout.on('data', (chunk: Buffer) => (outs[index] += chunk.toString()));
        return child;
      });
      const waitFor = async (test: (out: string) => boolean) => {
        while (!outs.every(test)) await new Promise((r) => setTimeout(r, 10));
      };
      await waitFor((out) => out.startsWith('ready '));
      writeFileSync(go, '');
      await waitFor((out) => out.endsWith('\n'));
      writeFileSync(stop, '');
      await Promise.all(children.map((child) => once(child, 'close')));
      return outs.map((out) => out.slice('ready '.length).trim());
    };
    const fresh = await race();
    expect(fresh.sort()).toEqual(['got', 'refused', 'refused', 'refused', 'refused', 'refused']);

    const pid = await deadPid();
    writeFileSync(lockPathFor(API, 7, dir), JSON.stringify({ pid, startedAt: 'then', host: hostname(), guide: 7, api: API }));
    const stale = await race();
    expect(stale.sort()).toEqual(['got', 'refused', 'refused', 'refused', 'refused', 'refused']);
  }, 60_000);
});

describe('two CLI imports into one guide at once', () => {
  it('the second is refused with exit 2 naming the holder; the sheet is imported exactly once', async () => {
    const where = tempDir('gbi-lock-cli');
    const sandbox = await startSandbox({ port: 0, apiKey: 'lock-key', latencyMs: 20 });
    try {
      const rows = agendaRows(60, { seed: 3 });
      const sheet = writeAgendaCsv(join(where, 'agenda.csv'), rows);
      const copy = writeAgendaCsv(join(where, 'agenda-copy.csv'), rows);
      const args = ['--guide', '1', '--api-url', sandbox.apiUrl, '--create-missing', '--rate', '10'];
      const env = { GUIDEBOOK_API_KEY: 'lock-key', XDG_STATE_HOME: join(where, 'state') };
      const first = spawnCli(['import', sheet, ...args, '--report', join(where, 'first.csv')], { env });
      // Wait until the first run holds the lock (it has started writing; at 10 requests a second it
      // is still at it when the second run plans).
      while (!sandbox.requestLog.some((entry) => entry.method === 'POST')) await new Promise((r) => setTimeout(r, 20));
      // Another copy of the sheet: the lock is the guide's, not the file's.
      const second = await runCli(['import', copy, ...args, '--report', join(where, 'second.csv')], { env });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(
        new RegExp(`another writing run into guide 1 is in progress: process ${first.child.pid}, started 20\\d\\d-`),
      );
      // A dry run takes no lock.
      const dry = await runCli(['import', copy, ...args, '--dry-run', '--report', join(where, 'dry.csv')], { env });
      expect(dry.code).toBe(0);
      expect((await first.result).code).toBe(0);
      const ids = sandbox.state().sessions.map((s) => s.import_id);
      expect(ids).toHaveLength(rows.length);
      expect(new Set(ids).size).toBe(rows.length);
      expect(readdirSync(join(where, 'state', 'guidebook-import'))).toEqual([]);
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it('a lock left by a killed run is taken over, with a note naming it', async () => {
    const where = tempDir('gbi-lock-cli');
    const sandbox = await startSandbox({ port: 0, apiKey: 'lock-key' });
    try {
      const state = join(where, 'state');
      const pid = await deadPid();
      const lockDir = join(state, 'guidebook-import');
      mkdirSync(lockDir, { recursive: true });
      writeFileSync(
        lockPathFor(sandbox.apiUrl, 1, lockDir),
        JSON.stringify({ pid, startedAt: '2026-12-01T03:00:00.000Z', host: hostname(), guide: 1, api: sandbox.apiUrl }),
      );
      const sheet = writeAgendaCsv(join(where, 'agenda.csv'), agendaRows(3));
      const env = { GUIDEBOOK_API_KEY: 'lock-key', XDG_STATE_HOME: state };
      const result = await runCli(['import', sheet, '--guide', '1', '--api-url', sandbox.apiUrl, '--report', join(where, 'r.csv')], {
        env,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(
        `note: took over the run lock of process ${pid} (started 2026-12-01T03:00:00.000Z), which is no longer running`,
      );
      expect(sandbox.state().sessions).toHaveLength(3);
      expect(readdirSync(lockDir)).toEqual([]);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
