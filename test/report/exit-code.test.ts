// The one exit-code rule (README "Exit codes"), for every command's outcome.
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { exitCodeOf } from '../../src/report/exit-code.js';
import type { Summary } from '../../src/types.js';

const clean: Summary = {
  created: 2,
  updated: 0,
  unchanged: 1,
  deleted: 0,
  invalid: 0,
  conflicts: 0,
  failed: 0,
  not_attempted: 0,
  requests: 0,
};

describe('exitCodeOf', () => {
  it('0 when every row is done or planned, 1 when one is invalid, conflicting or failed', () => {
    expect(exitCodeOf({ summary: clean })).toBe(0);
    expect(exitCodeOf({ summary: { ...clean, invalid: 1 } })).toBe(1);
    expect(exitCodeOf({ summary: { ...clean, conflicts: 2 } })).toBe(1);
    expect(exitCodeOf({ summary: { ...clean, failed: 1 } })).toBe(1);
  });

  it('3 for a stop the run can finish later (budget, --max-requests, interrupted), 2 for one it cannot go on from', () => {
    for (const code of ['budget', 'max_requests', 'interrupted'] as const) {
      expect(exitCodeOf({ summary: { ...clean, invalid: 1 }, stoppedBy: new GuidebookImportError(code, 'stopped') })).toBe(3);
    }
    expect(exitCodeOf({ summary: clean, stoppedBy: new GuidebookImportError('auth', 'key rejected') })).toBe(2);
    expect(exitCodeOf({ stoppedBy: new GuidebookImportError('file', 'unreadable') })).toBe(2);
  });

  it('3 when the report could not be written, whatever the rows', () => {
    expect(exitCodeOf({ summary: clean, reportFailed: true })).toBe(3);
    expect(exitCodeOf({ summary: { ...clean, invalid: 4 }, stoppedBy: new GuidebookImportError('auth', 'x'), reportFailed: true })).toBe(3);
  });
});
