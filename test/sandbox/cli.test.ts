import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxState } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

interface Running {
  child: ChildProcess;
  origin: string;
  stderr: () => string;
  exit: Promise<[number | null, NodeJS.Signals | null]>;
}

/** Starts `guidebook-import sandbox` and resolves once its first stdout line (the origin) is out. */
async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const origin = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline));
    });
    void exit.then(([code]) => reject(new Error(`sandbox exited with ${code} before printing its origin: ${stderr}`)));
  });
  return { child, origin, stderr: () => stderr, exit };
}

/** Runs the CLI to its end (for option errors). */
async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'sandbox-cli-'));

describe('guidebook-import sandbox', () => {
  it('--refuse-publish answers a publish 403 with the plan message, and says the switch is on', async () => {
    const running = await startCli(['--port', '0', '--refuse-publish']);
    const refused = await fetch(`${running.origin}/open-api/v1.1/guides/1/publish/`, {
      method: 'POST',
      headers: { Authorization: 'JWT k' },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/not available on your plan/);
    expect(running.stderr()).toContain('refusePublish=true');
    running.child.kill('SIGTERM');
    expect((await running.exit)[0]).toBe(0);
  });

  it('prints its origin first, serves the API, and saves its state on SIGTERM with exit 0', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const running = await startCli(['--port', '0', '--state', stateFile, '--api-key', 'cli-secret-key']);
    expect(running.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { Authorization: 'JWT cli-secret-key', 'Content-Type': 'application/json' };
    const created = await fetch(`${running.origin}/open-api/v1.1/sessions/`, {
      method: 'POST',
      headers,
      body: JSON.stringify(validSession({ import_id: 'from-cli' })),
    });
    expect(created.status).toBe(201);
    const listed = (await (await fetch(`${running.origin}/sessions/?guide=1`, { headers })).json()) as {
      results: Array<{ import_id: string }>;
    };
    expect(listed.results.map((s) => s.import_id)).toEqual(['from-cli']);

    running.child.kill('SIGTERM');
    const [code] = await running.exit;
    expect(code).toBe(0);
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as SandboxState;
    expect(state.sessions.map((s) => s.import_id)).toEqual(['from-cli']);
    expect(state.budget.count).toBe(2);
    expect(running.stderr()).toContain(`${running.origin}/open-api/v1.1/`);
    expect(running.stderr()).not.toContain('cli-secret-key');
  });

  it('loses no answered write when killed with kill -9', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const running = await startCli(['--port', '0', '--state', stateFile]);
    const api = apiClient({ apiUrl: `${running.origin}/open-api/v1.1/` });
    const ids: number[] = [];
    for (let i = 0; i < 25; i += 1) ids.push((await api('POST', 'sessions/', validSession({ import_id: `k-${i}` }))).body.id);
    await api('PATCH', `sessions/${ids[0]}/`, { name: 'Patched before the kill' });
    await api('DELETE', `sessions/${ids[1]}/`);
    running.child.kill('SIGKILL');
    await running.exit;

    const restarted = await startSandbox({ stateFile });
    try {
      const state = restarted.state();
      expect(state.sessions.map((s) => s.import_id)).toEqual(Array.from({ length: 25 }, (_, i) => `k-${i}`).filter((_, i) => i !== 1));
      expect(state.sessions[0]?.name).toBe('Patched before the kill');
      expect(state.budget.count).toBe(27);
      expect((await apiClient(restarted)('POST', 'sessions/', validSession())).body.id).toBe(26);
    } finally {
      await restarted.close();
    }
  });

  it('refuses bad option values with one clear line and exit 2', async () => {
    for (const [args, message] of [
      [['--fail-rate', '1.5'], '--fail-rate must be a number from 0 to 1, got "1.5"'],
      [['--drop-rate', '-0.2'], '--drop-rate must be a number from 0 to 1, got "-0.2"'],
      [['--latency-ms', '-5'], '--latency-ms must be a number of at least 0, got "-5"'],
      [['--daily-budget', 'many'], '--daily-budget must be an integer of at least 0, got "many"'],
      [['--port', '70000'], '--port must be an integer from 0 to 65535, got "70000"'],
    ] as const) {
      const { code, stdout, stderr } = await runCli([...args]);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toEqual([`guidebook-import: ${message}`]);
    }
  });

  it('says so when the state file cannot be written', async () => {
    const { code, stderr } = await runCli(['--port', '0', '--state', join(tempDir(), 'missing-dir', 'state.json')]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^guidebook-import: cannot write sandbox state .*missing-dir\/state\.json: ENOENT/);
  });

  it('says so when the port is in use', async () => {
    const taken = await startSandbox();
    try {
      const { code, stderr } = await runCli(['--port', String(taken.port)]);
      expect(code).toBe(2);
      expect(stderr.trim()).toBe(`guidebook-import: port ${taken.port} on 127.0.0.1 is already in use`);
    } finally {
      await taken.close();
    }
  });

  it('writes the request log file and applies fault options', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'requests.jsonl');
    const running = await startCli(['--port', '0', '--request-log', logFile, '--daily-budget', '2', '--verbose']);
    const api = apiClient({ apiUrl: `${running.origin}/open-api/v1.1/` }, 'key-that-stays-secret');
    expect((await api('POST', 'sessions/', validSession({ import_id: 'logged' }))).status).toBe(201);
    expect((await api('GET', 'sessions/?guide=1')).status).toBe(200);
    expect((await api('GET', 'sessions/?guide=1')).status).toBe(429);
    running.child.kill('SIGINT');
    expect((await running.exit)[0]).toBe(0);
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.method, l.path, l.status])).toEqual([
      ['POST', '/open-api/v1.1/sessions/', 201],
      ['GET', '/open-api/v1.1/sessions/', 200],
      ['GET', '/open-api/v1.1/sessions/', 429],
    ]);
    expect(lines[0].body).toMatchObject({ import_id: 'logged', guide: 1 });
    expect(lines[1].query).toEqual({ guide: '1' });
    expect(readFileSync(logFile, 'utf8')).not.toContain('key-that-stays-secret');
    expect(running.stderr()).toMatch(/POST \/open-api\/v1\.1\/sessions\/ 201/);
  });
});
