// `npm run bench`: every benchmark in its own process, one after the other (each owns the box
// while it runs), then one summary of the figures. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR } from './agenda-files.js';
import { benchRuns, loadAverage, saveResult, type BenchResult } from './stats.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = join(OUT_DIR, 'results');

/** In run order (`startup` builds src/ first; see its header); `time-convert` is the time engineer's own benchmark, summarised by its last line. */
const BENCHES = [
  'startup',
  'time-convert',
  'validate-csv',
  'validate-csv-ragged',
  'validate-csv-descriptions',
  'validate-floor',
  'validate-xlsx',
  'requests',
  'speakers-requests',
  'throughput',
  'rate',
] as const;

function runBench(name: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, `${name}.bench.ts`)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function readResult(name: string): BenchResult | null {
  try {
    return JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), 'utf8')) as BenchResult;
  } catch {
    return null;
  }
}

rmSync(RESULTS_DIR, { recursive: true, force: true });
const began = Date.now();
console.log(
  `guidebook-import benchmarks: ${new Date().toISOString()}, node ${process.version}, ${availableParallelism()} cores, ` +
    `load average ${loadAverage()}, ${benchRuns()} runs per side (BENCH_RUNS)`,
);

const failed: string[] = [];
for (const name of BENCHES) {
  const { code, output } = await runBench(name);
  if (code !== 0) failed.push(`${name} (exit ${code})`);
  if (name === 'time-convert') {
    const figure = output
      .trim()
      .split('\n')
      .filter((line) => line.includes('cached / uncached'))
      .pop();
    saveResult({ name, lines: [`time conversion (bench/time-convert.bench.ts): ${figure ?? 'no figure printed'}`], goalsMet: code === 0 });
  }
}

console.log(`\n## Summary (${((Date.now() - began) / 1000).toFixed(0)} s)`);
for (const name of BENCHES) {
  const result = readResult(name);
  if (result === null) console.log(`${name}: no result`);
  else for (const line of result.lines) console.log(`- ${line}`);
}
if (failed.length > 0) {
  console.log(`failed to run: ${failed.join(', ')}`);
  process.exitCode = 1;
}
