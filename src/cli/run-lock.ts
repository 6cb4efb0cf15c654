// Two imports of one sheet into one guide at the same moment would both plan "create" for the
// same new rows and duplicate them: nothing on the server is unique. A cron job that outlives its
// interval, or a manual run during a scheduled one, is exactly that. So a writing run holds a
// lock per (API, guide, sheet file) on this machine; different sheets (different import_ids) may
// still go into one guide side by side. A lock left by a killed run (its process is gone) is
// taken over.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GuidebookImportError } from '../errors.js';

export interface RunLock {
  path: string;
  release(): void;
}

export function lockPathFor(apiUrl: string, guide: number, file: string, dir = tmpdir()): string {
  const key = createHash('sha256').update(`${apiUrl}|${guide}|${realFile(file)}`).digest('hex').slice(0, 16);
  return join(dir, `guidebook-import-${key}.lock`);
}

export function acquireRunLock(apiUrl: string, guide: number, file: string, dir?: string): RunLock {
  const path = lockPathFor(apiUrl, guide, file, dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        path,
        release() {
          if (!held) return;
          held = false;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readSafely(path));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new GuidebookImportError(
          'usage',
          `another import of ${file} into guide ${guide} is running on this machine (process ${holder}); wait for it to finish (running both would duplicate new sessions), or remove ${path} if that process is not guidebook-import`,
        );
      }
      rmSync(path, { force: true }); // left by a run that was killed
    }
  }
  throw new GuidebookImportError('usage', `could not take the run lock ${path}`);
}

function realFile(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

function readSafely(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
