// Runs one measured task in its own Node process (bench/measure-worker.ts) and reads its figures.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Measurement, MeasuredTask } from './measure-worker.js';

const WORKER = join(dirname(fileURLToPath(import.meta.url)), 'measure-worker.ts');

export function measureInChild(task: MeasuredTask, file: string, reportPath?: string): Promise<Measurement> {
  const args = ['--import', 'tsx', WORKER, task, file, ...(reportPath ? [reportPath] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
