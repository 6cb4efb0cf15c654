import { describe, expect, it } from 'vitest';
import { GuidebookImportError, HttpError, NetworkError } from '../../src/errors.js';
import { earlierAttemptWasSent, isStopError, notAttemptedMessage } from '../../src/apply/stop-reason.js';

describe('stop errors', () => {
  it('are the budget, max_requests and interrupted codes only', () => {
    expect(isStopError(new HttpError({ method: 'POST', path: '/sessions/', status: 429 }))).toBe(true);
    expect(isStopError(new GuidebookImportError('max_requests', 'limit'))).toBe(true);
    expect(isStopError(new GuidebookImportError('interrupted', 'stop'))).toBe(true);
    expect(isStopError(new HttpError({ method: 'POST', path: '/sessions/', status: 503 }))).toBe(false);
    expect(isStopError(new NetworkError('POST', '/sessions/', 'reset'))).toBe(false);
    expect(isStopError(new Error('budget'))).toBe(false);
  });

  it('tell the rows left behind why, and that a re-run is safe', () => {
    expect(notAttemptedMessage(new HttpError({ method: 'POST', path: '/sessions/', status: 429 }) as never)).toBe(
      'not attempted: the daily request budget is spent; run again tomorrow, nothing will be duplicated',
    );
  });

  it('count an earlier attempt as sent when the client chained its failure as the cause', () => {
    const lost = new NetworkError('POST', '/sessions/', 'socket hang up');
    expect(earlierAttemptWasSent(new GuidebookImportError('interrupted', 'stop', { cause: lost }))).toBe(true);
    const refused = new HttpError({ method: 'POST', path: '/sessions/', status: 429 });
    expect(earlierAttemptWasSent(new GuidebookImportError('max_requests', 'limit', { cause: refused }))).toBe(false);
    expect(earlierAttemptWasSent(new GuidebookImportError('max_requests', 'limit'))).toBe(false);
  });
});
