// A report that cannot be written mid-run: the disk fills up (a real ENOSPC from a tiny tmpfs, when
// this machine lets the test mount one) or the target is /dev/full (every write fails with ENOSPC,
// from the first). The run stops cleanly: exit 3, no stack trace, a summary of the writes made and
// that a re-run is safe; and the re-run indeed finishes the job without a duplicate.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { agendaMismatches, agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun } from '../support/cli-process.js';
import { guideSessions, killAllSandboxes, sessionsByImportId, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { API_KEY, hasCrashTrace, runImport, summaryOf } from './import-run.js';

afterEach(killAllSandboxes);

/** A 16 KiB tmpfs, or null where mounting is not allowed (not root, a container without the right). */
function mountTinyFs(): string | null {
  const dir = join(tempDir('chaos-disk-full-mount'), 'tiny');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    return null;
  }
}
const tinyFs = mountTinyFs();
afterAll(() => {
  if (tinyFs) execFileSync('umount', [tinyFs], { stdio: 'ignore' });
});

describe('a report that cannot be written stops the run cleanly', () => {
  it.runIf(tinyFs !== null)(
    'the disk fills up mid-run (ENOSPC): exit 3, the writes made are counted, a re-run completes without duplicates',
    async () => {
      const dir = tempDir('chaos-disk-full');
      const rows = agendaRows(300, { seed: 29, prefix: 'full' });
      const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
      const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY });

      const stopped = await runImport(sandbox, { sheet, report: join(tinyFs!, 'agenda.report.csv') });
      expect(stopped.code, describeRun(stopped)).toBe(3);
      expect(hasCrashTrace(stopped.stderr), describeRun(stopped)).toBe(false);
      const made = /(\d+) writes? (?:was|were) made before the stop \((\d+) created, 0 updated, 0 deleted\)/.exec(stopped.stderr);
      expect(made, describeRun(stopped)).not.toBeNull();
      expect(stopped.stderr).toMatch(/no space left on device/i);
      expect(stopped.stderr).toMatch(/a re-run is safe/);
      const written = Number(made![1]);
      // Stopped in the middle: some rows made it, not all; the count told is what the guide holds.
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(rows.length);
      expect(guideSessions(await sandbox.state())).toHaveLength(written);
      expect(summaryOf(stopped)).toMatchObject({ created: written });
      expect(summaryOf(stopped).not_attempted).toBeGreaterThan(0);

      const rerun = await runImport(sandbox, { sheet, report: join(dir, 'rerun.csv') });
      expect(rerun.code, describeRun(rerun)).toBe(0);
      expect(summaryOf(rerun)).toMatchObject({ created: rows.length - written, unchanged: written, failed: 0 });
      const state = await sandbox.state();
      expect([...sessionsByImportId(state).values()].filter((group) => group.length > 1)).toEqual([]);
      expect(agendaMismatches(state, rows)).toEqual([]);
    },
    120_000,
  );

  it.runIf(existsSync('/dev/full'))(
    '/dev/full as the report: exit 3 before any write, then a re-run imports everything once',
    async () => {
      const dir = tempDir('chaos-dev-full');
      const rows = agendaRows(20, { seed: 31, prefix: 'devfull' });
      const sheet = writeAgendaCsv(join(dir, 'agenda.csv'), rows);
      const sandbox = await startSandboxProcess({ dir, apiKey: API_KEY });

      const stopped = await runImport(sandbox, { sheet, report: '/dev/full' });
      expect(stopped.code, describeRun(stopped)).toBe(3);
      expect(hasCrashTrace(stopped.stderr), describeRun(stopped)).toBe(false);
      expect(stopped.stderr).toMatch(/cannot write the report "\/dev\/full": ENOSPC/);
      expect(stopped.stderr).toMatch(/0 writes were made before the stop \(0 created, 0 updated, 0 deleted\); a re-run is safe/);
      expect(summaryOf(stopped)).toMatchObject({ created: 0, not_attempted: rows.length });
      expect(guideSessions(await sandbox.state())).toHaveLength(0);

      const rerun = await runImport(sandbox, { sheet, report: join(dir, 'rerun.csv') });
      expect(rerun.code, describeRun(rerun)).toBe(0);
      expect(summaryOf(rerun)).toMatchObject({ created: rows.length });
      expect(guideSessions(await sandbox.state())).toHaveLength(rows.length);
    },
    60_000,
  );
});
