import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffDelayMs,
  budgetMessage,
  decideRetry,
  parseRetryAfter,
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

describe('decideRetry', () => {
  const half = always(0.5);
  const status = (code: number, retryAfterSeconds: number | null = null) => ({ kind: 'status' as const, status: code, retryAfterSeconds });

  it('retries network failures, 408 and 500/502/503/504 with backoff while retries remain', () => {
    for (const failure of [{ kind: 'network' as const }, status(408), status(500), status(502), status(503), status(504)]) {
      expect(decideRetry(failure, 0, 4, half)).toEqual({ kind: 'retry', delayMs: 125 });
      expect(decideRetry(failure, 3, 4, half)).toEqual({ kind: 'retry', delayMs: 1000 });
      expect(decideRetry(failure, 4, 4, half)).toEqual({ kind: 'fail' });
    }
  });

  it('records the whole backoff schedule of one request', () => {
    const delays: number[] = [];
    for (let retryIndex = 0; ; retryIndex++) {
      const decision = decideRetry(status(503), retryIndex, 6, always(0.999_999));
      if (decision.kind !== 'retry') break;
      delays.push(decision.delayMs);
    }
    expect(delays).toEqual([249, 499, 999, 1999, 3999, 7999]);
  });

  it('does not retry other client errors', () => {
    for (const code of [400, 401, 403, 404, 405, 409, 501]) expect(decideRetry(status(code), 0, 4, half)).toEqual({ kind: 'fail' });
  });

  it('honours Retry-After instead of the backoff', () => {
    expect(decideRetry(status(503, 7), 0, 4, half)).toEqual({ kind: 'retry', delayMs: 7000 });
    expect(decideRetry(status(429, 2), 1, 4, half)).toEqual({ kind: 'retry', delayMs: 2000 });
    expect(decideRetry(status(429), 1, 4, half)).toEqual({ kind: 'retry', delayMs: 250 });
  });

  it('takes a 429 with a long Retry-After as the spent daily budget, at once', () => {
    expect(decideRetry(status(429, 3600), 0, 4, half)).toEqual({ kind: 'budget', retryAfterSeconds: 3600 });
    expect(decideRetry(status(429, 60), 0, 4, half)).toEqual({ kind: 'retry', delayMs: 60_000 });
  });

  it('takes a 429 that outlasts every retry as the spent budget', () => {
    expect(decideRetry(status(429, 1), 4, 4, half)).toEqual({ kind: 'budget', retryAfterSeconds: 1 });
    expect(decideRetry(status(429), 0, 0, half)).toEqual({ kind: 'budget', retryAfterSeconds: null });
  });

  it('gives up on a 5xx that asks for minutes of patience', () => {
    expect(decideRetry(status(503, 600), 0, 4, half)).toEqual({ kind: 'fail' });
  });
});

describe('budgetMessage', () => {
  it('says how many minutes the server asks to wait', () => {
    expect(budgetMessage(5400)).toMatch(/^the daily API request budget is spent; the server asks to wait 90 minutes/);
  });
  it('still names the budget when the server gave no long wait', () => {
    expect(budgetMessage(null)).toMatch(/^the daily API request budget is spent; the server kept answering 429/);
  });
});
