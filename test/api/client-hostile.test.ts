// The client believes nothing it has not checked (issue 10, section 1): each point against the
// sandbox's hostile switches, over real sockets, asserting what was sent and what came back.
import { describe, expect, it } from 'vitest';
import { GuideScope } from '../../src/api/guide-scope.js';
import { type HttpError, NetworkError } from '../../src/errors.js';
import { API_KEY, client, collect, rejectionOf, sandbox, sessionBody } from './sandbox-fixture.js';

describe('the guide answer', () => {
  it('must be guide N itself: an HTML login page is one clear error, after one request', async () => {
    const server = await sandbox({ loginPage: true });
    const api = client(server);
    const error = await rejectionOf(api.getGuide(1));
    expect(error.code).toBe('http');
    expect(error.message).toBe(
      'GET /guides/1/ answered an HTML page instead of guide 1; check --api-url (e.g. https://builder.guidebook.com/open-api/v1.1/). Nothing was written',
    );
    expect(server.requestLog).toHaveLength(1);
  });
});

describe('what is sent', () => {
  it('every list asks for its guide and ordering=id; a programming error without a guide never reaches the wire', async () => {
    const server = await sandbox();
    const api = client(server);
    await collect(api.listSessions(1));
    await collect(api.listScheduleTracks(1));
    await collect(api.listLocations(1));
    expect(server.requestLog.map((entry) => [entry.query.guide, entry.query.ordering])).toEqual([
      ['1', 'id'],
      ['1', 'id'],
      ['1', 'id'],
    ]);
    expect(() => api.listSessions(undefined as unknown as number)).toThrow(
      /internal error: a list of sessions was about to be requested without a guide id/,
    );
    await expect(api.createSession({ ...sessionBody(1), guide: undefined as unknown as number })).rejects.toThrow(/internal error/);
    await expect(api.patchSession(1, { name: 'x' } as never)).rejects.toThrow(/internal error/);
    expect(server.requestLog).toHaveLength(3);
  });
});

describe('a server that ignores the guide filter', () => {
  it("drops other guides' records and counts them in one warning per kind", async () => {
    const server = await sandbox({ ignoreGuideFilter: true });
    const api = client(server);
    await api.createSession(sessionBody(1));
    await api.createSession(sessionBody(2, { guide: 2, import_id: 'imp-1' }));
    await api.createSession(sessionBody(3, { guide: 2 }));
    await api.createScheduleTrack({ guide: 2, name: 'Berlin' });

    expect((await collect(api.listSessions(1))).map((s) => [s.id, s.guide])).toEqual([[1, 1]]);
    expect(await collect(api.listScheduleTracks(1))).toEqual([]);
    // The lookup by import_id a lost create relies on never finds guide 2's namesake either.
    expect((await api.findSessionsByImportId(1, 'imp-1')).map((s) => s.id)).toEqual([1]);
    expect(api.warnings()).toEqual([
      'the server listed 3 sessions of other guides when asked for guide 1 (it ignored the guide filter); they were left out and nothing of another guide was changed or deleted',
      'the server listed 1 schedule track of other guides when asked for guide 1 (it ignored the guide filter); they were left out and nothing of another guide was changed or deleted',
    ]);
  });

  it('stops at a listed record without a guide field: neither keeping nor dropping it is safe', async () => {
    async function* records(): AsyncGenerator<unknown> {
      yield { id: 1, guide: 1 };
      yield { id: 2 };
    }
    const scope = new GuideScope();
    const kept: unknown[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const record of scope.only('session', 1, records())) kept.push(record);
      })(),
    );
    expect(kept).toEqual([{ id: 1, guide: 1 }]);
    expect(error.message).toBe(
      'the server listed a session (id 2) without a numeric "guide" field: it cannot be told whether it belongs to guide 1, so the run stopped before writing anything',
    );
  });
});

