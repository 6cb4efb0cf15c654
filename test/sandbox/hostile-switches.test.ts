// The sandbox's hostile switches (issue 10), each over real sockets: what real servers and
// proxies do that the documented service does not, reproducibly from the seed.
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/index.js';
import { startSandboxProcess, killAllSandboxes } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';
import { apiClient, validSession } from './client.js';

const open: SandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((sandbox) => sandbox.close()));
  await killAllSandboxes();
});

async function sandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const handle = await startSandbox({ port: 0, seed: 5, ...options });
  open.push(handle);
  return handle;
}

/** `count` sessions in guide 1 sharing two start times, created through the API. */
async function sessionsSharingStartTimes(handle: SandboxHandle, count: number): Promise<void> {
  const api = apiClient(handle);
  for (let i = 0; i < count; i += 1) {
    const hour = i % 2 === 0 ? '13' : '15';
    const created = await api(
      'POST',
      'sessions/',
      validSession({ import_id: `s-${i}`, start_time: `2027-05-10T${hour}:00:00Z`, end_time: null }),
    );
    expect(created.status).toBe(201);
  }
}

/** Every id of a list, following `next` as it is. */
async function walk(handle: SandboxHandle, first: string): Promise<{ ids: number[]; pages: number }> {
  const api = apiClient(handle);
  const ids: number[] = [];
  let url: string | null = first;
  let pages = 0;
  while (url) {
    const reply = await api('GET', url);
    expect(reply.status).toBe(200);
    ids.push(...reply.body.results.map((s: { id: number }) => s.id));
    url = reply.body.next;
    pages += 1;
  }
  return { ids, pages };
}

describe('--page-size-cap', () => {
  it('cuts a larger page_size to the cap, and can be changed while running', async () => {
    const handle = await sandbox({ pageSizeCap: 7 });
    await sessionsSharingStartTimes(handle, 20);
    const api = apiClient(handle);
    const first = await api('GET', 'sessions/?guide=1&page_size=500');
    expect(first.body.results).toHaveLength(7);
    expect(first.body.count).toBe(20);
    expect((await walk(handle, 'sessions/?guide=1&page_size=500')).pages).toBe(3);
    handle.setFaults({ pageSizeCap: 500 });
    expect((await api('GET', 'sessions/?guide=1&page_size=500')).body.results).toHaveLength(20);
  });
});

