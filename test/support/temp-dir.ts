// Scratch folders for tests that run the CLI: removed once the test (or file) that made them has
// passed, kept after a failure so its sheets, reports and request logs can be looked at
// (KEEP_TEST_DIRS=1 keeps them all).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, onTestFinished } from 'vitest';

// A sandbox process of the test may still be saving its state file into the folder for a moment
// after the test ends (its save is deferred; the process is stopped in afterAll): rmSync's own
// retries cover that window, and a folder that still cannot go is left in tmp, not failed on.
function remove(dir: string): void {
  if (process.env.KEEP_TEST_DIRS) return;
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch (error) {
    process.stderr.write(`note: could not remove ${dir}: ${(error as Error).message}\n`);
  }
}

// Folders made outside any test (while the file is collected, or in beforeAll) serve all the
// file's tests: removed after the file unless one of its tests failed. These hooks are the
// file's own (each test file loads this module afresh), registered before the file's own
// afterAll hooks, so they run after them (stopping sandboxes first).
const fileDirs: string[] = [];
let fileFailed = false;
afterEach(({ task }) => {
  if (task.result?.state === 'fail') fileFailed = true;
});
afterAll(() => {
  if (!fileFailed) for (const dir of fileDirs.splice(0)) remove(dir);
});

/** A new empty folder `<tmp>/<prefix>-XXXXXX`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  try {
    onTestFinished(({ task }) => {
      if (task.result?.state === 'pass') remove(dir);
    });
  } catch {
    fileDirs.push(dir);
  }
  return dir;
}

/** Writes `lines` (a header and rows) as `dir/name`, one line each, and returns its path. */
export function writeCsvLines(dir: string, name: string, lines: readonly string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
