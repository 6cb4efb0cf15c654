import { NetworkError } from '../errors.js';
import { isSuccess, type RequestRunner } from './request-runner.js';
import type { AttemptFailure } from './retry.js';

export interface RecoveredCreate<T> {
  value: T;
  /** True when the POST's answer was lost and the record was found by a lookup instead. */
  recovered: boolean;
  status: number;
}

/**
 * A POST is never sent again blindly. When its answer is lost (no answer, a timeout, 408 or a
 * 5xx) the write may have happened, so `findExisting` looks for it first; only when it is absent
 * is the POST repeated, within the same retry bound as any request. A short 429 is a refusal
 * (nothing written) and is simply retried after the wait.
 */
export async function createWithRecovery<T>(
  runner: RequestRunner,
  url: string,
  body: unknown,
  findExisting: () => Promise<T | undefined>,
): Promise<RecoveredCreate<T>> {
  for (let retryIndex = 0; ; retryIndex++) {
    let failure: AttemptFailure;
    let finalError: Error;
    try {
      const answer = await runner.attempt('POST', url, body, retryIndex + 1);
      if (isSuccess(answer.status)) return { value: answer.body as T, recovered: false, status: answer.status };
      failure = { kind: 'status', status: answer.status, retryAfterSeconds: answer.retryAfterSeconds };
      finalError = runner.httpError('POST', url, answer);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      failure = { kind: 'network' };
      finalError = error;
    }
    const decision = runner.decide('POST', url, failure, retryIndex);
    if (!answerWasLost(failure)) {
      if (decision.kind !== 'retry') throw finalError;
      await runner.wait('POST', url, decision.delayMs);
      continue;
    }
    // Wait first: a write still in progress on the server is then more likely to be visible.
    if (decision.kind === 'retry') await runner.wait('POST', url, decision.delayMs);
    const existing = await findExisting();
    if (existing !== undefined) return { value: existing, recovered: true, status: 200 };
    if (decision.kind !== 'retry') throw finalError;
  }
}

function answerWasLost(failure: AttemptFailure): boolean {
  return failure.kind === 'network' || failure.status === 408 || failure.status >= 500;
}