describe('--unstable-order', () => {
  it('orders by start time with ties shuffled on every request: pages repeat and skip sessions', async () => {
    const handle = await sandbox({ pageSizeCap: 5, unstableOrder: true });
    await sessionsSharingStartTimes(handle, 30);
    const walked = await walk(handle, 'sessions/?guide=1&page_size=500');
    expect(walked.ids).toHaveLength(30);
    // Pages drawn from differently shuffled orders: some ids twice, so others never.
    expect(new Set(walked.ids).size).toBeLessThan(30);
    const api = apiClient(handle);
    const a = (await api('GET', 'sessions/?guide=1&page_size=500')).body.results.map((s: { id: number }) => s.id);
    const b = (await api('GET', 'sessions/?guide=1&page_size=500')).body.results.map((s: { id: number }) => s.id);
    expect(a).not.toEqual(b);
  });

  it('is stable when the request asks for ordering=id', async () => {
    const handle = await sandbox({ pageSizeCap: 5, unstableOrder: true });
    await sessionsSharingStartTimes(handle, 30);
    const walked = await walk(handle, 'sessions/?guide=1&ordering=id');
    expect(walked.ids).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('shuffles the same way for the same seed, and not for another', async () => {
    const orders: number[][] = [];
    for (const seed of [11, 11, 12]) {
      const handle = await sandbox({ seed, unstableOrder: true });
      await sessionsSharingStartTimes(handle, 12);
      orders.push((await apiClient(handle)('GET', 'sessions/?guide=1')).body.results.map((s: { id: number }) => s.id));
    }
    expect(orders[0]).toEqual(orders[1]);
    expect(orders[0]).not.toEqual(orders[2]);
    // Still ordered by start time: the 13:00 sessions (odd ids) before the 15:00 ones.
    expect(orders[0]?.slice(0, 6).every((id) => id % 2 === 1)).toBe(true);
  });
});

describe('--ignore-ordering', () => {
  it('leaves ties shuffled even when the request asks for ordering=id', async () => {
    const handle = await sandbox({ unstableOrder: true, ignoreOrdering: true });
    await sessionsSharingStartTimes(handle, 12);
    const api = apiClient(handle);
    const ids = (await api('GET', 'sessions/?guide=1&ordering=id')).body.results.map((s: { id: number }) => s.id);
    expect(ids).not.toEqual([...ids].sort((a: number, b: number) => a - b));
  });
});

describe('--ignore-guide-filter', () => {
  it("lists every guide's records of the account, other filters still applied", async () => {
    const handle = await sandbox({ ignoreGuideFilter: true });
    const api = apiClient(handle);
    await api('POST', 'sessions/', validSession({ import_id: 'one' }));
    await api('POST', 'sessions/', validSession({ guide: 2, import_id: 'two' }));
    await api('POST', 'schedule-tracks/', { guide: 2, name: 'Berlin track' });
    const listed = await api('GET', 'sessions/?guide=1');
    expect(listed.body.results.map((s: { guide: number }) => s.guide)).toEqual([1, 2]);
    expect((await api('GET', 'sessions/?guide=1&import_id=two')).body.results.map((s: { guide: number }) => s.guide)).toEqual([2]);
    expect((await api('GET', 'schedule-tracks/?guide=1')).body.results.map((t: { name: string }) => t.name)).toEqual(['Berlin track']);
    // The guide filter is still required, as the service requires it.
    expect((await api('GET', 'sessions/')).status).toBe(400);
  });
});

describe('--redirect-writes', () => {
  it('answers writes with a 301 to https:// and does nothing', async () => {
    const handle = await sandbox({ redirectWrites: 'https' });
    const answer = await fetch(`${handle.apiUrl}sessions/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Authorization: 'JWT k', 'Content-Type': 'application/json' },
      body: JSON.stringify(validSession()),
    });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe(`https://127.0.0.1:${handle.port}/open-api/v1.1/sessions/`);
    expect(handle.state().sessions).toHaveLength(0);
    expect((await apiClient(handle)('GET', 'sessions/?guide=1')).status).toBe(200);
  });

  it("'path' answers a 302 that a following client turns into a GET answered 200", async () => {
    const handle = await sandbox({ redirectWrites: 'path' });
    const followed = await fetch(`${handle.apiUrl}sessions/?guide=1`, {
      method: 'POST',
      headers: { Authorization: 'JWT k', 'Content-Type': 'application/json' },
      body: JSON.stringify(validSession()),
    });
    // The trap a client must not fall into: "200" for a create that never happened.
    expect(followed.status).toBe(200);
    expect(handle.state().sessions).toHaveLength(0);
    expect(handle.requestLog.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /open-api/v1.1/sessions/ 302',
      'GET /sessions/ 200',
    ]);
  });
});

describe('--empty-create-answers', () => {
  it('does the create and answers 201 with an empty body', async () => {
    const handle = await sandbox({ emptyCreateAnswers: true });
    const answer = await fetch(`${handle.apiUrl}sessions/`, {
      method: 'POST',
      headers: { Authorization: 'JWT k', 'Content-Type': 'application/json' },
      body: JSON.stringify(validSession({ import_id: 'quiet' })),
    });
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe('');
    expect(handle.state().sessions.map((s) => s.import_id)).toEqual(['quiet']);
    // Only creates: a PATCH still answers the session.
    const patched = await apiClient(handle)('PATCH', 'sessions/1/', { name: 'Renamed' });
    expect(patched.body).toMatchObject({ id: 1, name: 'Renamed' });
  });
});

describe('--revoke-after', () => {
  it('answers 401 to every request after N, counted again when set through the admin path', async () => {
    const handle = await sandbox({ revokeAfter: 3 });
    const api = apiClient(handle);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await api('GET', 'guides/1/')).status);
    expect(statuses).toEqual([200, 200, 200, 401, 401]);
    const set = await fetch(`${handle.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ revokeAfter: 1 }) });
    expect(await set.json()).toMatchObject({ revokeAfter: 1 });
    expect([(await api('GET', 'guides/1/')).status, (await api('GET', 'guides/1/')).status]).toEqual([200, 401]);
    handle.setFaults({ revokeAfter: null });
    expect((await api('GET', 'guides/1/')).status).toBe(200);
  });

  it('rejects settings that make no sense', async () => {
    const handle = await sandbox();
    expect(() => handle.setFaults({ revokeAfter: -1 })).toThrow(/revokeAfter/);
    expect(() => handle.setFaults({ pageSizeCap: 0 })).toThrow(/pageSizeCap/);
    expect(() => handle.setFaults({ redirectWrites: 'ftp' as never })).toThrow(/redirectWrites/);
    const bad = await fetch(`${handle.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ unstableOrder: 'yes' }) });
    expect(bad.status).toBe(400);
  });
});

