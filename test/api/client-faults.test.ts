import { describe, expect, it } from 'vitest';
import { GuidebookImportError, HttpError, NetworkError } from '../../src/errors.js';
import { client, rejectionOf, sandbox, sessionBody } from './sandbox-fixture.js';

const NOON_UTC = Date.parse('2027-03-01T12:00:00Z');
const isFailure = (status: number) => status >= 500;

describe('the daily budget', () => {
  it('a 429 with a long Retry-After stops the client: nothing more is sent', async () => {
    const server = await sandbox({ dailyBudget: 3, now: () => NOON_UTC });
    const api = client(server);
    for (let index = 0; index < 3; index++) await api.getGuide(1);

    const spent = await rejectionOf(api.getGuide(1));

    expect(spent).toBeInstanceOf(GuidebookImportError);
    expect(spent.code).toBe('budget');
    expect(spent.message).toMatch(/^the daily API request budget is spent; the server asks to wait 720 minutes/);
    expect(server.requestLog.map((entry) => entry.status)).toEqual([200, 200, 200, 429]);
    expect(api.backoffs).toEqual([]);

    server.resetBudget();
    const later = [api.getGuide(1), api.createSession(sessionBody(1)), api.deleteSession(1)];
    for (const call of later) expect((await rejectionOf(call)).code).toBe('budget');
    expect(server.requestLog).toHaveLength(4);
    expect(api.requestCount).toBe(4);
  });

  it('a short 429 is throttling: waited out with growing pauses for up to two minutes, then taken as the budget', async () => {
    // One second before the UTC day ends the sandbox asks for a 1-second wait: a short 429.
    const server = await sandbox({ dailyBudget: 0, now: () => Date.parse('2027-03-01T23:59:59Z') });
    const api = client(server, { retries: 3, random: () => 0.5 });

    const spent = await rejectionOf(api.listSessions(1)[Symbol.asyncIterator]().next());

    expect(spent.code).toBe('budget');
    expect(spent.message).toMatch(/^the server kept answering 429 \(too many requests\) through 2 minutes of waiting/);
    expect((spent as HttpError).retryAfterSeconds).toBe(1);
    // Longer than the 1 s asked for, and more waits than the 3 retries of other failures.
    expect(api.backoffs).toEqual([1500, 3000, 6000, 12_000, 22_500, 22_500, 22_500, 22_500]);
    expect(server.requestLog.map((entry) => entry.status)).toEqual(Array.from({ length: 9 }, () => 429));
    expect((await rejectionOf(api.getGuide(1))).code).toBe('budget');
    expect(server.requestLog).toHaveLength(9);
  });
});

