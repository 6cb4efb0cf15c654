import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client.js';
import { GuidebookImportError, HttpError } from '../../src/errors.js';
import { API_KEY, client, collect, rejectionOf, sandbox, sessionBody } from './sandbox-fixture.js';

describe('client against the sandbox: reading', () => {
  it('reads a guide, from an origin-only URL too', async () => {
    const server = await sandbox();
    const seen: unknown[] = [];
    const api = createClient({ apiUrl: server.origin, apiKey: API_KEY, onRequest: (info) => seen.push(info) });
    const guide = await api.getGuide(1);
    expect(seen).toEqual([{ method: 'GET', path: '/guides/1/', attempt: 1 }]);
    expect(guide).toMatchObject({ id: 1, timezone: 'America/New_York' });
    expect(api.requestCount).toBe(1);
    expect(server.requestLog.map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /open-api/v1.1/guides/1/']);
  });

  it('follows next over several pages when the server caps the page size', async () => {
    const server = await sandbox({ pageSizeMax: 5 });
    const api = client(server);
    for (let index = 1; index <= 12; index++) await api.createSession(sessionBody(index));
    const before = server.requestLog.length;

    const sessions = await collect(api.listSessions(1));

    expect(sessions.map((session) => session.import_id).sort()).toEqual(
      Array.from({ length: 12 }, (_, index) => `imp-${index + 1}`).sort(),
    );
    const pageRequests = server.requestLog.slice(before);
    expect(pageRequests).toHaveLength(3);
    expect(pageRequests.every((entry) => entry.method === 'GET' && entry.query.page_size === '500' && entry.query.guide === '1')).toBe(
      true,
    );
    expect(api.requestCount).toBe(server.requestLog.length);
  });

  it('asks for its own page size and pages through it', async () => {
    const server = await sandbox();
    const api = client(server, { pageSize: 4 });
    for (let index = 1; index <= 9; index++) await api.createSession(sessionBody(index));
    const before = server.requestLog.length;
    expect(await collect(api.listSessions(1))).toHaveLength(9);
    expect(server.requestLog.slice(before).map((entry) => entry.query.page_size)).toEqual(['4', '4', '4']);
  });

  it('filters by guide and import_id', async () => {
    const server = await sandbox();
    const api = client(server);
    await api.createSession(sessionBody(1));
    await api.createSession(sessionBody(2));
    await api.createSession(sessionBody(3, { guide: 2 }));

    expect((await collect(api.listSessions(1))).map((session) => session.import_id).sort()).toEqual(['imp-1', 'imp-2']);
    const found = await api.findSessionsByImportId(1, 'imp-2');
    expect(found.map((session) => session.name)).toEqual(['Talk 2']);
    expect(server.requestLog.at(-1)?.query).toMatchObject({ guide: '1', import_id: 'imp-2' });
    expect(await api.findSessionsByImportId(1, 'imp-3')).toEqual([]);
    expect(await api.findSessionsByImportId(2, 'imp-3')).toHaveLength(1);
  });

  it('lists and creates tracks and locations', async () => {
    const server = await sandbox();
    const api = client(server);
    const track = await api.createScheduleTrack({ guide: 1, name: 'Keynotes', color: '#000080' });
    const room = await api.createLocation({ guide: 1, name: 'Room A', location_type: 2 });
    expect(track).toMatchObject({ guide: 1, name: 'Keynotes' });
    expect(room).toMatchObject({ guide: 1, name: 'Room A' });
    expect((await collect(api.listScheduleTracks(1))).map((item) => item.id)).toEqual([track.id]);
    expect((await collect(api.listLocations(1))).map((item) => item.id)).toEqual([room.id]);
    expect(await collect(api.listScheduleTracks(2))).toEqual([]);
  });
});

describe('client against the sandbox: writing', () => {
  it('creates a session and says it was not recovered', async () => {
    const server = await sandbox();
    const api = client(server);
    const outcome = await api.createSession(sessionBody(1));
    expect(outcome.recovered).toBe(false);
    expect(outcome.status).toBe(201);
    expect(outcome.session).toMatchObject({ guide: 1, name: 'Talk 1', import_id: 'imp-1' });
    expect(server.state().sessions).toHaveLength(1);
  });

  it('PATCH sends only the given fields and leaves the others alone', async () => {
    const server = await sandbox();
    const api = client(server);
    const { session } = await api.createSession(sessionBody(1, { allow_rating: true }));

    const patched = await api.patchSession(session.id, { guide: 1, name: 'Renamed' });

    expect(server.requestLog.at(-1)).toMatchObject({ method: 'PATCH', body: { guide: 1, name: 'Renamed' } });
    expect(patched.name).toBe('Renamed');
    const reread = await api.getSession(session.id);
    expect(reread).toEqual({ ...session, name: 'Renamed', last_updated: reread.last_updated });
  });

  it('DELETE removes the session; reading it again answers 404', async () => {
    const server = await sandbox();
    const api = client(server);
    const kept = (await api.createSession(sessionBody(1))).session;
    const removed = (await api.createSession(sessionBody(2))).session;

    await api.deleteSession(removed.id);

    expect(server.state().sessions.map((session) => session.id)).toEqual([kept.id]);
    const error = await rejectionOf(api.getSession(removed.id));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404, method: 'GET', path: `/sessions/${removed.id}/` });
  });

  it('a DELETE whose answer was lost and that then gets 404 counts as done', async () => {
    const server = await sandbox();
    const api = client(server, {
      // Only the first DELETE loses its answer.
      onRequest: (info) => {
        if (info.attempt === 2) server.setFaults({ dropRate: 0 });
      },
    });
    const { session } = await api.createSession(sessionBody(1));
    server.setFaults({ dropRate: 1 });

    await api.deleteSession(session.id);

    expect(server.state().sessions).toEqual([]);
    expect(server.requestLog.slice(-2).map((entry) => [entry.method, entry.status])).toEqual([
      ['DELETE', expect.any(Number)],
      ['DELETE', 404],
    ]);
    expect(server.requestLog.at(-2)?.dropped).toBe(true);
  });

  it('a DELETE of a session that does not exist is an error on the first attempt', async () => {
    const server = await sandbox();
    const api = client(server);
    const error = await rejectionOf(api.deleteSession(4242));
    expect(error).toMatchObject({ status: 404, method: 'DELETE', path: '/sessions/4242/' });
    expect(api.requestCount).toBe(1);
  });

  it('a 400 becomes an HttpError with the server field messages, not retried', async () => {
    const server = await sandbox();
    const api = client(server);
    const error = await rejectionOf(api.createSession(sessionBody(1, { name: '', start_time: 'next tuesday' })));

    expect(error).toBeInstanceOf(HttpError);
    const httpError = error as HttpError;
    expect(httpError.status).toBe(400);
    expect(httpError.method).toBe('POST');
    expect(httpError.path).toBe('/sessions/');
    expect(Object.keys(httpError.fieldErrors).sort()).toEqual(['name', 'start_time']);
    expect(httpError.fieldErrors.name?.[0]).toMatch(/\w/);
    expect(httpError.message).toContain('POST /sessions/ answered 400: ');
    expect(httpError.message).toContain(`name: ${httpError.fieldErrors.name?.join(' ')}`);
    expect(api.requestCount).toBe(1);
    expect(server.state().sessions).toEqual([]);
  });
});

