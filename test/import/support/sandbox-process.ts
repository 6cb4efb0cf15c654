// A `guidebook-import sandbox` child process, started the way a user or a CI job starts one: the
// origin is read from its first stdout line, its state and request log are files on disk.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestLogEntry, SandboxState } from '../../../src/sandbox/index.js';
import { CLI_ENTRY, NODE_ARGS, SECRET_KEY } from './cli-process.js';

export interface SandboxProcess {
  origin: string;
  /** `${origin}/open-api/v1.1/` */
  apiUrl: string;
  stateFile: string;
  requestLogFile: string;
  child: ChildProcess;
  /** Every API request logged so far (the request-log file, parsed). */
  requests(): RequestLogEntry[];
  /** The requests logged after `mark` (a length of requests() taken earlier). */
  requestsSince(mark: number): RequestLogEntry[];
  /** The live state, through the sandbox's admin path (not counted, not logged). */
  state(): Promise<SandboxState>;
  resetBudget(): Promise<void>;
  /** SIGTERM: the sandbox saves its state file and exits 0. */
  stop(): Promise<number | null>;
  /** kill -9. */
  kill(): Promise<void>;
}

export interface SandboxProcessOptions {
  /** Extra flags: --latency-ms, --fail-rate, --drop-rate, --seed, --daily-budget. */
  args?: string[];
  apiKey?: string;
  /** Default `<dir>/state.json`; an existing file is loaded. */
  stateFile?: string;
}

const running = new Set<ChildProcess>();

/** Kills every sandbox a test left running (afterEach / afterAll). */
export function killLeftoverSandboxes(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

export async function startSandboxProcess(dir: string, options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const stateFile = options.stateFile ?? join(dir, 'state.json');
  const requestLogFile = join(dir, 'requests.jsonl');
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, CLI_ENTRY, 'sandbox', '--port', '0', '--state', stateFile, '--api-key', options.apiKey ?? SECRET_KEY,
      '--request-log', requestLogFile, ...(options.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const origin = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(stdout.slice(0, newline).trim());
    });
    void exited.then(([code]) => reject(new Error(`the sandbox exited (${code}) before printing its origin: ${stderr}`)));
  });

  const requests = (): RequestLogEntry[] =>
    existsSync(requestLogFile)
      ? readFileSync(requestLogFile, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as RequestLogEntry)
      : [];
  const admin = async (path: string, init?: RequestInit): Promise<unknown> => {
    const answer = await fetch(`${origin}/__sandbox/${path}`, init);
    if (!answer.ok) throw new Error(`sandbox admin ${path} answered ${answer.status}`);
    return answer.json();
  };

  return {
    origin,
    apiUrl: `${origin}/open-api/v1.1/`,
    stateFile,
    requestLogFile,
    child,
    requests,
    requestsSince: (mark) => requests().slice(mark),
    state: async () => (await admin('state')) as SandboxState,
    resetBudget: async () => {
      await admin('reset-budget', { method: 'POST' });
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = await exited;
      running.delete(child);
      return code;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
  };
}
