// Scratch folders for tests that run the CLI: removed once the test (or file) that made them has
// passed, kept after a failure so its sheets, reports and request logs can be looked at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, onTestFinished } from 'vitest';

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(({ task }) => {
      if (task.result?.state === 'pass') remove();
    });
  } catch {
    // Made while the file is collected, outside any test: it serves all the file's tests.
    let failed = false;
    afterEach(({ task }) => {
      if (task.result?.state === 'fail') failed = true;
    });
    afterAll(() => {
      if (!failed) remove();
    });
  }
  return dir;
}
