// The errors that end a run early, and what the rows left behind are told.
import { GuidebookImportError, HttpError, NetworkError, type ErrorCode } from '../errors.js';

/**
 * The errors after which no row is sent: the budget is spent, --max-requests is reached, the run
 * was interrupted, the key was rejected (401, or 403 to a write) or the API redirects. Every later
 * request would meet the same answer, so the rest of the rows are 'not_attempted'.
 */
export type StopCode = Extract<ErrorCode, 'budget' | 'max_requests' | 'interrupted' | 'auth' | 'redirect'>;

const STOP_CODES = new Set<ErrorCode>(['budget', 'max_requests', 'interrupted', 'auth', 'redirect']);

export function isStopError(error: unknown): error is GuidebookImportError & { code: StopCode } {
  return error instanceof GuidebookImportError && STOP_CODES.has(error.code);
}

const WHY_NOT_ATTEMPTED: Record<StopCode, string> = {
  budget: 'the daily request budget is spent; run again tomorrow, nothing will be duplicated',
  max_requests: 'the --max-requests limit was reached; run again to finish, nothing will be duplicated',
  interrupted: 'the run was interrupted; run again to finish, nothing will be duplicated',
  auth: 'the API key was rejected during the run; fix the key and run again, nothing will be duplicated',
  redirect: 'the API answered a redirect; fix --api-url and run again, nothing will be duplicated',
};

export function notAttemptedMessage(stop: GuidebookImportError & { code: StopCode }): string {
  return `not attempted: ${WHY_NOT_ATTEMPTED[stop.code]}`;
}

/** The error a run stops with when its abort signal fires. */
export function interruptedError(signal: AbortSignal): GuidebookImportError & { code: StopCode } {
  const reason: unknown = signal.reason;
  if (isStopError(reason)) return reason;
  return new GuidebookImportError('interrupted', 'interrupted: no new rows were started', { cause: reason }) as GuidebookImportError & {
    code: StopCode;
  };
}

/**
 * True when an earlier attempt of the same call reached (or may have reached) the server before
 * the stop error: the client chains that failure as the stop error's cause. A stop error itself
 * (a 429, or a refusal before sending) changes nothing on the server.
 */
export function earlierAttemptWasSent(stop: GuidebookImportError): boolean {
  const seen = new Set<unknown>();
  let cause: unknown = stop.cause;
  while (cause instanceof Error && !seen.has(cause)) {
    seen.add(cause);
    if (cause instanceof NetworkError) return true;
    if (cause instanceof HttpError && cause.status !== 429) return true;
    cause = cause.cause;
  }
  return false;
}
