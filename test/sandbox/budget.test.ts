import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';

describe('daily request budget', () => {
  it('answers 429 with Retry-After until UTC midnight from request budget+1 on, counting every status', async () => {
    let clock = Date.parse('2027-05-10T23:00:00.250Z');
    const sandbox = await startSandbox({ dailyBudget: 4, now: () => clock });
    try {
      const api = apiClient(sandbox);
      expect((await api('GET', 'guides/')).status).toBe(200);
      expect((await api('GET', 'sessions/')).status).toBe(400);
      expect((await apiClient(sandbox, 'x')('GET', 'guides/', undefined, { Authorization: 'Basic x' })).status).toBe(401);
      expect((await api('POST', 'sessions/', validSession())).status).toBe(201);
      const over = await api('POST', 'sessions/', validSession());
      expect(over.status).toBe(429);
      expect(over.body.detail).toMatch(/^Request was throttled\./);
      expect(over.headers.get('retry-after')).toBe('3600');
      expect((await api('GET', 'guides/')).status).toBe(429);
      expect(sandbox.state().sessions).toHaveLength(1);
      expect(sandbox.state().budget).toEqual({ day: '2027-05-10', count: 6 });

      // A new UTC day starts a new count.
      clock = Date.parse('2027-05-11T00:00:01Z');
      expect((await api('GET', 'guides/')).status).toBe(200);
      expect(sandbox.state().budget).toEqual({ day: '2027-05-11', count: 1 });
    } finally {
      await sandbox.close();
    }
  });

  it('does not count admin paths, and can be reset through them or the handle', async () => {
    const sandbox = await startSandbox({ dailyBudget: 2 });
    try {
      const api = apiClient(sandbox);
      await api('GET', 'guides/');
      await api('GET', 'guides/');
      expect((await api('GET', 'guides/')).status).toBe(429);
      for (let i = 0; i < 5; i += 1) expect((await fetch(`${sandbox.origin}/__sandbox/state`)).status).toBe(200);
      expect(sandbox.state().budget.count).toBe(3);
      expect(sandbox.requestLog).toHaveLength(3);

      const reset = await fetch(`${sandbox.origin}/__sandbox/reset-budget`, { method: 'POST' });
      expect(reset.status).toBe(200);
      expect((await api('GET', 'guides/')).status).toBe(200);
      await api('GET', 'guides/');
      expect((await api('GET', 'guides/')).status).toBe(429);
      sandbox.resetBudget();
      expect((await api('GET', 'guides/')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it("keeps the day's count across a restart through the state file", async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'sandbox-budget-')), 'state.json');
    const first = await startSandbox({ stateFile, dailyBudget: 3 });
    await apiClient(first)('GET', 'guides/');
    await apiClient(first)('GET', 'guides/');
    await first.close();
    const second = await startSandbox({ stateFile, dailyBudget: 3 });
    try {
      const api = apiClient(second);
      expect((await api('GET', 'guides/')).status).toBe(200);
      expect((await api('GET', 'guides/')).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});
