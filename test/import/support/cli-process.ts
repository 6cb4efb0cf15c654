// The real CLI (`node --import tsx src/cli/main.ts ...`) as a child process, with the API key in
// its environment as a user's cron job would have it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI_ENTRY = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
// By file URL, so the CLI also starts from a temporary working folder (the config-file tests).
export const NODE_ARGS = ['--import', pathToFileURL(`${REPO_ROOT}node_modules/tsx/dist/loader.mjs`).href];

/** A recognisable key: every test greps outputs and reports for it. */
export const SECRET_KEY = 'SECRET-KEY-123456';

export interface CliRunOptions {
  /** Default: the repository root. */
  cwd?: string;
  /** GUIDEBOOK_API_KEY for the child; null leaves it unset. Default SECRET_KEY. */
  apiKey?: string | null;
  env?: Record<string, string>;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once the given text has appeared on stderr. */
  stderrContains(text: string | RegExp): Promise<void>;
  done: Promise<CliResult>;
}

export function spawnCli(args: string[], options: CliRunOptions = {}): RunningCli {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // Nothing from the developer's shell may point the child at another server or key.
  delete env.GUIDEBOOK_API_URL;
  delete env.GUIDEBOOK_API_KEY;
  const key = options.apiKey === undefined ? SECRET_KEY : options.apiKey;
  if (key !== null) env.GUIDEBOOK_API_KEY = key;
  if (options.env?.GUIDEBOOK_API_URL) env.GUIDEBOOK_API_URL = options.env.GUIDEBOOK_API_URL;

  const child = spawn(process.execPath, [...NODE_ARGS, CLI_ENTRY, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ test: (text: string) => boolean; resolve: () => void }> = [];
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(stderr)) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const done = (once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>).then(([code, signal]) => ({
    code,
    signal,
    stdout,
    stderr,
  }));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    stderrContains: (text) =>
      new Promise<void>((resolve, reject) => {
        const test = (all: string) => (typeof text === 'string' ? all.includes(text) : text.test(all));
        if (test(stderr)) return resolve();
        waiters.push({ test, resolve });
        void done.then(() => reject(new Error(`the CLI ended before printing ${String(text)}:\n${stderr}`)));
      }),
    done,
  };
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).done;
}
