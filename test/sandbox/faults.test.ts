import { describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';

/** Sends the same 40 creates, one at a time, and records what came back (status or "dropped"). */
async function runScript(options: SandboxOptions): Promise<{ outcomes: Array<number | 'dropped'>; stored: string[]; dropped: string[] }> {
  const sandbox = await startSandbox(options);
  try {
    const api = apiClient(sandbox);
    const outcomes: Array<number | 'dropped'> = [];
    for (let i = 0; i < 40; i += 1) {
      try {
        outcomes.push((await api('POST', 'sessions/', validSession({ import_id: `f-${i}` }))).status);
      } catch {
        outcomes.push('dropped');
      }
    }
    return {
      outcomes,
      stored: sandbox.state().sessions.map((s) => s.import_id ?? ''),
      dropped: sandbox.requestLog.filter((e) => e.dropped).map((e) => (e.body as { import_id: string }).import_id),
    };
  } finally {
    await sandbox.close();
  }
}

describe('faults', () => {
  it('fails some requests with 500/502/503 before doing anything, the same ones for the same seed', async () => {
    const a = await runScript({ seed: 7, failRate: 0.3 });
    const b = await runScript({ seed: 7, failRate: 0.3 });
    const c = await runScript({ seed: 8, failRate: 0.3 });
    expect(a.outcomes).toEqual(b.outcomes);
    expect(a.outcomes).not.toEqual(c.outcomes);
    const failed = a.outcomes.filter((o) => o !== 201);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.every((o) => o === 500 || o === 502 || o === 503)).toBe(true);
    // A failed create wrote nothing.
    expect(a.stored).toEqual(a.outcomes.flatMap((o, i) => (o === 201 ? [`f-${i}`] : [])));
  });

  it('drops some writes after doing them, the same ones for the same seed', async () => {
    const a = await runScript({ seed: 3, dropRate: 0.3 });
    const b = await runScript({ seed: 3, dropRate: 0.3 });
    expect(a.outcomes).toEqual(b.outcomes);
    const droppedIds = a.outcomes.flatMap((o, i) => (o === 'dropped' ? [`f-${i}`] : []));
    expect(droppedIds.length).toBeGreaterThan(3);
    expect(a.dropped).toEqual(droppedIds);
    // Every write was done, answered or not.
    expect(a.stored).toEqual(Array.from({ length: 40 }, (_, i) => `f-${i}`));
  });

  it('never drops reads', async () => {
    const sandbox = await startSandbox({ dropRate: 1 });
    try {
      const api = apiClient(sandbox);
      for (let i = 0; i < 5; i += 1) expect((await api('GET', 'guides/1/')).status).toBe(200);
      await expect(api('POST', 'sessions/', validSession())).rejects.toThrow();
      expect(sandbox.state().sessions).toHaveLength(1);
    } finally {
      await sandbox.close();
    }
  });

  it('waits latencyMs before answering, and takes new settings through the handle and /__sandbox/faults', async () => {
    const sandbox = await startSandbox({ latencyMs: 600 });
    try {
      const api = apiClient(sandbox);
      let started = performance.now();
      await api('GET', 'guides/');
      expect(performance.now() - started).toBeGreaterThanOrEqual(595);
      sandbox.setFaults({ latencyMs: 0 });
      started = performance.now();
      await api('GET', 'guides/');
      // Far below the old latency even on a loaded machine: the setting took effect.
      expect(performance.now() - started).toBeLessThan(400);

      const set = await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ failRate: 1 }) });
      expect(await set.json()).toMatchObject({ failRate: 1, latencyMs: 0 });
      expect([500, 502, 503]).toContain((await api('GET', 'guides/')).status);
      const bad = await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ failRate: 2 }) });
      expect(bad.status).toBe(400);
      expect(() => sandbox.setFaults({ dropRate: -0.1 })).toThrow(/dropRate/);
    } finally {
      await sandbox.close();
    }
  });
});
