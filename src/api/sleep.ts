import { setTimeout as delay } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/**
 * Waits at least `ms` milliseconds, or less when `signal` aborts (it resolves then: the caller
 * checks the signal itself). Node timers may fire up to a millisecond early; the rate cap must
 * never be exceeded, so the remainder is waited out.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const end = performance.now() + ms;
  let left = ms;
  while (left > 0 && !signal?.aborted) {
    try {
      await delay(Math.ceil(left), undefined, signal ? { signal } : undefined);
    } catch {
      return; // aborted
    }
    left = end - performance.now();
  }
}

export function monotonicNow(): number {
  return performance.now();
}
