import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import { defaultSandboxState } from '../../src/sandbox/default-state.js';
import type { Plan, PlanEntry } from '../../src/plan/types.js';
import type { SandboxHandle, SandboxState } from '../../src/sandbox/types.js';
import { agenda } from './hand-plan.js';
import { planAgainstServer } from './real-plan.js';
import { GUIDE, clientFor, countBy, kindOf, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

/** A guide where an earlier, killed run already created the "Keynotes" track and the "Hall A" room. */
function stateAfterKilledRun(): SandboxState {
  const state = defaultSandboxState();
  const at = '2027-01-01T00:00:00.000000+0000';
  state.schedule_tracks.push(
    { id: 1, guide: GUIDE, name: 'Keynotes', color: null, import_id: 'track:keynotes', created_at: at, last_updated: at },
    { id: 2, guide: GUIDE, name: 'Existing', color: null, import_id: null, created_at: at, last_updated: at },
  );
  state.locations.push({
    id: 1,
    guide: GUIDE,
    name: 'Hall A',
    location_type: 2,
    import_id: null,
    address: null,
    latitude: null,
    longitude: null,
    created_at: at,
    last_updated: at,
  });
  state.nextIds = { sessions: 1, schedule_tracks: 3, locations: 2 };
  return state;
}

function planWithRefs(tracks: string[], locations: string[], entries: PlanEntry[]): Plan {
  return {
    version: 1,
    guideId: GUIDE,
    tracksToCreate: tracks.map((name) => ({ name, import_id: `track:${name.trim().toLowerCase()}` })),
    locationsToCreate: locations.map((name) => ({ name, import_id: `location:${name.toLowerCase()}` })),
    entries,
    writeRequests: entries.length,
    readRequests: 0,
  };
}

function createEntry(index: number, knownTracks: number[], pending: { schedule_tracks?: string[]; locations?: string[] }): PlanEntry {
  const row = agenda(index + 1)[index]!;
  return {
    sheet: 'Agenda',
    row: index + 2,
    importId: row.import_id,
    name: row.name,
    issues: [],
    action: 'create',
    body: { ...row, guide: GUIDE, schedule_tracks: knownTracks },
    pending,
  };
}

describe('applyPlan creates pending tracks and locations first', () => {
  it('reuses the ones a killed run already made, creates the others once, and fills the ids in', async () => {
    sandbox = await withSandbox({ initialState: stateAfterKilledRun() });
    const client = clientFor(sandbox);
    const plan = planWithRefs(
      ['Keynotes', 'Workshops'],
      ['Hall A', 'Hall B'],
      [
        createEntry(0, [2], { schedule_tracks: ['Keynotes', 'Workshops'], locations: ['Hall B'] }),
        createEntry(1, [], { schedule_tracks: ['Workshops'], locations: ['Hall A'] }),
        createEntry(2, [2], {}),
      ],
    );

    const applied = await applyPlan(plan, client);
    expect(applied.stoppedBy).toBeNull();
    expect(applied.results.map((r) => r.outcome)).toEqual(['done', 'done', 'done']);
    expect(applied.reusedTracks.map((t) => t.id)).toEqual([1]);
    expect(applied.createdTracks.map((t) => t.name)).toEqual(['Workshops']);
    expect(applied.reusedLocations.map((l) => l.id)).toEqual([1]);
    expect(applied.createdLocations.map((l) => l.name)).toEqual(['Hall B']);
    const workshops = applied.createdTracks[0]!.id;
    const hallB = applied.createdLocations[0]!.id;

    expect(countBy(sandbox.requestLog, kindOf)).toEqual({
      'GET schedule-tracks': 1,
      'POST schedule-tracks': 1,
      'GET locations': 1,
      'POST locations': 1,
      'POST sessions': 3,
    });
    const state = sandbox.state();
    expect(state.schedule_tracks.map((t) => t.name).sort()).toEqual(['Existing', 'Keynotes', 'Workshops']);
    expect(state.schedule_tracks.find((t) => t.name === 'Workshops')!.import_id).toBe('track:workshops');
    const sessions = sessionsOf(sandbox);
    const byId = (importId: string) => sessions.find((s) => s.import_id === importId)!;
    expect([...byId('s-001').schedule_tracks].sort()).toEqual([1, 2, workshops].sort());
    expect(byId('s-001').locations).toEqual([hallB]);
    expect(byId('s-002').schedule_tracks).toEqual([workshops]);
    expect(byId('s-002').locations).toEqual([1]);
    expect(byId('s-003').schedule_tracks).toEqual([2]);
    // The plan itself is left as it was (it can be applied again).
    expect(plan.entries[0]!.action === 'create' && plan.entries[0]!.body.schedule_tracks).toEqual([2]);
  });

  it('fails the rows that need a track the server would not create, naming it, and goes on with the rest', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const plan = planWithRefs(
      [' ', 'Talks'],
      [],
      [createEntry(0, [], { schedule_tracks: [' '] }), createEntry(1, [], { schedule_tracks: ['Talks'] })],
    );

    const applied = await applyPlan(plan, client);
    expect(applied.results[0]).toMatchObject({
      outcome: 'failed',
      httpStatus: null,
      message: expect.stringMatching(/^schedule track " " could not be created: .*name: This field may not be blank\./),
    });
    expect(applied.results[1]!.outcome).toBe('done');
    expect(sessionsOf(sandbox).map((s) => s.import_id)).toEqual(['s-002']);
    expect(countBy(sandbox.requestLog, kindOf)).toEqual({ 'GET schedule-tracks': 1, 'POST schedule-tracks': 2, 'POST sessions': 1 });
  });

  it('asks nothing about tracks or locations when the plan creates none', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    await applyPlan(planWithRefs([], [], [createEntry(0, [], {})]), client);
    expect(countBy(sandbox.requestLog, kindOf)).toEqual({ 'POST sessions': 1 });
  });

  it('with the real planner (--create-missing): a re-plan after applying finds nothing left to do', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const [a, b, c] = agenda(3);
    const sheet = [
      { fields: a!, tracks: ['Workshops', 'Talks'], locations: [] },
      { fields: b!, tracks: ['workshops '], locations: ['Hall B'] },
      { fields: c!, tracks: [], locations: ['Hall B'] },
    ];
    const plan = await planAgainstServer(client, GUIDE, sheet, { createMissing: true });
    expect(plan.tracksToCreate.map((t) => t.name)).toEqual(['Workshops', 'Talks']);
    expect(plan.locationsToCreate.map((l) => l.name)).toEqual(['Hall B']);
    // A run killed just after creating its first track.
    const wanted = plan.tracksToCreate[0]!;
    await client.createScheduleTrack({ guide: GUIDE, name: wanted.name, import_id: wanted.import_id });

    const applied = await applyPlan(plan, client);
    expect(applied.results.map((r) => r.outcome)).toEqual(['done', 'done', 'done']);
    expect(applied.reusedTracks.map((t) => t.name)).toEqual(['Workshops']);
    expect(applied.createdTracks.map((t) => t.name)).toEqual(['Talks']);
    expect(applied.createdLocations.map((l) => [l.name, l.location_type])).toEqual([['Hall B', 2]]);

    const state = sandbox.state();
    expect(state.schedule_tracks.map((t) => t.name).sort()).toEqual(['Talks', 'Workshops']);
    expect(state.locations.map((l) => l.name)).toEqual(['Hall B']);
    const replan = await planAgainstServer(client, GUIDE, sheet, { createMissing: true });
    expect(replan.tracksToCreate).toEqual([]);
    expect(replan.locationsToCreate).toEqual([]);
    expect(replan.entries.map((e) => e.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('stops before any session when the budget runs out while creating tracks', async () => {
    sandbox = await withSandbox({ dailyBudget: 2 });
    const client = clientFor(sandbox);
    const plan = planWithRefs(
      ['Talks', 'Panels'],
      [],
      [createEntry(0, [], { schedule_tracks: ['Talks'] }), createEntry(1, [], { schedule_tracks: ['Panels'] })],
    );
    const applied = await applyPlan(plan, client);
    expect(applied.stoppedBy?.code).toBe('budget');
    expect(applied.createdTracks.map((t) => t.name)).toEqual(['Talks']);
    expect(applied.results.map((r) => r.outcome)).toEqual(['not_attempted', 'not_attempted']);
    expect(countBy(sandbox.requestLog, (r) => `${kindOf(r)} ${r.status}`)).toEqual({
      'GET schedule-tracks 200': 1,
      'POST schedule-tracks 201': 1,
      'POST schedule-tracks 429': 1,
    });
    expect(sessionsOf(sandbox)).toHaveLength(0);
  });
});
