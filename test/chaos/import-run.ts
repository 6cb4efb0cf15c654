// One `guidebook-import import` run against a sandbox process, as a scheduled job would start it:
// the shared sandboxImport (test/support/import-fixture.ts) with the chaos suite's flags.
import type { CliResult, RunningCli } from '../support/cli-process.js';
import { sandboxImport, spawnSandboxImport } from '../support/import-fixture.js';
import type { RunSummary } from '../support/report-file.js';
import type { SandboxProcess } from '../support/sandbox-process.js';

export const API_KEY = 'chaos-key-5f0c2b8e';

export interface ImportRun {
  sheet: string;
  report: string;
  /** Default 8. */
  concurrency?: number;
  /** Default 500 (sandboxImport's): high where the rate is not the point, so the suite stays fast. */
  rate?: number;
  /** Extra flags, e.g. ['--retries', '1']. */
  flags?: string[];
}

function importFlags(run: ImportRun): string[] {
  return [
    '--create-missing',
    '--report',
    run.report,
    '--json',
    '--concurrency',
    String(run.concurrency ?? 8),
    ...(run.rate === undefined ? [] : ['--rate', String(run.rate)]),
    ...(run.flags ?? []),
  ];
}

export function runImport(sandbox: SandboxProcess, run: ImportRun): Promise<CliResult> {
  return sandboxImport(sandbox, run.sheet, importFlags(run), { apiKey: API_KEY });
}

export function spawnImport(sandbox: SandboxProcess, run: ImportRun): RunningCli {
  return spawnSandboxImport(sandbox, run.sheet, importFlags(run), { apiKey: API_KEY });
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