describe('--looping-next', () => {
  it('links the last page to itself again and again, under a new URL each time', async () => {
    const handle = await sandbox({ loopingNext: true, pageSizeCap: 2 });
    await sessionsSharingStartTimes(handle, 3);
    const api = apiClient(handle);
    const first = await api('GET', 'sessions/?guide=1');
    const second = await api('GET', first.body.next);
    const third = await api('GET', second.body.next);
    expect(new URL(first.body.next).searchParams.get('page')).toBe('2');
    expect(second.body.results.map((s: { id: number }) => s.id)).toEqual([3]);
    expect(third.body.results.map((s: { id: number }) => s.id)).toEqual([3]);
    expect(new Set([first.body.next, second.body.next, third.body.next]).size).toBe(3);
  });
});

describe('--throttle-next', () => {
  it('answers the next N requests 429 without Retry-After, then serves again', async () => {
    const handle = await sandbox({ throttleNext: 2 });
    const api = apiClient(handle);
    const answers = [await api('GET', 'guides/1/'), await api('GET', 'guides/1/'), await api('GET', 'guides/1/')];
    expect(answers.map((a) => a.status)).toEqual([429, 429, 200]);
    expect(answers[0]?.headers.get('retry-after')).toBeNull();
    handle.setFaults({ throttleNext: 1 });
    expect((await api('GET', 'guides/1/')).status).toBe(429);
  });
});

describe('--slow-body-ms', () => {
  it('sends the status at once and the body later', async () => {
    const handle = await sandbox({ slowBodyMs: 300 });
    const answer = await fetch(`${handle.apiUrl}guides/1/`, { headers: { Authorization: 'JWT k' } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: 1 });
  });
});

describe('the sandbox command', () => {
  it('takes every switch as a flag', async () => {
    const dir = tempDir('gi-hostile');
    const running = await startSandboxProcess({
      dir,
      args: [
        '--page-size-cap',
        '20',
        '--unstable-order',
        '--ignore-guide-filter',
        '--ignore-ordering',
        '--redirect-writes',
        '--empty-create-answers',
        '--revoke-after',
        '50',
        '--slow-body-ms',
        '5',
        '--looping-next',
        '--throttle-next',
        '3',
      ],
    });
    // Said on start, so a rehearsal never forgets what it asked for.
    await running.cli.stderrContains('Faults and switches: pageSizeCap=20, unstableOrder=true, ignoreGuideFilter=true');
    const settings = (await (await fetch(`${running.origin}/__sandbox/faults`)).json()) as Record<string, unknown>;
    expect(settings).toMatchObject({
      pageSizeCap: 20,
      unstableOrder: true,
      ignoreGuideFilter: true,
      ignoreOrdering: true,
      redirectWrites: 'https',
      emptyCreateAnswers: true,
      revokeAfter: 50,
      slowBodyMs: 5,
      loopingNext: true,
      throttleNext: 3,
    });
  });
});
