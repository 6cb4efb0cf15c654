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
 * One gate for every request of a client. Starts are at least 1000/rate ms apart, measured from
 * the previous start as it actually happened (a late timer never lets the next one catch up),
 * and the spacing slides: an idle period earns no credit, so there is never a burst above the
 * rate (the daily budget and the server's own limiter both count starts). Start slots are taken
 * one at a time, after the concurrency slot is held, so a task that waited for concurrency can
 * never start together with one that got its slot earlier.
 */
export function createThrottle(options: ThrottleOptions): Throttle {
  const limit = pLimit(options.concurrency);
  const now = options.now ?? monotonicNow;
  const sleep = options.sleep ?? realSleep;
  const intervalMs = 1000 / options.rate;
  let lastStartAt = -Infinity;
  let startGate: Promise<void> = Promise.resolve();

  async function waitForStartSlot(): Promise<void> {
    const previous = startGate;
    let release!: () => void;
    startGate = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      const waitMs = lastStartAt + intervalMs - now();
      if (waitMs > 0) await sleep(waitMs);
      lastStartAt = now();
    } finally {
      release();
    }
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