describe('write answers', () => {
  it('a 201 with an empty body is recovered by import_id: done once, never sent twice', async () => {
    const server = await sandbox({ emptyCreateAnswers: true });
    const api = client(server);
    const created = await api.createSession(sessionBody(1));
    expect(created).toMatchObject({ recovered: true, unusableAnswer: true, status: 201 });
    expect(created.session).toMatchObject({ id: 1, import_id: 'imp-1', guide: 1 });
    expect(server.requestLog.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 201', 'GET 200']);
    expect(server.state().sessions).toHaveLength(1);
  });

  it('a 201 with an empty body and nothing to find fails with a plain message, not sent again', async () => {
    const server = await sandbox({ emptyCreateAnswers: true });
    const api = client(server);
    // The server trims the import_id (as DRF's CharField does), so the lookup by the import_id
    // as sent finds nothing: the create cannot be confirmed.
    const error = await rejectionOf(api.createSession(sessionBody(1, { import_id: ' imp-1 ' })));
    expect(error.code).toBe('http');
    expect(error.message).toBe(
      'POST /sessions/ answered 201 with an empty body instead of the created record, and no such record was found afterwards: it is not counted as created',
    );
    expect(server.requestLog.map((entry) => entry.method)).toEqual(['POST', 'GET']);
  });

  it('an empty PATCH answer is checked by reading the session back', async () => {
    const server = await sandbox();
    const api = client(server);
    const { session } = await api.createSession(sessionBody(1));
    const patched = await api.patchSession(session.id, { guide: 1, name: 'Renamed' });
    expect(patched).toMatchObject({ id: session.id, name: 'Renamed' });
  });
});

describe('redirects', () => {
  it('are never followed: a 301 to https names where it pointed and suggests the https:// URL, and halts the client', async () => {
    const server = await sandbox({ redirectWrites: 'https' });
    const api = client(server);
    const error = await rejectionOf(api.createSession(sessionBody(1)));
    expect(error.code).toBe('redirect');
    expect(error.message).toBe(
      `POST /sessions/ answered 301, a redirect to https://127.0.0.1:${server.port}/open-api/v1.1/sessions/: redirects are never followed; ` +
        `use the https:// API URL (https://127.0.0.1:${server.port}/open-api/v1.1/)`,
    );
    // Nothing more is sent, reads included: the URL is wrong for all of them.
    expect((await rejectionOf(api.getGuide(1))).code).toBe('redirect');
    expect(server.requestLog.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['POST 301']);
    expect(api.requestCount).toBe(1);
    expect(server.state().sessions).toHaveLength(0);
  });

  it('a 302 that a following client would turn into a GET answered 200 is not a create', async () => {
    const server = await sandbox({ redirectWrites: 'path' });
    const api = client(server);
    const error = await rejectionOf(api.createSession(sessionBody(1)));
    expect(error.code).toBe('redirect');
    expect(error.message).toContain('answered 302, a redirect to http://127.0.0.1:');
    expect(server.requestLog.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /open-api/v1.1/sessions/ 302',
    ]);
  });
});

