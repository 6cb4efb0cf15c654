import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  budgetMessage,
  decideRetry,
  parseRetryAfter,
  RetrySchedule,
  THROTTLE_WAIT_LIMIT_MS,
} from '../../src/api/retry.js';

const always = (value: number) => () => value;

describe('backoffDelayMs', () => {
  it('doubles the ceiling from 250 ms and caps it at 8 s', () => {
    const ceilings = Array.from({ length: 8 }, (_, retryIndex) => backoffDelayMs(retryIndex, always(0.999_999)));
    expect(ceilings).toEqual([249, 499, 999, 1999, 3999, 7999, 7999, 7999]);
    expect(BACKOFF_BASE_MS).toBe(250);
    expect(BACKOFF_CAP_MS).toBe(8000);
  });

  it('is full jitter: the random draw scales the whole delay', () => {
    expect(backoffDelayMs(3, always(0))).toBe(0);
    expect(backoffDelayMs(3, always(0.5))).toBe(1000);
    expect(backoffDelayMs(10, always(0.25))).toBe(2000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2027-03-01T12:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP date, rounding up to whole seconds', () => {
    expect(parseRetryAfter('Mon, 01 Mar 2027 12:30:00 GMT', now)).toBe(1800);
    expect(parseRetryAfter(new Date(now + 1500).toUTCString(), now + 500)).toBe(1);
  });
  it('treats a past date as no wait, and junk or absence as unknown', () => {
    expect(parseRetryAfter('Mon, 01 Mar 2027 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
  });
});

const at = (retryIndex: number, throttle: { index?: number; waitedMs?: number } = {}) => ({
  retryIndex,
  throttleIndex: throttle.index ?? 0,
  throttledMs: throttle.waitedMs ?? 0,
});

describe('decideRetry', () => {
  const half = always(0.5);
  const status = (code: number, retryAfterSeconds: number | null = null) => ({ kind: 'status' as const, status: code, retryAfterSeconds });

  it('retries network failures, 408 and 500/502/503/504 with backoff while retries remain', () => {
    for (const failure of [{ kind: 'network' as const }, status(408), status(500), status(502), status(503), status(504)]) {
      expect(decideRetry(failure, at(0), 4, half)).toEqual({ kind: 'retry', delayMs: 125 });
      expect(decideRetry(failure, at(3), 4, half)).toEqual({ kind: 'retry', delayMs: 1000 });
      expect(decideRetry(failure, at(4), 4, half)).toEqual({ kind: 'fail' });
    }
  });

  it('records the whole backoff schedule of one request', () => {
    const schedule = new RetrySchedule(6, always(0.999_999));
    const delays: number[] = [];
    for (;;) {
      const decision = schedule.next(status(503));
      if (decision.kind !== 'retry') break;
      delays.push(decision.delayMs);
    }
    expect(delays).toEqual([249, 499, 999, 1999, 3999, 7999]);
  });

  it('does not retry other client errors', () => {
    for (const code of [400, 401, 403, 404, 405, 409, 501]) expect(decideRetry(status(code), at(0), 4, half)).toEqual({ kind: 'fail' });
  });

  it('honours Retry-After instead of the backoff', () => {
    expect(decideRetry(status(503, 7), at(0), 4, half)).toEqual({ kind: 'retry', delayMs: 7000 });
    expect(decideRetry(status(429, 2), at(1), 4, half)).toEqual({ kind: 'retry', delayMs: 2000 });
  });

  it('takes a 429 with a long Retry-After as the spent daily budget, at once', () => {
    expect(decideRetry(status(429, 3600), at(0), 4, half)).toEqual({ kind: 'budget', retryAfterSeconds: 3600, reason: 'retry_after' });
    expect(decideRetry(status(429, 60), at(0), 4, half)).toEqual({ kind: 'retry', delayMs: 60_000 });
  });

  it('waits out a 429 without Retry-After with growing pauses, up to two minutes in all, then calls it the budget', () => {
    const schedule = new RetrySchedule(4, always(0.5));
    const delays: number[] = [];
    let decision = schedule.next(status(429));
    while (decision.kind === 'retry') {
      delays.push(decision.delayMs);
      decision = schedule.next(status(429));
    }
    // 2 s doubling to a cap of 30 s, the upper half jittered (0.5 → three quarters of it).
    expect(delays).toEqual([1500, 3000, 6000, 12_000, 22_500, 22_500, 22_500, 22_500]);
    expect(delays.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(THROTTLE_WAIT_LIMIT_MS);
    expect(decision).toEqual({ kind: 'budget', retryAfterSeconds: null, reason: 'throttled' });
    // The 429 waits did not use up the retries of other failures.
    expect(schedule.next(status(503))).toEqual({ kind: 'retry', delayMs: 125 });
  });

  it('takes short Retry-Afters as throttling too, within the same two minutes', () => {
    expect(decideRetry(status(429, 30), at(0, { index: 3, waitedMs: 100_000 }), 4, half)).toEqual({
      kind: 'budget',
      retryAfterSeconds: 30,
      reason: 'throttled',
    });
    expect(decideRetry(status(429, 20), at(0, { index: 3, waitedMs: 100_000 }), 4, half)).toEqual({ kind: 'retry', delayMs: 20_000 });
  });

  it('does not wait on a 429 when retries are off', () => {
    expect(decideRetry(status(429), at(0), 0, half)).toEqual({ kind: 'budget', retryAfterSeconds: null, reason: 'no_retries' });
    expect(budgetMessage(null, 'no_retries')).toMatch(/^the server answered 429 \(too many requests\) and --retries 0 allows no wait/);
  });

  it('gives up on a 5xx that asks for minutes of patience', () => {
    expect(decideRetry(status(503, 600), at(0), 4, half)).toEqual({ kind: 'fail' });
  });
});

describe('budgetMessage', () => {
  it('says how many minutes the server asks to wait', () => {
    expect(budgetMessage(5400, 'retry_after')).toMatch(/^the daily API request budget is spent; the server asks to wait 90 minutes/);
  });
  it('says when it was throttling that did not end', () => {
    expect(budgetMessage(null, 'throttled')).toMatch(
      /^the server kept answering 429 \(too many requests\) through 2 minutes of waiting, so the daily API request budget is taken as spent/,
    );
  });
});
