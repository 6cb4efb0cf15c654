// The retry policy, pure: what to do after one attempt failed. The client carries it out.

export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 8_000;
/** A 429 asking for a longer wait than this is the daily budget, not a passing spike. */
export const BUDGET_RETRY_AFTER_SECONDS = 60;

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** A failed attempt: either an HTTP answer or no answer at all. */
export type AttemptFailure = { kind: 'status'; status: number; retryAfterSeconds: number | null } | { kind: 'network' };

export type RetryDecision =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'fail' }
  /** The daily request budget is spent: stop the whole client. */
  | { kind: 'budget'; retryAfterSeconds: number | null; reason: BudgetReason };

/**
 * Why a 429 was taken as the spent daily budget: the server asked for a long wait
 * ('retry_after'), it kept throttling through every wait we were willing to make ('throttled'),
 * or retries are off (`retries: 0`) so not even one wait was made ('no_retries').
 */
export type BudgetReason = 'retry_after' | 'throttled' | 'no_retries';

/** What one request has been through so far; the caller counts it (see RetrySchedule). */
export interface RetryProgress {
  /** Retries already made after failures other than 429. */
  retryIndex: number;
  /** Waits already made after a 429. */
  throttleIndex: number;
  /** Milliseconds already waited after 429s. */
  throttledMs: number;
}

/**
 * A 429 without a long Retry-After is the server's rate limiter (a burst, a shared account), not
 * the day's budget: it is waited out with growing pauses, up to this much waiting in all for one
 * request, before the run concludes that the budget is what is spent.
 */
export const THROTTLE_WAIT_LIMIT_MS = 120_000;
export const THROTTLE_BASE_MS = 2_000;
export const THROTTLE_CAP_MS = 30_000;

/**
 * Exponential backoff with full jitter (a random wait between 0 and the capped exponential), so
 * that parallel requests failing together do not come back together.
 * `retryIndex` is 0 for the first retry.
 */
export function backoffDelayMs(retryIndex: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** Retry-After as seconds (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * A pause after a 429 without Retry-After: doubling from 2 s to at most 30 s, the upper half of
 * it jittered, so that a limiter that counts a sliding window gets real rest.
 */
export function throttleDelayMs(throttleIndex: number, random: () => number): number {
  const ceiling = Math.min(THROTTLE_CAP_MS, THROTTLE_BASE_MS * 2 ** throttleIndex);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * What to do after a failed attempt. `retries` is how many retries of failures other than 429
 * are allowed. A 429 with a long Retry-After is the daily budget at once: retrying only wastes
 * the next day's. A shorter one, or none, is throttling: waited out up to THROTTLE_WAIT_LIMIT_MS
 * for the request, and only then taken as the budget. `retries: 0` means no retry of any kind.
 */
export function decideRetry(failure: AttemptFailure, progress: RetryProgress, retries: number, random: () => number): RetryDecision {
  const retriesLeft = progress.retryIndex < retries;
  if (failure.kind === 'network') {
    return retriesLeft ? { kind: 'retry', delayMs: backoffDelayMs(progress.retryIndex, random) } : { kind: 'fail' };
  }
  const { status, retryAfterSeconds } = failure;
  if (status === 429) {
    if (retryAfterSeconds !== null && retryAfterSeconds > BUDGET_RETRY_AFTER_SECONDS)
      return { kind: 'budget', retryAfterSeconds, reason: 'retry_after' };
    // The server's Retry-After is a minimum; a limiter that keeps refusing gets longer and longer rest.
    const delayMs = Math.max((retryAfterSeconds ?? 0) * 1000, throttleDelayMs(progress.throttleIndex, random));
    if (retries === 0) return { kind: 'budget', retryAfterSeconds, reason: 'no_retries' };
    if (progress.throttledMs + delayMs > THROTTLE_WAIT_LIMIT_MS) return { kind: 'budget', retryAfterSeconds, reason: 'throttled' };
    return { kind: 'retry', delayMs };
  }
  if (!isRetryableStatus(status) || !retriesLeft) return { kind: 'fail' };
  // A server that asks for minutes of patience on a 5xx is down; a re-run resumes the import.
  if (retryAfterSeconds !== null && retryAfterSeconds > BUDGET_RETRY_AFTER_SECONDS) return { kind: 'fail' };
  return { kind: 'retry', delayMs: retryAfterSeconds !== null ? retryAfterSeconds * 1000 : backoffDelayMs(progress.retryIndex, random) };
}

/** The retry state of one request: asks decideRetry and counts what it decided. */
export class RetrySchedule {
  readonly progress: RetryProgress = { retryIndex: 0, throttleIndex: 0, throttledMs: 0 };

  constructor(
    private readonly retries: number,
    private readonly random: () => number,
  ) {}

  next(failure: AttemptFailure): RetryDecision {
    const decision = decideRetry(failure, this.progress, this.retries, this.random);
    if (decision.kind === 'retry') {
      if (failure.kind === 'status' && failure.status === 429) {
        this.progress.throttleIndex += 1;
        this.progress.throttledMs += decision.delayMs;
      } else {
        this.progress.retryIndex += 1;
      }
    }
    return decision;
  }

  /** Attempts made so far, the next one included. */
  get attempt(): number {
    return this.progress.retryIndex + this.progress.throttleIndex + 1;
  }
}

/** The message of the 'budget' stop, saying which of the two it was. */
export function budgetMessage(retryAfterSeconds: number | null, reason: BudgetReason = 'retry_after'): string {
  if (reason === 'no_retries') {
    return (
      'the server answered 429 (too many requests) and --retries 0 allows no wait, so the daily API request budget is taken as spent. ' +
      'Run the same import again later: rows already done are not sent twice'
    );
  }
  if (reason === 'throttled') {
    return (
      `the server kept answering 429 (too many requests) through ${Math.round(THROTTLE_WAIT_LIMIT_MS / 60_000)} minutes of waiting, ` +
      'so the daily API request budget is taken as spent. Run the same import again later: rows already done are not sent twice'
    );
  }
  const wait =
    retryAfterSeconds !== null ? `the server asks to wait ${Math.ceil(retryAfterSeconds / 60)} minutes` : 'the server answered 429';
  return `the daily API request budget is spent; ${wait}. Run the same import again later: rows already done are not sent twice`;
}