describe('client against the sandbox: access', () => {
  it('a rejected key is a clear auth error that never shows the key', async () => {
    const server = await sandbox();
    const wrongKey = 'wrong-key-0d9f8e7c6b';
    const api = createClient({ apiUrl: server.apiUrl, apiKey: wrongKey });

    const error = await rejectionOf(api.getGuide(1));

    expect(error).toBeInstanceOf(GuidebookImportError);
    expect(error.code).toBe('auth');
    expect(error.message).toBe('the API key was rejected (HTTP 401): check GUIDEBOOK_API_KEY or --api-key-file; nothing more is sent');
    expect(server.requestLog.map((entry) => entry.status)).toEqual([401]);
    for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), String(error.stack)]) {
      expect(text).not.toContain(wrongKey);
      expect(text).not.toContain(API_KEY);
    }
  });

  it('an unknown guide and a guide of another account are not_found', async () => {
    const server = await sandbox();
    const api = client(server);

    const unknown = await rejectionOf(api.getGuide(47));
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toBe('guide 47 not found or not yours (HTTP 404)');

    const foreign = await rejectionOf(api.getGuide(3));
    expect(foreign.code).toBe('not_found');
    expect(foreign.message).toBe('guide 3 not found or not yours (HTTP 403)');
    expect(api.requestCount).toBe(2);
  });
});
