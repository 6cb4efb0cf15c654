// A state file loaded and saved again keeps its bytes: a check that compares the file before and
// after a run (a dry run must change nothing) must not see a restart of the sandbox as a change.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { apiClient, validSession } from './client.js';

describe('state file bytes across a restart', () => {
  it('are the same when nothing changed in between', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'sandbox-bytes-')), 'state.json');
    const first = await startSandbox({ stateFile });
    const api = apiClient(first);
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Talks' })).body.id;
    const room = (await api('POST', 'locations/', { guide: 1, name: 'Hall' })).body.id;
    await api('POST', 'sessions/', validSession({ import_id: 'a', schedule_tracks: [track], locations: [room] }));
    await first.close();
    const saved = readFileSync(stateFile, 'utf8');

    const second = await startSandbox({ stateFile });
    await second.close();
    expect(readFileSync(stateFile, 'utf8')).toBe(saved);
  });

  it('a hand-written record keeps its own key order and gets the missing fields after them', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'sandbox-bytes-')), 'state.json');
    writeFileSync(
      stateFile,
      JSON.stringify({ sessions: [{ name: 'Hand', id: 4, guide: 1, start_time: '2027-05-10T13:00:00.000000+0000' }] }),
    );
    const sandbox = await startSandbox({ stateFile });
    await sandbox.close();
    const keys = Object.keys((JSON.parse(readFileSync(stateFile, 'utf8')) as { sessions: object[] }).sessions[0]!);
    expect(keys.slice(0, 4)).toEqual(['name', 'id', 'guide', 'start_time']);
    expect(keys).toContain('registration_end_date');
  });
});
