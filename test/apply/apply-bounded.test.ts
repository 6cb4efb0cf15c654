import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { GuidebookClient } from '../../src/api/types.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, handPlan } from './hand-plan.js';
import { GUIDE, clientFor, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

/** The real client, with its createSession calls counted while they run. */
function countingInFlight(client: GuidebookClient): { client: GuidebookClient; peak: () => number } {
  let inFlight = 0;
  let peak = 0;
  const counted = Object.create(client) as GuidebookClient;
  counted.createSession = async (body) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    try {
      return await client.createSession(body);
    } finally {
      inFlight -= 1;
    }
  };
  return { client: counted, peak: () => peak };
}

describe('applyPlan keeps a bounded number of writes in flight', () => {
  it('never has more than maxInFlight calls running, and does use them all', async () => {
    sandbox = await withSandbox({ latencyMs: 5 });
    const { client, peak } = countingInFlight(clientFor(sandbox, { concurrency: 3 }));
    const applied = await applyPlan(handPlan(GUIDE, agenda(120), []), client, { maxInFlight: 6 });
    expect(applied.results.every((r) => r.outcome === 'done')).toBe(true);
    expect(peak()).toBe(6);
    expect(sessionsOf(sandbox)).toHaveLength(120);
    expect(sandbox.requestLog).toHaveLength(120);
  });

  it('runs one at a time with maxInFlight 1, in plan order', async () => {
    sandbox = await withSandbox();
    const { client, peak } = countingInFlight(clientFor(sandbox));
    await applyPlan(handPlan(GUIDE, agenda(10), []), client, { maxInFlight: 1 });
    expect(peak()).toBe(1);
    expect(sandbox.requestLog.map((r) => (r.body as { import_id: string }).import_id)).toEqual(agenda(10).map((r) => r.import_id));
  });
});

describe('applyPlan options', () => {
  it('rejects a maxInFlight that is not a whole number of at least 1', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    for (const maxInFlight of [0, 2.5, Number.NaN]) {
      await expect(applyPlan(handPlan(GUIDE, agenda(1), []), client, { maxInFlight })).rejects.toMatchObject({ code: 'usage' });
    }
    expect(sandbox.requestLog).toHaveLength(0);
  });
});
