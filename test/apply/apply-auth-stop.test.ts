// A key rejected in the middle of applyPlan stops the run the way the budget does (run-stop.ts):
// in-flight writes finish, no new one starts, the rest are not_attempted, and a re-run with a
// good key finishes without duplicates.
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, handPlan } from './hand-plan.js';
import { GUIDE, clientFor, countBy, listAll, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

describe('applyPlan and a key rejected mid-run', () => {
  it('stops at the first 401 with code auth: at most the in-flight writes meet it, the rest not_attempted', async () => {
    sandbox = await withSandbox({ revokeAfter: 11 });
    const sheet = agenda(30);
    const client = clientFor(sandbox, { concurrency: 4 });
    const plan = handPlan(GUIDE, sheet, await listAll(client)); // 1 request, then 10 creates pass

    const applied = await applyPlan(plan, client, { maxInFlight: 4 });
    expect(applied.stoppedBy?.code).toBe('auth');
    const refused = sandbox.requestLog.filter((entry) => entry.status === 401);
    // Only writes already in flight when the first 401 came can meet one: not one per row.
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeLessThanOrEqual(4);
    expect(countBy(applied.results, (r) => r.outcome)).toEqual({ done: 10, not_attempted: 20 });
    for (const result of applied.results.filter((r) => r.outcome === 'not_attempted')) {
      expect(result.message).toBe(
        'not attempted: the API key was rejected during the run; fix the key and run again, nothing will be duplicated',
      );
    }
    expect(sessionsOf(sandbox)).toHaveLength(10);

    sandbox.setFaults({ revokeAfter: null });
    const fixed = clientFor(sandbox);
    const rerun = await applyPlan(handPlan(GUIDE, sheet, await listAll(fixed)), fixed);
    expect(rerun.stoppedBy).toBeNull();
    expect(
      sessionsOf(sandbox)
        .map((s) => s.import_id)
        .sort(),
    ).toEqual(sheet.map((r) => r.import_id).sort());
  });

  it('a 403 to a write stops it the same way', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox, { concurrency: 1 });
    // A plan for another account's guide (3): its first create answers 403.
    const plan = handPlan(3, agenda(5), []);
    const applied = await applyPlan(plan, client, { maxInFlight: 1 });
    expect(applied.stoppedBy?.code).toBe('auth');
    expect(countBy(applied.results, (r) => r.outcome)).toEqual({ not_attempted: 5 });
    expect(sandbox.requestLog.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 403']);
  });
});

describe('a stop met after a write that may have happened', () => {
  it('fails that row with a note that a re-run checks it, instead of calling it not attempted', async () => {
    // The POST is done and its answer cut off; the import_id lookup that follows meets the 401.
    sandbox = await withSandbox({ dropRate: 1, revokeAfter: 2 });
    const client = clientFor(sandbox, { concurrency: 1 });
    const plan = handPlan(GUIDE, agenda(3), await listAll(client)); // request 1
    const applied = await applyPlan(plan, client, { maxInFlight: 1 });
    expect(applied.stoppedBy?.code).toBe('auth');
    expect(applied.results.map((r) => r.outcome)).toEqual(['failed', 'not_attempted', 'not_attempted']);
    expect(applied.results[0]?.message).toMatch(/after an attempt whose answer was lost; a re-run checks it and does not duplicate\)$/);
    expect(sandbox.requestLog.map((entry) => `${entry.method} ${entry.status}${entry.dropped ? ' dropped' : ''}`)).toEqual([
      'GET 200',
      'POST 201 dropped',
      'GET 401',
    ]);
    expect(sessionsOf(sandbox)).toHaveLength(1);
  });

  it('the same for a PATCH whose answer was lost before the key was refused', async () => {
    sandbox = await withSandbox();
    const setup = clientFor(sandbox);
    const sheet = agenda(2);
    await applyPlan(handPlan(GUIDE, sheet, await listAll(setup)), setup);
    const renamed = sheet.map((row) => ({ ...row, name: `${row.name} (moved)` }));
    sandbox.setFaults({ dropRate: 1, revokeAfter: 2 });
    const client = clientFor(sandbox, { concurrency: 1 });
    const plan = handPlan(GUIDE, renamed, await listAll(client)); // request 1
    const from = sandbox.requestLog.length;
    const applied = await applyPlan(plan, client, { maxInFlight: 1 });
    expect(applied.stoppedBy?.code).toBe('auth');
    expect(applied.results.map((r) => r.outcome)).toEqual(['failed', 'not_attempted']);
    expect(applied.results[0]?.message).toMatch(/after an attempt whose answer was lost; a re-run checks it and does not duplicate\)$/);
    expect(sandbox.requestLog.slice(from).map((entry) => `${entry.method} ${entry.status}${entry.dropped ? ' dropped' : ''}`)).toEqual([
      'PATCH 200 dropped',
      'PATCH 401',
    ]);
  });
});
