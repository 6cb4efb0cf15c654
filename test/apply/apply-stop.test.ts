import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { RowResult } from '../../src/apply/index.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, handPlan } from './hand-plan.js';
import { GUIDE, clientFor, countBy, kindOf, listAll, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

function duplicateImportIds(sessions: Array<{ import_id: string | null }>): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { import_id } of sessions) {
    if (import_id === null) continue;
    if (seen.has(import_id)) duplicates.push(import_id);
    seen.add(import_id);
  }
  return duplicates;
}

describe('applyPlan stops cleanly', () => {
  it('stops at the daily budget, marks the rest not_attempted, and a re-run the next day finishes without duplicates', async () => {
    sandbox = await withSandbox({ dailyBudget: 20 });
    const sheet = agenda(30);
    const client = clientFor(sandbox);
    const plan = handPlan(GUIDE, sheet, await listAll(client)); // 1 request

    const applied = await applyPlan(plan, client);
    expect(applied.stoppedBy?.code).toBe('budget');
    const outcomes = countBy(applied.results, (r) => r.outcome);
    // 19 POSTs fit in the budget; the sandbox refused the rest.
    expect(outcomes).toEqual({ done: 19, not_attempted: 11 });
    const notAttempted = applied.results.filter((r) => r.outcome === 'not_attempted');
    for (const result of notAttempted) {
      expect(result.message).toBe('not attempted: the daily request budget is spent; run again tomorrow, nothing will be duplicated');
    }
    expect(sessionsOf(sandbox)).toHaveLength(19);
    // Once the budget answered 429, no more than the in-flight writes were sent.
    const refused = sandbox.requestLog.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(8);

    sandbox.resetBudget();
    const nextDay = clientFor(sandbox);
    const logFrom = sandbox.requestLog.length;
    const replan = handPlan(GUIDE, sheet, await listAll(nextDay));
    expect(countBy(replan.entries, (e) => e.action)).toEqual({ unchanged: 19, create: 11 });
    const rerun = await applyPlan(replan, nextDay);
    expect(rerun.stoppedBy).toBeNull();
    expect(rerun.results.every((r) => r.outcome === 'done')).toBe(true);
    expect(countBy(sandbox.requestLog.slice(logFrom), kindOf)).toEqual({ 'GET sessions': 1, 'POST sessions': 11 });

    const state = sessionsOf(sandbox);
    expect(state.map((s) => s.import_id).sort()).toEqual(sheet.map((r) => r.import_id).sort());
    expect(duplicateImportIds(state)).toEqual([]);
  });

  it('stops at --max-requests before sending more', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox, { maxRequests: 5 });
    const applied = await applyPlan(handPlan(GUIDE, agenda(12), []), client);
    expect(applied.stoppedBy?.code).toBe('max_requests');
    expect(countBy(applied.results, (r) => r.outcome)).toEqual({ done: 5, not_attempted: 7 });
    for (const result of applied.results.filter((r) => r.outcome === 'not_attempted')) {
      expect(result.message).toMatch(/^not attempted: the --max-requests limit was reached; run again to finish/);
    }
    expect(sandbox.requestLog).toHaveLength(5);
    expect(sessionsOf(sandbox)).toHaveLength(5);
  });

  it('takes no new row once the signal is aborted; rows in flight finish', async () => {
    sandbox = await withSandbox({ latencyMs: 20 });
    const client = clientFor(sandbox);
    const controller = new AbortController();
    const seen: RowResult[] = [];
    const applied = await applyPlan(handPlan(GUIDE, agenda(40), []), client, {
      signal: controller.signal,
      maxInFlight: 4,
      onResult: (result) => {
        seen.push(result);
        if (seen.length === 5) controller.abort();
      },
    });

    expect(applied.stoppedBy?.code).toBe('interrupted');
    const done = applied.results.filter((r) => r.outcome === 'done');
    const notAttempted = applied.results.filter((r) => r.outcome === 'not_attempted');
    // The 5th result triggered the abort; at most the other 3 in flight finished after it.
    expect(done.length).toBeGreaterThanOrEqual(5);
    expect(done.length).toBeLessThanOrEqual(8);
    expect(done.length + notAttempted.length).toBe(40);
    expect(notAttempted[0]!.message).toBe('not attempted: the run was interrupted; run again to finish, nothing will be duplicated');
    expect(seen).toHaveLength(40);
    // What the report says was done is exactly what the server holds.
    expect(sandbox.requestLog).toHaveLength(done.length);
    expect(
      sessionsOf(sandbox)
        .map((s) => s.id)
        .sort(),
    ).toEqual(done.map((r) => r.sessionId).sort());
  });

  it('starts nothing when the signal is already aborted', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const applied = await applyPlan(handPlan(GUIDE, agenda(3), []), client, { signal: AbortSignal.abort() });
    expect(applied.stoppedBy?.code).toBe('interrupted');
    expect(applied.results.map((r) => r.outcome)).toEqual(['not_attempted', 'not_attempted', 'not_attempted']);
    expect(sandbox.requestLog).toHaveLength(0);
  });

  it('treats an interrupt the client met in flight as not attempted', async () => {
    sandbox = await withSandbox({ latencyMs: 30 });
    const controller = new AbortController();
    // The CLI gives the same signal to the client and to applyPlan.
    const client = clientFor(sandbox, { signal: controller.signal, concurrency: 2 });
    let results = 0;
    const applied = await applyPlan(handPlan(GUIDE, agenda(20), []), client, {
      signal: controller.signal,
      maxInFlight: 8,
      onResult: () => {
        if (++results === 2) controller.abort();
      },
    });
    expect(applied.stoppedBy?.code).toBe('interrupted');
    const done = applied.results.filter((r) => r.outcome === 'done');
    expect(countBy(applied.results, (r) => r.outcome)).toEqual({ done: done.length, not_attempted: 20 - done.length });
    // Writes queued in the client's throttle were refused before sending; the server holds what was done.
    expect(sessionsOf(sandbox)).toHaveLength(done.length);
    expect(sandbox.requestLog.filter((r) => r.method === 'POST')).toHaveLength(done.length);
  });
});
