// Runs the real CLI (src/cli/main.ts through tsx) as a child process, as a user or a cron job
// would: its own environment, its own working folder, its exit code and both output streams.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = resolve(REPO_ROOT, 'src/cli/main.ts');
// By file URL, so the CLI also starts from a temporary working folder (the config-file tests).
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;

// Run locks of the CLIs a test file starts go here, not into the developer's own state folder;
// one folder per test file, so two runs a test starts do meet each other's lock.
const STATE_HOME = mkdtempSync(join(tmpdir(), 'gbi-state-'));

/** A recognisable key: tests grep outputs and reports for it. */
export const SECRET_KEY = 'SECRET-KEY-123456';

export interface CliResult {
  /** null when the process was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added over an environment stripped of every GUIDEBOOK_* variable of the test runner. */
  env?: Record<string, string>;
  /** Default: the repository root. */
  cwd?: string;
  /** GUIDEBOOK_API_KEY for the child; unset (or null) leaves the child without one. */
  apiKey?: string | null;
  /** Extra `--import` modules loaded before the CLI (e.g. a peak-memory probe). */
  preload?: string[];
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has exited and its output streams are drained. */
  result: Promise<CliResult>;
  stdout(): string;
  stderr(): string;
  /** Resolves once the given text has appeared on stderr; rejects if the CLI ends first. */
  stderrContains(text: string | RegExp): Promise<void>;
}

export function cliEnv(options: Pick<CliOptions, 'env' | 'apiKey'> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Nothing from the developer's shell may point the child at another server or key.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GUIDEBOOK_')) env[name] = value;
  if (typeof options.apiKey === 'string') env.GUIDEBOOK_API_KEY = options.apiKey;
  // No colours and no progress bar: the output is plain lines, the same on CI as here.
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', XDG_STATE_HOME: STATE_HOME, ...options.env };
}

export function spawnCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, ['--import', TSX, ...preload, MAIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ test: (text: string) => boolean; resolve: () => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(stderr)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const result = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return {
    child,
    result,
    stdout: () => stdout,
    stderr: () => stderr,
    stderrContains: (text) =>
      new Promise<void>((resolve, reject) => {
        const test = (all: string) => (typeof text === 'string' ? all.includes(text) : text.test(all));
        if (test(stderr)) return resolve();
        waiters.push({ test, resolve });
        void result.then(() => reject(new Error(`the CLI ended before printing ${String(text)}:\n${stderr}`)));
      }),
  };
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).result;
}

/** What a failed check should show: the command's exit and its output. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code ?? result.signal}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}