describe('listing', () => {
  it('with capped pages and shuffled ties, lists every session once (it asks for ordering=id)', async () => {
    const server = await sandbox({ pageSizeCap: 7, unstableOrder: true });
    const api = client(server);
    for (let i = 1; i <= 40; i += 1) await api.createSession(sessionBody(i, { start_time: '2027-05-10T13:00:00+00:00', end_time: null }));
    const mark = server.requestLog.length;
    const listed = await collect(api.listSessions(1));
    expect(listed.map((s) => s.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(server.requestLog.length - mark).toBe(6);
  });

  it('a next link under a new URL every page stops at the page count the server itself announced', async () => {
    const server = await sandbox({ pageSizeCap: 5, loopingNext: true });
    const api = client(server);
    for (let i = 1; i <= 12; i += 1) await api.createSession(sessionBody(i));
    const mark = server.requestLog.length;
    const error = await rejectionOf(collect(api.listSessions(1)));
    expect(error.message).toMatch(
      /^GET \/sessions\/\?guide=1&ordering=id&page_size=500&page=3&x=\d+: the server keeps sending pages \(6 pages, 18 records\) beyond the 12 records it counted; the listing was stopped and nothing was written$/,
    );
    // Three real pages and three repeats (one page of slack past the count): the budget is not burnt.
    expect(server.requestLog.length - mark).toBe(6);
  });

  it('an empty page that links to a next one is an error at once', async () => {
    const server = await sandbox({ loopingNext: true });
    const error = await rejectionOf(collect(client(server).listSessions(1)));
    expect(error.message).toBe(
      'GET /sessions/?guide=1&ordering=id&page_size=500: page 1 is empty but links to a next page; the listing was stopped and nothing was written',
    );
    expect(server.requestLog).toHaveLength(1);
  });

  it('pages that shift under a server ignoring ordering=id are read again for what they skipped', async () => {
    const server = await sandbox({ pageSizeCap: 5, unstableOrder: true, ignoreOrdering: true, seed: 3 });
    const api = client(server);
    // Two sessions at each start time: ties that a page boundary can cut.
    for (let i = 1; i <= 20; i += 1) {
      await api.createSession(
        sessionBody(i, { start_time: `2027-05-10T${String(8 + Math.floor((i - 1) / 2)).padStart(2, '0')}:00:00+00:00`, end_time: null }),
      );
    }
    const mark = server.requestLog.length;
    const listed = await collect(api.listSessions(1));
    expect(listed.map((s) => s.id).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // More than the 4 pages of one read: at least one page was read again.
    expect(server.requestLog.length - mark).toBeGreaterThan(4);
  });

  it('a list that keeps shifting is an error after three reads, not a plan with gaps', async () => {
    const server = await sandbox({ pageSizeCap: 5, unstableOrder: true, ignoreOrdering: true });
    const api = client(server);
    for (let i = 1; i <= 30; i += 1) await api.createSession(sessionBody(i, { start_time: '2027-05-10T13:00:00+00:00', end_time: null }));
    const mark = server.requestLog.length;
    const error = await rejectionOf(collect(api.listSessions(1)));
    expect(error.message).toMatch(
      /^GET \/sessions\/\?guide=1&ordering=id&page_size=500: the server counted 30 records but 3 reads of its pages held \d+ distinct ones: its order shifts between pages/,
    );
    expect(server.requestLog.length - mark).toBe(18);
  });
});

describe('deadlines and sizes', () => {
  it('one deadline covers the whole attempt, a body that stalls after the headers included', async () => {
    const server = await sandbox({ slowBodyMs: 400 });
    const api = client(server, { timeoutMs: 100, retries: 1 });
    const error = await rejectionOf(api.getGuide(1));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^GET \/guides\/1\/: no complete answer from 127\.0\.0\.1:\d+ within 100 ms \(--timeout-ms\)$/);
    // Both attempts reached the server and sent their headers: only the deadline ended them.
    expect(server.requestLog.map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('an answer larger than the cap is refused and not retried', async () => {
    const server = await sandbox();
    const api = client(server, { maxAnswerBytes: 2_000 });
    for (let i = 1; i <= 10; i += 1) await api.createSession(sessionBody(i));
    const error = await rejectionOf(collect(api.listSessions(1)));
    expect(error.code).toBe('http');
    expect(error.message).toBe(
      'GET /sessions/?guide=1&ordering=id&page_size=500: the answer is larger than 2000 bytes, more than any page or record of the API; it was not read (is the API URL right?)',
    );
  });
});

describe('a key rejected mid-run', () => {
  it('halts the client at the first 401: nothing more is sent', async () => {
    const server = await sandbox({ revokeAfter: 2 });
    const api = client(server);
    await api.getGuide(1);
    await api.createSession(sessionBody(1));
    const error = await rejectionOf(api.createSession(sessionBody(2)));
    expect(error.code).toBe('auth');
    expect((error as HttpError).status).toBe(401);
    for (const later of [api.createSession(sessionBody(3)), api.getGuide(1)]) expect((await rejectionOf(later)).code).toBe('auth');
    expect(server.requestLog.map((entry) => entry.status)).toEqual([200, 201, 401]);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });
});

describe('a 403 to a write', () => {
  it('halts the client like a rejected key (a 403 to a read does not)', async () => {
    const server = await sandbox();
    const api = client(server);
    // Guide 3 belongs to another account: reading it answers 403 and the client goes on.
    expect((await rejectionOf(api.getGuide(3))).code).toBe('not_found');
    const error = await rejectionOf(api.createSession(sessionBody(1, { guide: 3 })));
    expect(error.code).toBe('auth');
    expect(error.message).toBe(
      'POST /sessions/ answered 403 (permission denied): the API key may not write to this guide; nothing more is sent',
    );
    expect((await rejectionOf(api.getGuide(1))).code).toBe('auth');
    expect(server.requestLog.map((entry) => `${entry.method} ${entry.status}`)).toEqual(['GET 403', 'POST 403']);
  });
});

describe('429 from a rate limiter', () => {
  it('is waited out with growing pauses (recorded, not slept) and the request then succeeds', async () => {
    const server = await sandbox({ throttleNext: 3 });
    const api = client(server, { random: () => 0.5 });
    expect((await api.getGuide(1)).id).toBe(1);
    expect(api.backoffs).toEqual([1500, 3000, 6000]);
    expect(server.requestLog.map((entry) => entry.status)).toEqual([429, 429, 429, 200]);
  });

  it('that never ends is called the budget only after about two minutes of waiting, and says so', async () => {
    const server = await sandbox({ throttleNext: 1000 });
    const api = client(server, { random: () => 0.5 });
    const error = await rejectionOf(api.getGuide(1));
    expect(error.code).toBe('budget');
    expect(error.message).toMatch(/^the server kept answering 429 \(too many requests\) through 2 minutes of waiting/);
    expect(api.backoffs.reduce((sum, ms) => sum + ms, 0)).toBe(112_500);
    expect(server.requestLog).toHaveLength(9);
  });
});
