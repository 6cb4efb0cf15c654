// knownReferences: a plan made moments ago from a fresh listing need not list tracks and
// locations again before creating the missing ones (one request per kind saved, same result).
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import type { ApiLocation, ApiScheduleTrack } from '../../src/types.js';
import { agenda } from './hand-plan.js';
import { planAgainstServer } from './real-plan.js';
import { GUIDE, clientFor, countBy, kindOf, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

describe('applyPlan with knownReferences', () => {
  it('creates each missing track and location once without listing them again, and reuses the known ones', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const existing = await client.createScheduleTrack({ guide: GUIDE, name: 'Talks' });
    const [a, b] = agenda(2);
    const sheet = [
      { fields: a!, tracks: ['Talks', 'Workshops'], locations: ['Hall B'] },
      { fields: b!, tracks: ['workshops'], locations: ['Hall B'] },
    ];
    const plan = await planAgainstServer(client, GUIDE, sheet, { createMissing: true });
    const tracks: ApiScheduleTrack[] = [];
    for await (const track of client.listScheduleTracks(GUIDE)) tracks.push(track);
    const locations: ApiLocation[] = [];
    for await (const location of client.listLocations(GUIDE)) locations.push(location);
    const from = sandbox.requestLog.length;

    const applied = await applyPlan(plan, client, { knownReferences: { tracks, locations } });
    expect(applied.results.map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(countBy(sandbox.requestLog.slice(from), kindOf)).toEqual({
      'POST schedule-tracks': 1,
      'POST locations': 1,
      'POST sessions': 2,
    });
    const state = sandbox.state();
    expect(state.schedule_tracks.map((t) => t.name).sort()).toEqual(['Talks', 'Workshops']);
    const workshops = state.schedule_tracks.find((t) => t.name === 'Workshops')!.id;
    const hallB = state.locations.find((l) => l.name === 'Hall B')!.id;
    const byImportId = new Map(sessionsOf(sandbox).map((s) => [s.import_id, s]));
    expect([...byImportId.get(a!.import_id)!.schedule_tracks].sort()).toEqual([existing.id, workshops].sort());
    expect(byImportId.get(b!.import_id)!).toMatchObject({ schedule_tracks: [workshops], locations: [hallB] });
  });
});
