// Small helpers shared by the benchmarks: medians, number formatting, results on disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { OUT_DIR } from './agenda-files.js';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs per side: BENCH_RUNS, default 3 (the whole `npm run bench` stays near 5 minutes on 2 cores). */
export function benchRuns(): number {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  return Number.isInteger(runs) && runs >= 1 ? runs : 3;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'NOT met';
}

/** The 1-minute load average: on a shared box it explains wall-clock noise. */
export function loadAverage(): string {
  return loadavg()[0]!.toFixed(1);
}

/** One benchmark's figures, for run-all's summary. */
export interface BenchResult {
  name: string;
  /** One line per figure, as the summary table shows it. */
  lines: string[];
  goalsMet: boolean;
}

export function saveResult(result: BenchResult): void {
  const dir = join(OUT_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
