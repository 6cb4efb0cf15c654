// Runs one measured task in its own Node process (bench/measure-worker.ts) and reads its figures.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchDist } from './bench-build.js';
import type { Measurement, MeasuredTask } from './measure-worker.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'measure-worker.ts');

/** `validate`, the minimal validates and the product's reader run the build of bench/bench-build.ts (built on the first call). */
export function measureInChild(task: MeasuredTask, file: string, reportPath?: string): Promise<Measurement> {
  const args = ['--import', 'tsx', WORKER, task, file, ...(reportPath ? [reportPath] : [])];
  const env =
    task === 'validate' || task.startsWith('minimal-validate') || task.startsWith('csv-read')
      ? { ...process.env, BENCH_VALIDATE_DIST: benchDist() }
      : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`${task} ${file} exited ${code}: ${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as Measurement);
    });
  });
}
