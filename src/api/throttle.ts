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
 * How far behind its ideal timeline a busy throttle may fall and still catch up. Timers fire late
 * (a millisecond or more each, more on a loaded machine); spacing each start from the previous
 * actual one let that lateness add up (46 % of --rate 1000 achieved). Behind by more than this,
 * or by more than one interval, the throttle was idle, not late: the timeline starts again from
 * now and no burst follows a pause.
 */
const CATCH_UP_MS = 50;

/**
 * One gate for every request of a client. The k-th start of a busy period is scheduled at
 * t0 + k/rate (an ideal timeline), not measured from the previous actual start, so a late timer
 * is made up by the next start instead of slowing every later one. Two rules keep that honest:
 * - never more than the rate in any one second: a start also waits until a second has passed
 *   since the start `floor(rate)` starts before it (below one per second: since the previous
 *   start, 1/rate apart), so catching up can never burst above the cap;
 * - an idle period earns no credit (see CATCH_UP_MS).
 * Start slots are taken one at a time, after the concurrency slot is held, so a task that waited
 * for concurrency can never start together with one that got its slot earlier.
 */
export function createThrottle(options: ThrottleOptions): Throttle {
  const limit = pLimit(options.concurrency);
  const now = options.now ?? monotonicNow;
  const sleep = options.sleep ?? realSleep;
  const intervalMs = 1000 / options.rate;
  const catchUpMs = Math.max(CATCH_UP_MS, intervalMs);
  const timeline = startTimeline(options.rate);
  let startGate: Promise<void> = Promise.resolve();

  /**
   * Waits for this task's start slot, then starts it: the start is recorded and the task called in
   * one synchronous step before the next task may take a slot, so the time the cap counts is the
   * time the task began (its request is sent from that synchronous part).
   */
  async function startInSlot<T>(task: () => Promise<T>): Promise<T> {
    const previous = startGate;
    let release!: () => void;
    startGate = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    let running: Promise<T>;
    try {
      const waitMs = timeline.slot(now(), catchUpMs) - now();
      if (waitMs > 0) await sleep(waitMs);
      else if (!options.sleep) await settleCallers();
      timeline.started(now(), intervalMs);
      running = task();
    } finally {
      release();
    }
    return running;
  }

  return {
    run: (task) => limit(() => startInSlot(task)),
    get activeCount() {
      return limit.activeCount;
    },
    get pendingCount() {
      return limit.pendingCount;
    },
  };
}

/**
 * One turn of the event loop before a start that is due at once (catching up, or the slot long
 * passed): the caller of the task that just finished reads its answer in the microtasks that
 * follow, and may halt the client (the daily budget is spent, the key was rejected). Starting the
 * next task before that would send one request the halt was meant to stop.
 */
function settleCallers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A second and this much between a start and the one `floor(rate)` starts later, so that the
 * server, which times each request when it takes it in, still counts no more than the rate in any
 * second. Between our start and its clock a request waits on our event loop (the fetch's own
 * steps, a GC, other answers being read) and on the server's (a state write, other requests), and
 * those waits vary: against the sandbox process at --rate 100 with 40 ms latency, 101 arrivals
 * fell 982 ms apart with a 1 ms margin (102 in one second of its log). Costs at most 2.5 % of the
 * rate, and only while the rate is the limit.
 */
export const WINDOW_MARGIN_MS = 25;

/** The ideal timeline and the last second's starts. */
function startTimeline(rate: number) {
  // At most this many starts in any one second. Below one per second each start is simply 1/rate
  // after the previous one (more than a second), so no window holds two.
  const perSecond = Math.floor(rate);
  // The last `perSecond` start times, as a ring: `recent[oldest]` is the one a second must follow.
  const recent = new Float64Array(Math.max(perSecond, 1)).fill(Number.NEGATIVE_INFINITY);
  let oldest = 0;
  let next = Number.NEGATIVE_INFINITY; // the ideal time of the next start
  return {
    /** When the next start may happen, asked at `at`. */
    slot(at: number, catchUpMs: number): number {
      if (perSecond < 1) return Math.max(next, at);
      // Idle, or stalled far beyond timer lateness: the timeline starts again from now.
      if (next < at - catchUpMs) next = at;
      return Math.max(next, (recent[oldest] ?? Number.NEGATIVE_INFINITY) + 1000 + WINDOW_MARGIN_MS);
    },
    /** A start happened at `at`. */
    started(at: number, intervalMs: number): void {
      if (perSecond < 1) {
        next = at + intervalMs;
        return;
      }
      next += intervalMs;
      recent[oldest] = at;
      oldest = (oldest + 1) % perSecond;
    },
  };
}
