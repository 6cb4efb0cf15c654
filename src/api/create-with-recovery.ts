import { GuidebookImportError, HttpError, NetworkError } from '../errors.js';
import { isSuccess, type RequestRunner } from './request-runner.js';
import { withWrittenCause } from './written-cause.js';
import { describeAnswer } from './answer-shape.js';
import type { AttemptFailure } from './retry.js';

export interface RecoveredCreate<T> {
  value: T;
  /** True when the POST's answer was lost or unusable and the record was found by a lookup instead. */
  recovered: boolean;
  /** True when the POST was answered 2xx but with an empty or unusable body (not lost). */
  unusableAnswer: boolean;
  status: number;
}

/**
 * A POST is never sent again blindly. When its answer is lost (no answer, a timeout, 408 or a
 * 5xx) the write may have happened, so `findExisting` looks for it first; only when it is absent
 * is the POST repeated, within the same retry bound as any request. A short 429 is a refusal
 * (nothing written) and is simply retried after the wait.
 *
 * A 2xx counts only when `isCreated` accepts its body (a JSON object with a numeric id, and our
 * import_id): a proxy or a server that answers 201 with an empty or foreign body has not told us
 * what it made. The record is then looked up; when it is not found the create fails with a plain
 * message and is not sent again (the server said it did it: a second POST could duplicate).
 */
export async function createWithRecovery<T>(
  runner: RequestRunner,
  url: string,
  body: unknown,
  findExisting: () => Promise<T | undefined>,
  isCreated: (answer: unknown) => answer is T,
): Promise<RecoveredCreate<T>> {
  const sent: { maybeWritten: Error | null } = { maybeWritten: null };
  try {
    return await createOnce(runner, url, body, findExisting, isCreated, sent);
  } catch (error) {
    throw withWrittenCause(error, sent.maybeWritten);
  }
}

async function createOnce<T>(
  runner: RequestRunner,
  url: string,
  body: unknown,
  findExisting: () => Promise<T | undefined>,
  isCreated: (answer: unknown) => answer is T,
  sent: { maybeWritten: Error | null },
): Promise<RecoveredCreate<T>> {
  const schedule = runner.schedule();
  for (;;) {
    let failure: AttemptFailure;
    let finalError: Error;
    try {
      const answer = await runner.attempt('POST', url, body, schedule.attempt);
      if (isSuccess(answer.status)) {
        if (isCreated(answer.body)) return { value: answer.body, recovered: false, unusableAnswer: false, status: answer.status };
        sent.maybeWritten = new HttpError({
          method: 'POST',
          path: runner.path(url),
          status: answer.status,
          message: `POST ${runner.path(url)} answered ${answer.status} with ${describeAnswer(answer.body)}`,
        });
        const existing = await findExisting();
        if (existing !== undefined) return { value: existing, recovered: true, unusableAnswer: true, status: answer.status };
        throw new GuidebookImportError(
          'http',
          `POST ${runner.path(url)} answered ${answer.status} with ${describeAnswer(answer.body)} instead of the created record, ` +
            'and no such record was found afterwards: it is not counted as created',
        );
      }
      failure = { kind: 'status', status: answer.status, retryAfterSeconds: answer.retryAfterSeconds };
      finalError = runner.httpError('POST', url, answer);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      failure = { kind: 'network' };
      finalError = error;
    }
    const decision = runner.decide('POST', url, failure, schedule);
    if (!answerWasLost(failure)) {
      if (decision.kind !== 'retry') throw finalError;
      await runner.wait('POST', url, decision.delayMs);
      continue;
    }
    sent.maybeWritten = finalError;
    // Wait first: a write still in progress on the server is then more likely to be visible.
    if (decision.kind === 'retry') await runner.wait('POST', url, decision.delayMs);
    const existing = await findExisting();
    if (existing !== undefined) return { value: existing, recovered: true, unusableAnswer: false, status: 200 };
    if (decision.kind !== 'retry') throw finalError;
  }
}

function answerWasLost(failure: AttemptFailure): boolean {
  return failure.kind === 'network' || failure.status === 408 || failure.status >= 500;
}
