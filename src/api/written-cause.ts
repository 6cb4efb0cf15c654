// A write whose answer was lost may have been carried out. When the run then stops (budget, a
// rejected key, ...), the row must not be reported as 'not_attempted': the stop error carries the
// earlier attempt as its cause, which apply reads (earlierAttemptWasSent in apply/stop-reason.ts).
import { GuidebookImportError, HttpError } from '../errors.js';

const STOP_CODES = new Set(['budget', 'max_requests', 'interrupted', 'auth', 'redirect']);

/**
 * A run-stopping error met after an attempt that may have written (its answer lost, or a 2xx
 * without the record) carries that attempt as its cause: the row is then reported as failed
 * with a note that a re-run checks it, not as 'not_attempted' (which would be untrue).
 */
export function withWrittenCause(error: unknown, maybeWritten: Error | null): unknown {
  if (maybeWritten === null || !(error instanceof GuidebookImportError) || !STOP_CODES.has(error.code)) return error;
  if (error instanceof HttpError) {
    return new HttpError({
      method: error.method,
      path: error.path,
      status: error.status,
      fieldErrors: error.fieldErrors,
      retryAfterSeconds: error.retryAfterSeconds,
      message: error.message,
      code: error.code,
      cause: maybeWritten,
    });
  }
  return new GuidebookImportError(error.code, error.message, { cause: maybeWritten });
}
