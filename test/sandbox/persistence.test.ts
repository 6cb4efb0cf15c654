import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { defaultSandboxState, startSandbox, type SandboxState } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';
import { storedSession } from './stored-records.js';

const tempState = () => join(mkdtempSync(join(tmpdir(), 'sandbox-state-')), 'state.json');
const readState = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SandboxState;

describe('state file', () => {
  it('creates the file on start and restores everything after a restart', async () => {
    const stateFile = tempState();
    const first = await startSandbox({ stateFile });
    expect(readState(stateFile).guides.map((g) => g.id)).toEqual([1, 2, 3]);
    const api = apiClient(first);
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Talks' })).body.id;
    const room = (await api('POST', 'locations/', { guide: 1, name: 'Hall' })).body.id;
    const kept = (await api('POST', 'sessions/', validSession({ import_id: 'kept', schedule_tracks: [track], locations: [room] }))).body;
    const gone = (await api('POST', 'sessions/', validSession({ import_id: 'gone' }))).body;
    await api('PATCH', `sessions/${kept.id}/`, { name: 'Patched' });
    await api('DELETE', `sessions/${gone.id}/`);
    const before = first.state();
    await first.close();
    expect(existsSync(`${stateFile}.journal`)).toBe(false);
    expect(readState(stateFile)).toEqual(before);

    const second = await startSandbox({ stateFile });
    try {
      expect(second.state()).toEqual(before);
      const api2 = apiClient(second);
      expect((await api2('GET', `sessions/${kept.id}/`)).body).toMatchObject({
        name: 'Patched',
        schedule_tracks: [track],
        locations: [room],
      });
      expect((await api2('POST', 'sessions/', validSession())).body.id).toBe(gone.id + 1);
    } finally {
      await second.close();
    }
  });

  it('starts from a hand-written state file, filling in what it leaves out', async () => {
    const stateFile = tempState();
    writeFileSync(stateFile, JSON.stringify({ guides: [{ id: 42, name: 'Handmade', timezone: 'Europe/Paris' }] }));
    const sandbox = await startSandbox({ stateFile });
    try {
      const api = apiClient(sandbox);
      expect((await api('GET', 'guides/')).body.results).toEqual([
        { id: 42, name: 'Handmade', timezone: 'Europe/Paris', start_date: null, end_date: null },
      ]);
      expect((await api('POST', 'sessions/', validSession({ guide: 42 }))).status).toBe(201);
      expect((await api('GET', 'guides/1/')).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses a state file that is not JSON with a file error', async () => {
    const stateFile = tempState();
    writeFileSync(stateFile, '{ not json');
    const attempt = startSandbox({ stateFile });
    await expect(attempt).rejects.toBeInstanceOf(GuidebookImportError);
    await expect(attempt).rejects.toMatchObject({ code: 'file', message: expect.stringContaining(stateFile) });
  });

  it('replays a journal left by a killed run', async () => {
    const stateFile = tempState();
    writeFileSync(stateFile, JSON.stringify(defaultSandboxState()));
    const session = { ...validSession(), id: 7, start_time: '2027-05-10T13:00:00.000000+0000', end_time: null };
    writeFileSync(
      `${stateFile}.journal`,
      [
        JSON.stringify({ op: 'put', kind: 'sessions', record: session, nextId: 8 }),
        JSON.stringify({ op: 'budget', day: '2099-01-01', count: 12 }),
        '{"op":"put","kind":"sess', // the line a kill cut short
      ].join('\n'),
    );
    const sandbox = await startSandbox({ stateFile });
    try {
      expect(sandbox.state().sessions.map((s) => s.id)).toEqual([7]);
      expect(sandbox.state().nextIds.sessions).toBe(8);
      expect(sandbox.state().budget).toEqual({ day: '2099-01-01', count: 12 });
      expect(readState(stateFile).sessions.map((s) => s.id)).toEqual([7]);
      expect(readFileSync(`${stateFile}.journal`, 'utf8')).toBe('');
    } finally {
      await sandbox.close();
    }
  });

  it('keeps saving cheap: 2,000 creates into a large guide cost little more than with no file', async () => {
    const large = defaultSandboxState();
    for (let id = 1; id <= 5000; id += 1) {
      large.sessions.push(
        storedSession(id, 2, {
          name: validSession().name,
          description_html: `<p>${'x'.repeat(300)}</p>`,
          import_id: `pre-${id}`,
          start_time: '2027-09-20T08:00:00.000000+0000',
        }),
      );
    }
    large.nextIds.sessions = 5001;
    const timeCreates = async (stateFile: string | undefined) => {
      const sandbox = await startSandbox({ stateFile, initialState: large });
      const api = apiClient(sandbox);
      const started = performance.now();
      for (let i = 0; i < 2000; i += 1) await api('POST', 'sessions/', validSession({ import_id: `n-${i}` }));
      const elapsed = performance.now() - started;
      await sandbox.close();
      return elapsed;
    };
    const stateFile = tempState();
    const inMemory = await timeCreates(undefined);
    const withFile = await timeCreates(stateFile);
    expect(withFile - inMemory).toBeLessThan(3000);
    expect(readState(stateFile).sessions).toHaveLength(7000);
    // 4,000 requests: the bound is on the difference, the time limit only on a loaded machine.
  }, 120_000);
});
