// Runs the real CLI (src/cli/main.ts through tsx) as a child process, as a user or a cron job
// would: its own environment, its own working folder, its exit code and both output streams.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = resolve(REPO_ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;

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
  cwd?: string;
  /** Extra `--import` modules loaded before the CLI (e.g. a peak-memory probe). */
  preload?: string[];
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has exited and its output streams are drained. */
  result: Promise<CliResult>;
  stdout(): string;
  stderr(): string;
}

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('GUIDEBOOK_')) env[name] = value;
  // No colours and no progress bar: the output is plain lines, the same on CI as here.
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export function spawnCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const preload = (options.preload ?? []).flatMap((module) => ['--import', module]);
  const child = spawn(process.execPath, ['--import', TSX, ...preload, MAIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: cliEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
    stdout,
    stderr,
  }));
  return { child, result, stdout: () => stdout, stderr: () => stderr };
}

export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return spawnCli(args, options).result;
}

/** What a failed check should show: the command's exit and its output. */
export function describeRun(result: CliResult): string {
  return `exit ${result.code ?? result.signal}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}
