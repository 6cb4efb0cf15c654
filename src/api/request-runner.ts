import { GuidebookImportError, HttpError, NetworkError } from '../errors.js';
import { pathWithoutBase } from './base-url.js';
import type { ResolvedClientOptions } from './client-options.js';
import { budgetMessage, RetrySchedule, type AttemptFailure, type BudgetReason, type RetryDecision } from './retry.js';
import { sleep } from './sleep.js';
import { createThrottle, type Throttle } from './throttle.js';
import { sendOnce, type Answer } from './transport.js';
import { withWrittenCause } from './written-cause.js';

export interface CallOptions {
  /** The body: sent as JSON, or as multipart form data when it is a FormData (image uploads). */
  json?: unknown;
  /** A non-2xx status that still means success, e.g. 404 to a DELETE retry. */
  isDone?: (status: number, attempt: number) => boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why this client sends nothing more, once it has met one of these answers. */
type Halt = { code: 'budget'; retryAfterSeconds: number | null; reason: BudgetReason } | { code: 'auth' | 'redirect'; message: string };

/**
 * Every request of one client goes through here: the halt (budget spent, key rejected, API
 * redirecting), the abort signal, the --max-requests cap, the throttle, the counter, then one
 * attempt. `call` adds the retry policy for idempotent requests; POSTs use `attempt` and their
 * own recovery (create-with-recovery.ts).
 */
export class RequestRunner {
  readonly options: ResolvedClientOptions;
  private readonly throttle: Throttle;
  private sent = 0;
  private halt: Halt | null = null;

  constructor(options: ResolvedClientOptions) {
    this.options = options;
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

  /** The retry state of one request. */
  schedule(): RetrySchedule {
    return new RetrySchedule(this.options.retries, this.options.random);
  }

  /**
   * One attempt; any status comes back as an Answer, no answer as a NetworkError. A redirect, a
   * 401, or a 403 to a write throws instead, and halts the client: every later request would
   * meet the same answer, and a run must not spend one more request per row learning that.
   */
  async attempt(method: string, url: string, json: unknown, attempt: number): Promise<Answer> {
    const path = this.path(url);
    this.assertMayStart(method, path);
    const answer = await this.throttle.run(async () => {
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
      return sendOnce(
        { method, url, path, json, apiKey: this.options.apiKey },
        { timeoutMs: this.options.timeoutMs, maxAnswerBytes: this.options.maxAnswerBytes },
      );
    });
    this.haltOn(method, path, answer);
    return answer;
  }

  /** An idempotent request with retries; resolves with a 2xx (or `isDone`) answer. */
  async call(method: string, url: string, options: CallOptions = {}): Promise<Answer> {
    let maybeWritten: Error | null = null;
    try {
      return await this.callOnce(method, url, options, (error) => {
        if (WRITE_METHODS.has(method)) maybeWritten = error;
      });
    } catch (error) {
      throw withWrittenCause(error, maybeWritten);
    }
  }

  /** `call` itself; `lost` hears of each attempt that may have reached the server unanswered. */
  private async callOnce(method: string, url: string, options: CallOptions, lost: (error: Error) => void): Promise<Answer> {
    const schedule = this.schedule();
    for (;;) {
      const attempt = schedule.attempt;
      let failure: AttemptFailure;
      let answer: Answer | undefined;
      try {
        answer = await this.attempt(method, url, options.json, attempt);
        if (isSuccess(answer.status) || options.isDone?.(answer.status, attempt)) return answer;
        failure = { kind: 'status', status: answer.status, retryAfterSeconds: answer.retryAfterSeconds };
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        lost(error);
        failure = { kind: 'network' };
        const decision = this.decide(method, url, failure, schedule);
        if (decision.kind !== 'retry') throw error;
        await this.wait(method, url, decision.delayMs);
        continue;
      }
      if (answer.status === 408 || answer.status >= 500) lost(this.httpError(method, url, answer));
      const decision = this.decide(method, url, failure, schedule);
      if (decision.kind !== 'retry') throw this.httpError(method, url, answer);
      await this.wait(method, url, decision.delayMs);
    }
  }

  /** Applies the retry policy; a spent budget halts this client for good and throws. */
  decide(method: string, url: string, failure: AttemptFailure, schedule: RetrySchedule): RetryDecision {
    const decision = schedule.next(failure);
    if (decision.kind === 'budget') {
      this.halt = { code: 'budget', retryAfterSeconds: decision.retryAfterSeconds, reason: decision.reason };
      throw this.haltError(method, this.path(url));
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
      ...(answer.status === 401 ? { message: KEY_REJECTED } : {}),
    });
  }

  private haltOn(method: string, path: string, answer: Answer): void {
    const { status } = answer;
    if (status >= 300 && status < 400) {
      this.halt ??= { code: 'redirect', message: this.redirectMessage(method, path, answer) };
      throw new GuidebookImportError('redirect', this.redirectMessage(method, path, answer));
    }
    if (status === 401) {
      this.halt ??= { code: 'auth', message: KEY_REJECTED };
      throw new HttpError({ method, path, status, message: KEY_REJECTED });
    }
    if (status === 403 && WRITE_METHODS.has(method)) {
      const message = `${method} ${path} answered 403 (permission denied): the API key may not write to this guide; nothing more is sent`;
      this.halt ??= { code: 'auth', message };
      // The server's own words are kept: a refused publish says why (the plan) in its detail.
      throw new HttpError({
        method,
        path,
        status,
        code: 'auth',
        message,
        fieldErrors: extractFieldErrors(answer.body, this.options.apiKey),
      });
    }
  }

  private redirectMessage(method: string, path: string, answer: Answer): string {
    const target = answer.location ? this.mask(answer.location) : '(no Location given)';
    const api = this.options.apiUrl;
    const hint = api.startsWith('http://') ? `; use the https:// API URL (${api.replace(/^http:/, 'https:')})` : '; check --api-url';
    return `${method} ${path} answered ${answer.status}, a redirect to ${target}: redirects are never followed${hint}`;
  }

  private mask(text: string): string {
    return text.split(this.options.apiKey).join('***');
  }

  private assertMayStart(method: string, path: string): void {
    if (this.halt) throw this.haltError(method, path);
    if (this.options.signal?.aborted) {
      throw new GuidebookImportError('interrupted', 'interrupted: no new request was started');
    }
  }

  /** The error of a halted client, named after the request that was stopped. */
  private haltError(method: string, path: string): GuidebookImportError {
    const halt = this.halt as Halt;
    if (halt.code !== 'budget') return new GuidebookImportError(halt.code, halt.message);
    return new HttpError({
      method,
      path,
      status: 429,
      retryAfterSeconds: halt.retryAfterSeconds,
      message: budgetMessage(halt.retryAfterSeconds, halt.reason),
    });
  }
}

const KEY_REJECTED = 'the API key was rejected (HTTP 401): check GUIDEBOOK_API_KEY or --api-key-file; nothing more is sent';

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
