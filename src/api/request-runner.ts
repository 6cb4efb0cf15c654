import type { KyInstance } from 'ky';
import { GuidebookImportError, HttpError, NetworkError } from '../errors.js';
import { pathWithoutBase } from './base-url.js';
import type { ResolvedClientOptions } from './client-options.js';
import { budgetMessage, decideRetry, type AttemptFailure, type RetryDecision } from './retry.js';
import { sleep } from './sleep.js';
import { createThrottle, type Throttle } from './throttle.js';
import { createHttp, sendOnce, type Answer } from './transport.js';

export interface CallOptions {
  json?: unknown;
  /** A non-2xx status that still means success, e.g. 404 to a DELETE retry. */
  isDone?: (status: number, attempt: number) => boolean;
}

/**
 * Every request of one client goes through here: the budget stop, the abort signal, the
 * --max-requests cap, the throttle, the counter, then one attempt. `call` adds the retry policy
 * for idempotent requests; POSTs use `attempt` and their own recovery (create-with-recovery.ts).
 */
export class RequestRunner {
  readonly options: ResolvedClientOptions;
  private readonly http: KyInstance;
  private readonly throttle: Throttle;
  private sent = 0;
  private budgetStop: { retryAfterSeconds: number | null } | null = null;

  constructor(options: ResolvedClientOptions) {
    this.options = options;
    this.http = createHttp(options.apiKey, options.timeoutMs);
    this.throttle = createThrottle({ concurrency: options.concurrency, rate: options.rate });
  }

  get requestCount(): number {
    return this.sent;
  }

  /** Resolves a path relative to the API base, e.g. `sessions/?guide=1`. */
  url(relative: string): string {
    return new URL(relative, this.options.apiUrl).toString();
  }

  path(url: string): string {
    return pathWithoutBase(this.options.apiUrl, url);
  }

  /** One attempt; any status comes back as an Answer, no answer as a NetworkError. */
  async attempt(method: string, url: string, json: unknown, attempt: number): Promise<Answer> {
    const path = this.path(url);
    this.assertMayStart(method, path);
    return this.throttle.run(async () => {
      // Checked again: the stop may have come while this request waited for its slot.
      this.assertMayStart(method, path);
      if (this.sent >= this.options.maxRequests) {
        throw new GuidebookImportError(
          'max_requests',
          `stopped before request ${this.sent + 1}: the limit of ${this.options.maxRequests} requests (--max-requests) is reached`,
        );
      }
      this.sent += 1;
      this.options.onRequest?.({ method, path, attempt });
      return sendOnce(this.http, { method, url, path, json }, this.options.timeoutMs);
    });
  }

  /** An idempotent request with retries; resolves with a 2xx (or `isDone`) answer. */
  async call(method: string, url: string, options: CallOptions = {}): Promise<Answer> {
    for (let retryIndex = 0; ; retryIndex++) {
      const attempt = retryIndex + 1;
      let failure: AttemptFailure;
      let answer: Answer | undefined;
      try {
        answer = await this.attempt(method, url, options.json, attempt);
        if (isSuccess(answer.status) || options.isDone?.(answer.status, attempt)) return answer;
        failure = { kind: 'status', status: answer.status, retryAfterSeconds: answer.retryAfterSeconds };
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        failure = { kind: 'network' };
        const decision = this.decide(method, url, failure, retryIndex);
        if (decision.kind !== 'retry') throw error;
        await this.wait(method, url, decision.delayMs);
        continue;
      }
      const decision = this.decide(method, url, failure, retryIndex);
      if (decision.kind !== 'retry') throw this.httpError(method, url, answer);
      await this.wait(method, url, decision.delayMs);
    }
  }

  /** Applies the retry policy; a spent budget stops this client for good and throws. */
  decide(method: string, url: string, failure: AttemptFailure, retryIndex: number): RetryDecision {
    const decision = decideRetry(failure, retryIndex, this.options.retries, this.options.random);
    if (decision.kind === 'budget') {
      this.budgetStop = { retryAfterSeconds: decision.retryAfterSeconds };
      throw this.budgetError(method, this.path(url));
    }
    return decision;
  }

  /** Waits out a backoff; an abort cuts the wait short and stops the next attempt. */
  async wait(method: string, url: string, ms: number): Promise<void> {
    if (this.options.sleep) await this.options.sleep(ms);
    else await sleep(ms, this.options.signal);
    this.assertMayStart(method, this.path(url));
  }

  httpError(method: string, url: string, answer: Answer): HttpError {
    const path = this.path(url);
    const fieldErrors = extractFieldErrors(answer.body, this.options.apiKey);
    return new HttpError({
      method,
      path,
      status: answer.status,
      fieldErrors,
      retryAfterSeconds: answer.retryAfterSeconds,
      ...(answer.status === 401
        ? { message: 'the API key was rejected (HTTP 401): check GUIDEBOOK_API_KEY or --api-key-file' }
        : {}),
    });
  }

  private assertMayStart(method: string, path: string): void {
    if (this.budgetStop) throw this.budgetError(method, path);
    if (this.options.signal?.aborted) {
      throw new GuidebookImportError('interrupted', 'interrupted: no new request was started');
    }
  }

  /** An HttpError 429 with code 'budget', named after the request that was stopped. */
  private budgetError(method: string, path: string): HttpError {
    const retryAfterSeconds = this.budgetStop?.retryAfterSeconds ?? null;
    return new HttpError({ method, path, status: 429, retryAfterSeconds, message: budgetMessage(retryAfterSeconds) });
  }
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * The server's per-field messages: `{"name": ["This field is required."]}`, or `{"detail": "..."}`.
 * The key is masked in case a server ever echoes the Authorization header back.
 */
function extractFieldErrors(body: unknown, apiKey: string): Record<string, string[]> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const mask = (text: string): string => text.split(apiKey).join('***');
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
    const messages = Array.isArray(value) ? value : [value];
    fieldErrors[field] = messages.map((message) => mask(typeof message === 'string' ? message : JSON.stringify(message)));
  }
  return fieldErrors;
}
