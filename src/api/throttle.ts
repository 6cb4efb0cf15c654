import pLimit from 'p-limit';
import { monotonicNow, sleep as realSleep } from './sleep.js';

export interface ThrottleOptions {
  /** Tasks running at once at most. */
  concurrency: number;
  /** Task starts per second at most. */
  rate: number;
  /** Injected for tests; milliseconds on a monotonic clock. */
  now?: () => number;
  /** Injected for tests: record the scheduled delay instead of waiting for it. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Throttle {
  /** Runs `task` once a concurrency slot is free and its start respects the rate cap. */
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly activeCount: number;
  readonly pendingCount: number;
}

/**
 * One gate for every request of a client. Starts are spaced at least 1000/rate ms apart, and the
 * spacing slides from the last start: an idle period earns no credit, so there is never a burst
 * above the rate (the daily budget and the server's own limiter both count starts).
 * The start slot is reserved only after the concurrency slot is held, so a task that waited for
 * concurrency can never start together with one that got its slot earlier.
 */
export function createThrottle(options: ThrottleOptions): Throttle {
  const limit = pLimit(options.concurrency);
  const now = options.now ?? monotonicNow;
  const sleep = options.sleep ?? realSleep;
  const intervalMs = 1000 / options.rate;
  let nextStartAt = -Infinity;

  async function waitForStartSlot(): Promise<void> {
    const current = now();
    const startAt = Math.max(current, nextStartAt);
    nextStartAt = startAt + intervalMs;
    if (startAt > current) await sleep(startAt - current);
  }

  return {
    run: (task) =>
      limit(async () => {
        await waitForStartSlot();
        return task();
      }),
    get activeCount() {
      return limit.activeCount;
    },
    get pendingCount() {
      return limit.pendingCount;
    },
  };
}
