import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSandboxState, startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession, type Call } from './client.js';
import { STORED_AT, storedSession } from './stored-records.js';

let sandbox: SandboxHandle;
let api: Call;

beforeAll(async () => {
  const state = defaultSandboxState();
  // A session and a track in the other account's guide 3, to show they stay out of reach.
  state.sessions.push(storedSession(1, 3, { name: 'Not yours' }));
  state.schedule_tracks.push({
    id: 1,
    guide: 3,
    name: 'Theirs',
    color: null,
    import_id: null,
    created_at: STORED_AT,
    last_updated: STORED_AT,
  });
  state.nextIds = { sessions: 2, schedule_tracks: 2, locations: 1 };
  sandbox = await startSandbox({ apiKey: 'right-key', initialState: state });
  api = apiClient(sandbox, 'right-key');
});
afterAll(() => sandbox.close());

describe('authentication', () => {
  it('answers 401 with a detail for a missing header, another scheme and a wrong key', async () => {
    const bare = await fetch(`${sandbox.apiUrl}guides/`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const bearer = await apiClient(sandbox, 'x')('GET', 'guides/', undefined, { Authorization: 'Bearer right-key' });
    expect(bearer.status).toBe(401);
    expect(bearer.body.detail).toMatch(/JWT/);
    const wrong = await apiClient(sandbox, 'wrong-key')('GET', 'guides/');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ detail: 'Error decoding signature.' });
    expect(JSON.stringify(wrong.body)).not.toContain('right-key');
  });

  it('accepts the configured key', async () => {
    expect((await api('GET', 'guides/')).status).toBe(200);
  });

  it('accepts any non-empty token when no key is configured', async () => {
    const open = await startSandbox();
    try {
      expect((await apiClient(open, 'anything')('GET', 'guides/1/')).status).toBe(200);
      expect((await apiClient(open, 'x')('GET', 'guides/', undefined, { Authorization: 'JWT ' })).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});

describe('guides and another account', () => {
  it("lists only the guides of the key's account, with their time zones and dates as API datetimes", async () => {
    const reply = await api('GET', 'guides/');
    expect(reply.body.results.map((g: { id: number }) => g.id)).toEqual([1, 2]);
    expect(reply.body.results[0]).toEqual({
      id: 1,
      name: 'Sandbox Conference',
      timezone: 'America/New_York',
      start_date: '2027-05-10T00:00:00.000000+0000',
      end_date: '2027-05-12T00:00:00.000000+0000',
    });
  });

  it("answers 403 for another account's guide and its sessions, 404 for an unknown guide", async () => {
    expect((await api('GET', 'guides/3/')).status).toBe(403);
    expect((await api('GET', 'guides/77/')).status).toBe(404);
    expect((await api('GET', 'sessions/?guide=3')).status).toBe(403);
    expect((await api('GET', 'schedule-tracks/?guide=3')).status).toBe(403);
    expect((await api('GET', 'sessions/1/')).status).toBe(403);
    expect((await api('PATCH', 'sessions/1/', { name: 'Mine now' })).status).toBe(403);
    expect((await api('DELETE', 'sessions/1/')).status).toBe(403);
    const create = await api('POST', 'sessions/', validSession({ guide: 3 }));
    expect(create.status).toBe(403);
    expect(create.body).toEqual({ detail: 'You do not have permission to perform this action.' });
    const state = sandbox.state();
    expect(state.sessions).toHaveLength(1);
    expect(state.sessions[0]?.name).toBe('Not yours');
  });

  it("keeps another account's track out of a session", async () => {
    const reply = await api('POST', 'sessions/', validSession({ schedule_tracks: [1] }));
    expect(reply.status).toBe(400);
    expect(reply.body.schedule_tracks[0]).toMatch(/belongs to guide 3/);
  });
});

describe('paths, versions and methods', () => {
  it('serves v1, v1.1 and the bare alias at slashed paths', async () => {
    const created = (await api('POST', 'sessions/', validSession({ import_id: 'route-1' }))).body;
    for (const path of [`/open-api/v1.1/sessions/${created.id}/`, `/open-api/v1/sessions/${created.id}/`, `/sessions/${created.id}/`]) {
      const reply = await api('GET', `${sandbox.origin}${path}`);
      expect(reply.status, path).toBe(200);
      expect(reply.body.import_id).toBe('route-1');
    }
    const bare = await api('GET', `${sandbox.origin}/sessions/?guide=1&import_id=route-1`);
    expect(bare.body.count).toBe(1);
  });

  it('answers a path without its trailing slash with a 301 to the slashed one, and does nothing', async () => {
    const before = sandbox.state().sessions.length;
    for (const [method, path] of [
      ['GET', `/open-api/v1.1/sessions/1?guide=1`],
      ['POST', '/open-api/v1.1/sessions'],
      ['GET', '/sessions?guide=1&page=2'],
    ] as const) {
      const reply = await fetch(`${sandbox.origin}${path}`, {
        method,
        redirect: 'manual',
        headers: { Authorization: 'JWT test-key', 'Content-Type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify(validSession({ import_id: 'slashless' })) } : {}),
      });
      const [pathname, search = ''] = path.split('?');
      expect(reply.status, path).toBe(301);
      expect(reply.headers.get('location')).toBe(`${pathname}/${search ? `?${search}` : ''}`);
    }
    expect(sandbox.state().sessions.length).toBe(before);
  });

  it('answers each version in its own shape: v1 keeps last_updated, v1.1 has image instead', async () => {
    const created = (await api('POST', 'sessions/', validSession({ import_id: 'shape-1' }))).body;
    const v1 = (await api('GET', `${sandbox.origin}/open-api/v1/sessions/${created.id}/`)).body;
    expect(created).not.toHaveProperty('last_updated');
    expect(created).toHaveProperty('image', null);
    expect(v1).toHaveProperty('last_updated');
    expect(v1).not.toHaveProperty('image');
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Shaped' })).body;
    expect(track).not.toHaveProperty('last_updated');
    expect((await api('GET', `${sandbox.origin}/open-api/v1/schedule-tracks/${track.id}/`)).body).toHaveProperty('last_updated');
  });

  it('requires ?guide= for sessions in v1.1 but not in v1', async () => {
    const v11 = await api('GET', 'sessions/');
    expect(v11.status).toBe(400);
    expect(v11.body).toEqual({ guide: ['This field is required.'] });
    const v1 = await api('GET', `${sandbox.origin}/open-api/v1/sessions/`);
    expect(v1.status).toBe(200);
    expect(v1.body.results.every((s: { guide: number }) => s.guide !== 3)).toBe(true);
    expect((await api('GET', 'schedule-tracks/')).status).toBe(400);
    expect((await api('GET', 'locations/')).status).toBe(400);
    expect((await api('GET', 'sessions/?guide=abc')).body).toEqual({ guide: ['Enter a number.'] });
  });

  it('answers 405 with Allow for a method a path does not take', async () => {
    const put = await api('PUT', 'sessions/1/', validSession());
    expect(put.status).toBe(405);
    expect(put.body).toEqual({ detail: 'Method "PUT" not allowed.' });
    expect(put.headers.get('allow')).toBe('GET, PATCH, DELETE');
    expect((await api('DELETE', 'sessions/')).status).toBe(405);
    expect((await api('POST', 'guides/', { name: 'New' })).status).toBe(405);
  });

  it('answers 404 for unknown ids and unknown paths', async () => {
    expect((await api('GET', 'sessions/987654/')).body).toEqual({ detail: 'Not found.' });
    expect((await api('PATCH', 'sessions/987654/', { name: 'x' })).status).toBe(404);
    expect((await api('DELETE', 'locations/987654/')).status).toBe(404);
    expect((await api('GET', 'speakers/')).status).toBe(404);
    expect((await api('GET', 'sessions/abc/')).status).toBe(404);
  });

  it('reads a multipart body as form fields (the documented way to send images)', async () => {
    const form = new FormData();
    form.set('guide', '1');
    const response = await fetch(`${sandbox.apiUrl}sessions/`, { method: 'POST', body: form, headers: { Authorization: 'JWT right-key' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ name: ['This field is required.'], start_time: ['This field is required.'] });
  });

  it('answers 415 for a body of a type no parser reads', async () => {
    const response = await fetch(`${sandbox.apiUrl}sessions/`, {
      method: 'POST',
      body: 'guide: 1',
      headers: { Authorization: 'JWT right-key', 'Content-Type': 'text/yaml' },
    });
    expect(response.status).toBe(415);
  });
});
