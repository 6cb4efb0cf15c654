// One `guidebook-import import` run against a sandbox process, as a scheduled job would start it.
import { tempDir as scratchDir } from '../support/temp-dir.js';
import { runCli, spawnCli, type CliResult, type RunningCli } from '../support/cli-process.js';
import type { RunSummary } from '../support/report-file.js';
import type { SandboxProcess } from '../support/sandbox-process.js';

export const API_KEY = 'chaos-key-5f0c2b8e';

export function tempDir(name: string): string {
  return scratchDir(`chaos-${name}`);
}

export interface ImportRun {
  sheet: string;
  report: string;
  /** Default 8. */
  concurrency?: number;
  /** Default 500: high where the rate is not the point, so the suite stays fast. */
  rate?: number;
  /** Extra flags, e.g. ['--retries', '1']. */
  flags?: string[];
}

function importArgs(run: ImportRun): string[] {
  return [
    'import', run.sheet, '--guide', '1', '--create-missing', '--report', run.report, '--json',
    '--concurrency', String(run.concurrency ?? 8), '--rate', String(run.rate ?? 500), ...(run.flags ?? []),
  ];
}

function importEnv(sandbox: SandboxProcess): Record<string, string> {
  return { GUIDEBOOK_API_KEY: API_KEY, GUIDEBOOK_API_URL: sandbox.apiUrl };
}

export function runImport(sandbox: SandboxProcess, run: ImportRun): Promise<CliResult> {
  return runCli(importArgs(run), { env: importEnv(sandbox) });
}

export function spawnImport(sandbox: SandboxProcess, run: ImportRun): RunningCli {
  return spawnCli(importArgs(run), { env: importEnv(sandbox) });
}

/** The --json summary line of a finished run. */
export function summaryOf(result: CliResult): RunSummary {
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as RunSummary;
}

/** A crash shows as a stack trace or an unhandled-error banner; a clean failure as one message. */
export function hasCrashTrace(text: string): boolean {
  return /\n\s+at .+[:(]\d+|Unhandled|uncaught|TypeError|ReferenceError/i.test(text);
}
