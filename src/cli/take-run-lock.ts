// The CLI's side of the run lock: where it is taken (never for the in-process sandbox, which is
// private to the run), and what the user is told while waiting or after a takeover.
import type { Connection } from './connect.js';
import { acquireRunLock, takeoverNote, type RunLock } from './run-lock.js';
import { say } from './commands/run-context.js';

export async function takeRunLock(connection: Connection, guide: number, waitSeconds: number): Promise<RunLock | null> {
  if (connection.sandbox) return null;
  const lock = await acquireRunLock(connection.apiUrl, guide, {
    waitSeconds,
    onWait: (holder) =>
      say(
        `another writing run into guide ${guide} is in progress (process ${holder.pid}, started ${holder.startedAt}): waiting up to ${waitSeconds} s for it to finish`,
      ),
  });
  if (lock.tookOver) say(`note: ${takeoverNote(lock.tookOver)}`);
  return lock;
}
