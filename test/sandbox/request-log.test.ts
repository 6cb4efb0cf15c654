import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ apiKey: 'log-secret' });
});
afterAll(() => sandbox.close());

describe('request log', () => {
  it('records method, path, query, status and the parsed body of every API request, never the key', async () => {
    const api = apiClient(sandbox, 'log-secret');
    await api('POST', 'sessions/', validSession({ import_id: 'a' }));
    await api('GET', 'sessions/?guide=1&import_id=a');
    await apiClient(sandbox, 'wrong')('GET', 'guides/');
    await api('POST', 'schedule-tracks/', 'guide=1&name=Form+Track', { 'Content-Type': 'application/x-www-form-urlencoded' });
    await fetch(`${sandbox.origin}/__sandbox/state`);

    expect(sandbox.requestLog.map((e) => [e.method, e.path, e.status])).toEqual([
      ['POST', '/open-api/v1.1/sessions/', 201],
      ['GET', '/open-api/v1.1/sessions/', 200],
      ['GET', '/open-api/v1.1/guides/', 401],
      ['POST', '/open-api/v1.1/schedule-tracks/', 201],
    ]);
    const [create, list, , form] = sandbox.requestLog;
    expect(create?.body).toEqual(validSession({ import_id: 'a' }));
    expect(create?.query).toEqual({});
    expect(list?.query).toEqual({ guide: '1', import_id: 'a' });
    expect(list?.body).toBeNull();
    expect(form?.body).toEqual({ guide: '1', name: 'Form Track' });
    expect(Date.parse(create?.time ?? '')).not.toBeNaN();
    expect(JSON.stringify(sandbox.requestLog)).not.toContain('log-secret');
  });
});
