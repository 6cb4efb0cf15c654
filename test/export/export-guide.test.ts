// exportGuide against the sandbox: what it reads, how many requests, and the zone it decides on.
import { describe, expect, it } from 'vitest';
import { exportGuide } from '../../src/export/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { API_KEY, clientFor } from './sandbox-fixture.js';
import { GUIDE, seededState } from './seed.js';

async function withSandbox<T>(
  state: ReturnType<typeof seededState>,
  pageSizeMax: number,
  body: (client: ReturnType<typeof clientFor>) => Promise<T>,
): Promise<T> {
  const sandbox = await startSandbox({ port: 0, apiKey: API_KEY, initialState: state, pageSizeMax });
  try {
    return await body(clientFor(sandbox));
  } finally {
    await sandbox.close();
  }
}

describe('exportGuide', () => {
  it("reads every page of the guide's sessions, and only that guide's", async () => {
    const agenda = await withSandbox(seededState(), 4, (client) => exportGuide(client, { guideId: GUIDE }));
    const inGuide = seededState().sessions.filter((s) => s.guide === GUIDE);
    expect(agenda.rows.map((row) => row[1]).sort()).toEqual(inGuide.map((s) => s.name).sort());
    // 1 guide + 4 pages of 13 sessions + 1 page each of tracks, locations, custom lists, list
    // items, links and relations (the speakers)
    expect(agenda.requests).toBe(11);
    expect(agenda).toMatchObject({ guideId: GUIDE, guideName: 'Sandbox Conference', timezone: 'America/New_York' });
  });

  it('normalises the zone asked for', async () => {
    const agenda = await withSandbox(seededState(), 500, (client) => exportGuide(client, { guideId: GUIDE, timezone: 'europe/berlin' }));
    expect(agenda.timezone).toBe('Europe/Berlin');
    expect(agenda.rows.every((row) => row[5] === 'Europe/Berlin' || row[6] === 'yes')).toBe(true);
  });

  it('stops with a timezone error when neither the guide nor the caller names a zone', async () => {
    const state = seededState();
    state.guides[0]!.timezone = null;
    await withSandbox(state, 500, async (client) => {
      await expect(exportGuide(client, { guideId: GUIDE })).rejects.toMatchObject({
        code: 'timezone',
        message: 'Guide 1 has no time zone: pass --timezone with the zone to write local times in (e.g. --timezone America/New_York)',
      });
      const agenda = await exportGuide(client, { guideId: GUIDE, timezone: 'UTC' });
      expect(agenda.timezone).toBe('UTC');
    });
  });

  it('refuses an unknown zone before any request', async () => {
    await withSandbox(seededState(), 500, async (client) => {
      await expect(exportGuide(client, { guideId: GUIDE, timezone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'timezone' });
      expect(client.requestCount).toBe(0);
    });
  });

  it('answers not_found for a guide that is not there', async () => {
    await withSandbox(seededState(), 500, async (client) => {
      await expect(exportGuide(client, { guideId: 42 })).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});
