// The retry policy, pure: what to do after one attempt failed. The client carries it out.

export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 8_000;
/** A 429 asking for a longer wait than this is the daily budget, not a passing spike. */
export const BUDGET_RETRY_AFTER_SECONDS = 60;

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** A failed attempt: either an HTTP answer or no answer at all. */
export type AttemptFailure =
  | { kind: 'status'; status: number; retryAfterSeconds: number | null }
  | { kind: 'network' };

export type RetryDecision =
  | { kind: 'retry'; delayMs: number }
  | { kind: 'fail' }
  /** The daily request budget is spent: stop the whole client. */
  | { kind: 'budget'; retryAfterSeconds: number | null };

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
 * What to do after a failed attempt. `retryIndex` counts the retries already made; `retries` is
 * how many are allowed. A 429 is retried only while its Retry-After is short: a long one, or one
 * that outlasts every retry, means the daily budget is gone and retrying only wastes the next day's.
 */
export function decideRetry(failure: AttemptFailure, retryIndex: number, retries: number, random: () => number): RetryDecision {
  const retriesLeft = retryIndex < retries;
  if (failure.kind === 'network') {
    return retriesLeft ? { kind: 'retry', delayMs: backoffDelayMs(retryIndex, random) } : { kind: 'fail' };
  }
  const { status, retryAfterSeconds } = failure;
  if (status === 429) {
    if (retryAfterSeconds !== null && retryAfterSeconds > BUDGET_RETRY_AFTER_SECONDS) return { kind: 'budget', retryAfterSeconds };
    if (!retriesLeft) return { kind: 'budget', retryAfterSeconds };
    return { kind: 'retry', delayMs: retryDelayMs(retryAfterSeconds, retryIndex, random) };
  }
  if (!isRetryableStatus(status) || !retriesLeft) return { kind: 'fail' };
  // A server that asks for minutes of patience on a 5xx is down; a re-run resumes the import.
  if (retryAfterSeconds !== null && retryAfterSeconds > BUDGET_RETRY_AFTER_SECONDS) return { kind: 'fail' };
  return { kind: 'retry', delayMs: retryDelayMs(retryAfterSeconds, retryIndex, random) };
}

function retryDelayMs(retryAfterSeconds: number | null, retryIndex: number, random: () => number): number {
  return retryAfterSeconds !== null ? retryAfterSeconds * 1000 : backoffDelayMs(retryIndex, random);
}

/** The message of the 'budget' stop. */
export function budgetMessage(retryAfterSeconds: number | null): string {
  const wait =
    retryAfterSeconds !== null && retryAfterSeconds > BUDGET_RETRY_AFTER_SECONDS
      ? `the server asks to wait ${Math.ceil(retryAfterSeconds / 60)} minutes`
      : 'the server kept answering 429 (too many requests) after every retry';
  return `the daily API request budget is spent; ${wait}. Run the same import again later: rows already done are not sent twice`;
}