describe('retries against a failing server', () => {
  it('GET and PATCH succeed through 5xx answers, with exactly one extra request per failure', async () => {
    const server = await sandbox({ seed: 11 });
    const api = client(server, { random: () => 0.5 });
    const ids: number[] = [];
    for (let index = 1; index <= 5; index++) ids.push((await api.createSession(sessionBody(index))).session.id);
    const before = server.requestLog.length;
    server.setFaults({ failRate: 0.35 });

    for (const id of ids) {
      await api.patchSession(id, { guide: 1, name: `Renamed ${id}` });
      expect((await api.getSession(id)).name).toBe(`Renamed ${id}`);
    }

    const sent = server.requestLog.slice(before);
    const failures = sent.filter((entry) => isFailure(entry.status)).length;
    expect(failures).toBeGreaterThan(0);
    expect(sent.length).toBe(10 + failures);
    expect(api.requestCount).toBe(before + 10 + failures);
    expect(api.backoffs).toHaveLength(failures);
    // With the jitter draw fixed at 0.5, each delay is half of 250·2^k.
    expect(api.backoffs.every((ms) => [125, 250, 500, 1000].includes(ms))).toBe(true);
  });

  it('gives up after the retries with the last HttpError', async () => {
    const server = await sandbox({ failRate: 1 });
    const api = client(server, { retries: 2, random: () => 0.999 });
    const error = await rejectionOf(api.getGuide(1));
    expect(error).toBeInstanceOf(HttpError);
    expect([500, 502, 503]).toContain((error as HttpError).status);
    expect(server.requestLog).toHaveLength(3);
    expect(api.backoffs).toEqual([249, 499]);
  });

  it('a per-attempt timeout is a network failure, retried, then reported without the key', async () => {
    const server = await sandbox({ latencyMs: 200 });
    const api = client(server, { timeoutMs: 40, retries: 1 });
    const error = await rejectionOf(api.getGuide(1));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/^GET \/guides\/1\/: no complete answer from 127\.0\.0\.1:\d+ within 40 ms \(--timeout-ms\)$/);
    expect(api.requestCount).toBe(2);
    expect(api.backoffs).toHaveLength(1);
  });

  it('a POST whose answer is lost is looked up by import_id, never duplicated', async () => {
    const server = await sandbox({ seed: 5, dropRate: 0.5, failRate: 0.15 });
    const api = client(server);
    const bodies = Array.from({ length: 20 }, (_, index) => sessionBody(index + 1));

    const outcomes = await Promise.all(bodies.map((body) => api.createSession(body)));

    const stored = server.state().sessions;
    expect(stored.map((session) => session.import_id).sort()).toEqual(bodies.map((body) => body.import_id).sort());
    const droppedPosts = server.requestLog.filter((entry) => entry.method === 'POST' && entry.dropped).length;
    expect(droppedPosts).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.recovered)).toHaveLength(droppedPosts);
    for (const outcome of outcomes) {
      expect(stored.find((session) => session.id === outcome.session.id)?.import_id).toBe(outcome.session.import_id);
    }
    expect(api.requestCount).toBe(server.requestLog.length);
  });

  it('a lost track create is found by name instead of being sent again', async () => {
    const server = await sandbox({ dropRate: 1 });
    const api = client(server);
    const track = await api.createScheduleTrack({ guide: 1, name: 'Workshops' });
    expect(track.name).toBe('Workshops');
    expect(server.state().schedule_tracks).toHaveLength(1);
    expect(server.requestLog.filter((entry) => entry.method === 'POST')).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('maxRequests: the request past the limit is never sent', async () => {
    const server = await sandbox();
    const api = client(server, { maxRequests: 3 });
    for (let index = 1; index <= 3; index++) await api.createSession(sessionBody(index));

    const error = await rejectionOf(api.createSession(sessionBody(4)));

    expect(error.code).toBe('max_requests');
    expect(error.message).toMatch(/limit of 3 requests/);
    expect(server.requestLog).toHaveLength(3);
    expect(server.state().sessions).toHaveLength(3);
    expect(api.requestCount).toBe(3);
  });

  it('maxRequests counts retries too', async () => {
    const server = await sandbox({ failRate: 1 });
    const api = client(server, { maxRequests: 2, retries: 4 });
    expect((await rejectionOf(api.getGuide(1))).code).toBe('max_requests');
    expect(server.requestLog).toHaveLength(2);
  });

  it('an aborted signal starts no new request', async () => {
    const server = await sandbox();
    const controller = new AbortController();
    const api = client(server, { signal: controller.signal });
    await api.getGuide(1);
    controller.abort();

    const error = await rejectionOf(api.getGuide(1));

    expect(error.code).toBe('interrupted');
    expect(server.requestLog).toHaveLength(1);
  });

  it('an abort during a retry lets the request in flight finish but sends no retry', async () => {
    const server = await sandbox({ failRate: 1 });
    const controller = new AbortController();
    const api = client(server, {
      signal: controller.signal,
      onRequest: (info) => {
        if (info.attempt === 2) controller.abort();
      },
    });
    const error = await rejectionOf(api.getGuide(1));
    expect(error.code).toBe('interrupted');
    expect(server.requestLog).toHaveLength(2);
  });

  it('requests queued behind the throttle are not sent after an abort', async () => {
    const server = await sandbox({ latencyMs: 30 });
    const controller = new AbortController();
    const api = client(server, { signal: controller.signal, concurrency: 1 });
    const calls = Array.from({ length: 5 }, () =>
      api.getGuide(1).then(
        () => 'done',
        (error: GuidebookImportError) => error.code,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const results = await Promise.all(calls);
    expect(results).toEqual(['done', 'interrupted', 'interrupted', 'interrupted', 'interrupted']);
    expect(server.requestLog).toHaveLength(1);
  });
});
