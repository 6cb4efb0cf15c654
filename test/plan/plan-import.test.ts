import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { createRowPlanner, indexImportIds, indexSheetImportIds, planImport, type PlanInput } from '../../src/plan/plan-import.js';
import { indexImportIdsAsWritten } from '../../src/validate/import-ids.js';
import type { ApiLocation, ApiScheduleTrack, ConvertedRow } from '../../src/types.js';
import { GUIDE, badRow, okRow, serverSession, sheetSession } from './factories.js';

const tracks: ApiScheduleTrack[] = [
  { id: 11, guide: GUIDE, name: 'Keynotes' },
  { id: 12, guide: GUIDE, name: 'Hands-on Workshops' },
  { id: 13, guide: GUIDE, name: 'Panels' },
];
const locations: ApiLocation[] = [{ id: 21, guide: GUIDE, name: 'Main Hall' }];

function plan(rows: ConvertedRow[], extra: Partial<PlanInput> = {}, options: Partial<PlanInput['options']> = {}) {
  return planImport({
    guideId: GUIDE,
    rows,
    serverSessions: [],
    tracks,
    locations,
    readRequests: 4,
    ...extra,
    options: { createMissing: false, prune: false, yes: 0, ...options },
  });
}

describe('planImport: create, update, unchanged', () => {
  it('creates a row with no match, sending the guide, mapped fields and resolved ids', () => {
    const session = sheetSession(
      2,
      { import_id: 'a', name: 'Opening', end_time: '2027-03-01T15:00:00.000Z' },
      {
        tracks: ['keynotes', ' HANDS-ON   workshops '],
        locations: ['21'],
        mapped: ['import_id', 'name', 'start_time', 'end_time', 'schedule_tracks', 'locations'],
      },
    );
    const result = plan([okRow(session)]);
    expect(result.entries).toHaveLength(1);
    const [entry] = result.entries;
    expect(entry).toMatchObject({ action: 'create', sheet: 'Agenda', row: 2, importId: 'a', name: 'Opening', zone: 'America/New_York' });
    if (entry?.action !== 'create') throw new Error('expected a create');
    expect(entry.body).toEqual({
      guide: GUIDE,
      import_id: 'a',
      name: 'Opening',
      start_time: '2027-03-01T14:00:00.000Z',
      end_time: '2027-03-01T15:00:00.000Z',
      schedule_tracks: [11, 12],
      locations: [21],
    });
    expect(entry.fields).toMatchObject({ schedule_tracks: ['Keynotes', 'Hands-on Workshops'], locations: ['Main Hall'] });
    expect(result.writeRequests).toBe(1);
    expect(result.readRequests).toBe(4);
  });

  it('leaves fields the sheet does not map out of a create', () => {
    const session = sheetSession(2, { import_id: 'a', allow_rating: false, rank: 3 }, { mapped: ['import_id', 'name', 'start_time'] });
    const [entry] = plan([okRow(session)]).entries;
    if (entry?.action !== 'create') throw new Error('expected a create');
    expect(entry.body).not.toHaveProperty('allow_rating');
    expect(entry.body).not.toHaveProperty('rank');
  });

  it('updates only the changed fields and reports old and new values', () => {
    const session = sheetSession(
      3,
      { import_id: 'id-5', name: 'Renamed', description_html: '<p>Same</p>', all_day: false },
      {
        tracks: ['Panels', 'Keynotes'],
        mapped: ['import_id', 'name', 'start_time', 'description_html', 'all_day', 'schedule_tracks'],
      },
    );
    const server = serverSession(5, { name: 'Original', description_html: '<p>Same</p>', schedule_tracks: [11] });
    const result = plan([okRow(session)], { serverSessions: [server] });
    const [entry] = result.entries;
    if (entry?.action !== 'update') throw new Error(`expected an update, got ${entry?.action}`);
    expect(entry.sessionId).toBe(5);
    expect(entry.patch).toEqual({ name: 'Renamed', schedule_tracks: [13, 11] });
    expect(entry.changes).toEqual([
      { field: 'name', old: 'Original', new: 'Renamed' },
      { field: 'schedule_tracks', old: ['Keynotes'], new: ['Panels', 'Keynotes'] },
    ]);
    expect(result.writeRequests).toBe(1);
  });

  it('plans no request for a row equal to its session across time formats, list order and empty descriptions', () => {
    const session = sheetSession(
      4,
      {
        import_id: 'id-6',
        name: 'Session 6',
        start_time: '2027-03-01T09:00:00-05:00',
        end_time: '2027-03-01T15:30:00.000Z',
        description_html: '',
      },
      { tracks: ['Panels', 'Keynotes'], mapped: ['import_id', 'name', 'start_time', 'end_time', 'description_html', 'schedule_tracks'] },
    );
    const server = serverSession(6, { end_time: '2027-03-01T15:30:00.000000+0000', description_html: null, schedule_tracks: [11, 13] });
    const result = plan([okRow(session)], { serverSessions: [server] });
    expect(result.entries).toEqual([expect.objectContaining({ action: 'unchanged', sessionId: 6 })]);
    expect(result.writeRequests).toBe(0);
  });

  it('never touches fields the sheet does not map, even when they differ', () => {
    const session = sheetSession(
      4,
      { import_id: 'id-6', name: 'Session 6', allow_rating: false, description_html: '' },
      {
        mapped: ['import_id', 'name', 'start_time'],
      },
    );
    const server = serverSession(6, { allow_rating: true, description_html: '<p>Written in Builder</p>', schedule_tracks: [12] });
    expect(plan([okRow(session)], { serverSessions: [server] }).entries[0]?.action).toBe('unchanged');
  });

  it('leaves a field alone when the row leaves its mapped cell blank, whatever its kind', () => {
    const session = sheetSession(
      4,
      { import_id: 'id-6', name: 'Session 6', end_time: null, rank: null, description_html: '' },
      {
        tracks: [],
        mapped: ['import_id', 'name', 'start_time', 'end_time', 'allow_rating', 'rank', 'description_html', 'schedule_tracks'],
      },
    );
    const server = serverSession(6, {
      end_time: '2027-03-01T15:00:00.000000+0000',
      allow_rating: true,
      rank: 0,
      description_html: '<p>Builder</p>',
      schedule_tracks: [11],
    });
    const [entry] = plan([okRow(session)], { serverSessions: [server] }).entries;
    expect(entry?.action).toBe('unchanged');
  });
});

describe('planImport: invalid rows and conflicts', () => {
  it('passes invalid rows through with their issues', () => {
    const row = badRow(9, 'x', [{ code: 'bad_date', message: 'Row 9, column "Start": "31/02/2027" is not a date' }]);
    const [entry] = plan([row]).entries;
    expect(entry).toMatchObject({ action: 'invalid', row: 9, importId: 'x', name: 'Broken 9' });
    expect(entry?.issues[0]?.message).toContain('31/02/2027');
  });

  it('makes an import_id held by two server sessions a conflict naming both and saying how to resolve it', () => {
    const session = sheetSession(2, { import_id: 'twin' });
    const servers = [serverSession(31, { import_id: 'twin' }), serverSession(32, { import_id: 'twin' })];
    const result = plan([okRow(session)], { serverSessions: servers });
    const [entry] = result.entries;
    if (entry?.action !== 'conflict') throw new Error('expected a conflict');
    expect(entry.sessionIds).toEqual([31, 32]);
    expect(entry.issues[0]?.code).toBe('server_conflict');
    expect(entry.issues[0]?.message).toMatch(/31, 32/);
    expect(entry.issues[0]?.message).toMatch(/Builder/);
    expect(entry.issues[0]?.message).toMatch(/different import_id/);
    expect(result.writeRequests).toBe(0);
  });

  it('makes every sheet row sharing an import_id a conflict, also rows the validator flagged', () => {
    const rows = [
      okRow(sheetSession(2, { import_id: 'same' })),
      okRow(sheetSession(5, { import_id: 'same' })),
      badRow(8, 'flagged', [{ code: 'duplicate_import_id', message: 'Row 8: import_id "flagged" repeats row 3' }]),
    ];
    const entries = plan(rows).entries;
    expect(entries.map((entry) => entry.action)).toEqual(['conflict', 'conflict', 'conflict']);
    expect(entries[0]?.issues[0]?.message).toContain('also used by row 5');
    expect(entries[2]?.issues).toHaveLength(1);
  });
});

describe('planImport: tracks and locations', () => {
  it('makes a row with an unknown track invalid, naming the value and close known names', () => {
    const session = sheetSession(
      6,
      { import_id: 'a' },
      { tracks: ['Workshops'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] },
    );
    const result = plan([okRow(session)]);
    const [entry] = result.entries;
    expect(entry?.action).toBe('invalid');
    expect(entry?.issues[0]).toMatchObject({ code: 'unknown_track', severity: 'error', row: 6, value: 'Workshops' });
    expect(entry?.issues[0]?.message).toMatch(
      /"Workshops" is not in guide 7 \(did you mean "Hands-on Workshops"\?\); see the run's message/,
    );
    expect(entry?.issues[0]?.message).toContain('--create-missing');
    expect(result.tracksToCreate).toEqual([]);
    expect(result.missingReferences).toEqual({
      tracks: [{ name: 'Workshops', rows: 1, suggestion: 'Hands-on Workshops' }],
      locations: [],
      rows: 1,
    });
  });

  it('reports an unknown location the same way', () => {
    const session = sheetSession(
      6,
      { import_id: 'a' },
      { locations: ['Room 9'], mapped: ['import_id', 'name', 'start_time', 'locations'] },
    );
    expect(plan([okRow(session)]).entries[0]?.issues[0]?.code).toBe('unknown_location');
  });

  it('with createMissing creates each missing name once for many rows and references it as pending', () => {
    const mapped = ['import_id', 'name', 'start_time', 'schedule_tracks', 'locations'] as const;
    const rows = [1, 2, 3].map((n) =>
      okRow(
        sheetSession(
          n + 1,
          { import_id: `r${n}` },
          {
            tracks: [n === 2 ? 'deep  DIVES' : 'Deep Dives', 'Keynotes'],
            locations: ['Room B'],
            mapped: [...mapped],
          },
        ),
      ),
    );
    const server = serverSession(40, { import_id: 'r3', schedule_tracks: [11] });
    const result = plan(rows, { serverSessions: [server] }, { createMissing: true });
    expect(result.tracksToCreate).toEqual([{ name: 'Deep Dives', import_id: 'gbi-track-deep-dives' }]);
    expect(result.locationsToCreate).toEqual([{ name: 'Room B', import_id: 'gbi-location-room-b', location_type: 2 }]);
    const [first, second, third] = result.entries;
    if (first?.action !== 'create' || second?.action !== 'create' || third?.action !== 'update') throw new Error('unexpected actions');
    expect(first.body.schedule_tracks).toEqual([11]);
    expect(first.pending).toEqual({ schedule_tracks: ['Deep Dives'], locations: ['Room B'] });
    expect(second.pending?.schedule_tracks).toEqual(['Deep Dives']);
    expect(third.patch.schedule_tracks).toEqual([11]);
    expect(third.pending).toEqual({ schedule_tracks: ['Deep Dives'], locations: ['Room B'] });
    expect(result.writeRequests).toBe(3 + 1 + 1);
  });

  it('finds a track this tool created earlier by its import_id after a rename in Builder', () => {
    const renamed = [...tracks, { id: 14, guide: GUIDE, name: 'Deep Dives (renamed)', import_id: 'gbi-track-deep-dives' }];
    const session = sheetSession(
      2,
      { import_id: 'a' },
      { tracks: ['Deep Dives'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] },
    );
    const result = plan([okRow(session)], { tracks: renamed }, { createMissing: true });
    expect(result.tracksToCreate).toEqual([]);
    const [entry] = result.entries;
    if (entry?.action !== 'create') throw new Error('expected a create');
    expect(entry.body.schedule_tracks).toEqual([14]);
  });

  it('ignores tracks of other guides', () => {
    const foreign = [{ id: 99, guide: 8, name: 'Elsewhere' }];
    const session = sheetSession(
      2,
      { import_id: 'a' },
      { tracks: ['Elsewhere'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] },
    );
    expect(plan([okRow(session)], { tracks: foreign }).entries[0]?.action).toBe('invalid');
  });
});

describe('planImport: prune', () => {
  const kept = serverSession(1, { import_id: 'keep' });
  const gone = serverSession(2, { import_id: 'gone', name: 'Dropped talk' });
  const manual = serverSession(3, { import_id: null, name: 'Made in Builder' });
  const rows = [okRow(sheetSession(2, { import_id: 'keep', name: 'Session 1' }))];

  it('plans deletes without confirming them when --yes is absent', () => {
    const result = plan(rows, { serverSessions: [kept, gone, manual] }, { prune: true });
    const deletes = result.entries.filter((entry) => entry.action === 'delete');
    expect(deletes).toEqual([
      {
        action: 'delete',
        sheet: 'Agenda',
        row: null,
        importId: 'gone',
        name: 'Dropped talk',
        sessionId: 2,
        confirmed: false,
        issues: [],
        // When and where the session is, for the report's timeline.
        fields: expect.objectContaining({ name: 'Dropped talk', start_time: gone.start_time, locations: expect.any(Array) }),
      },
    ]);
    expect(result.writeRequests).toBe(0);
  });

  it('confirms deletes with --yes, puts them last, and never touches sessions without an import_id', () => {
    const result = plan(rows, { serverSessions: [gone, kept, manual] }, { prune: true, yes: 1 });
    expect(result.entries.map((entry) => entry.action)).toEqual(['unchanged', 'delete']);
    expect(result.entries[1]).toMatchObject({ sessionId: 2, confirmed: true });
    expect(result.writeRequests).toBe(1);
  });

  it('never deletes the session of a row that is invalid this time', () => {
    const withBroken = [...rows, badRow(3, 'gone', [{ code: 'bad_time' }])];
    const result = plan(withBroken, { serverSessions: [kept, gone] }, { prune: true, yes: 1 });
    expect(result.entries.some((entry) => entry.action === 'delete')).toBe(false);
  });

  it('plans no deletes without --prune', () => {
    const result = plan(rows, { serverSessions: [kept, gone] }, { yes: 1 });
    expect(result.entries.some((entry) => entry.action === 'delete')).toBe(false);
  });

  describe('safety stop', () => {
    const many = Array.from({ length: 10 }, (_, i) => serverSession(100 + i, { import_id: `old-${i}` }));
    const small = [okRow(sheetSession(2, { import_id: 'old-0' })), okRow(sheetSession(3, { import_id: 'old-1' }))];

    function refusal(options: Partial<PlanInput['options']>): GuidebookImportError {
      try {
        plan(small, { serverSessions: many }, { prune: true, ...options });
      } catch (error) {
        if (error instanceof GuidebookImportError) return error;
        throw error;
      }
      throw new Error('expected prune_refused');
    }

    it("refuses to delete when the sheet has under half the guide's imported sessions, naming both counts", () => {
      const error = refusal({ yes: 1 });
      expect(error.code).toBe('prune_refused');
      expect(error.message).toContain('the sheet has 2 rows');
      expect(error.message).toContain('10 sessions with an import_id');
      expect(error.message).toContain('8 sessions would be deleted');
      expect(error.message).toContain('--yes twice');
    });

    it('lists the deletes without refusing when nothing would be deleted yet (no --yes)', () => {
      const result = plan(small, { serverSessions: many }, { prune: true });
      expect(result.entries.filter((entry) => entry.action === 'delete')).toHaveLength(8);
    });

    it('goes ahead with --yes twice or a --max-deletes that covers the deletes', () => {
      const confirmedDeletes = (options: Partial<PlanInput['options']>) =>
        plan(small, { serverSessions: many }, { prune: true, ...options }).entries.filter(
          (entry) => entry.action === 'delete' && entry.confirmed,
        ).length;
      expect(confirmedDeletes({ yes: 2 })).toBe(8);
      expect(confirmedDeletes({ yes: 1, maxDeletes: 8 })).toBe(8);
    });

    it('always refuses more deletes than --max-deletes', () => {
      const error = refusal({ yes: 2, maxDeletes: 7 });
      expect(error.code).toBe('prune_refused');
      expect(error.message).toContain('8 sessions');
      expect(error.message).toContain('--max-deletes is 7');
    });
  });
});

describe('planImport: API version', () => {
  it('sends an empty paragraph to v1, which requires a description that is not blank, and leaves v1.1-only fields out', () => {
    const session = sheetSession(
      2,
      { import_id: 'a', rank: 2 },
      {
        locations: ['Main Hall'],
        mapped: ['import_id', 'name', 'start_time', 'rank', 'locations'],
      },
    );
    const [v1] = plan([okRow(session)], {}, { apiVersion: 'v1' }).entries;
    const [v11] = plan([okRow(session)]).entries;
    if (v1?.action !== 'create' || v11?.action !== 'create') throw new Error('expected creates');
    expect(v1.body).toEqual({
      guide: GUIDE,
      import_id: 'a',
      name: 'Session 2',
      start_time: '2027-03-01T14:00:00.000Z',
      description_html: '<p></p>',
    });
    expect(v11.body).toMatchObject({ rank: 2, locations: [21] });
    expect(v11.body).not.toHaveProperty('description_html');
  });
});

describe('createRowPlanner: one row at a time', () => {
  it('plans every row as planImport does, given the index of every row', () => {
    const rows = [
      okRow(
        sheetSession(
          2,
          { import_id: 'same' },
          { tracks: ['Keynotes', 'New track'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] },
        ),
      ),
      okRow(sheetSession(3, { import_id: 'held', name: 'Renamed' })),
      okRow(sheetSession(4, { import_id: 'same' })),
      badRow(5, 'broken', [{ code: 'bad_date' }]),
      okRow(sheetSession(6, { import_id: 'twin' })),
      okRow(sheetSession(7, { import_id: 'gb-session-40' })),
      okRow(
        sheetSession(8, { import_id: 'new' }, { tracks: ['new TRACK'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] }),
      ),
      okRow(sheetSession(9, { import_id: 'same' })),
    ];
    const serverSessions = [
      serverSession(30, { import_id: 'held' }),
      serverSession(31, { import_id: 'twin' }),
      serverSession(32, { import_id: 'twin' }),
      serverSession(40, { import_id: null }),
    ];
    const input: PlanInput = {
      guideId: GUIDE,
      rows,
      serverSessions,
      tracks,
      locations,
      readRequests: 5,
      options: { createMissing: true, prune: false, yes: 0 },
    };
    const whole = planImport(input);
    const planner = createRowPlanner(input, indexSheetImportIds(rows));
    const entries = rows.map((row) => planner.planRow(row));
    expect(entries).toEqual(whole.entries);
    expect(planner.assemble(entries, 5)).toEqual(whole);
    expect(whole.entries.map((entry) => entry.action)).toEqual([
      'conflict',
      'update',
      'conflict',
      'invalid',
      'conflict',
      'update',
      'create',
      'conflict',
    ]);
    expect(whole.tracksToCreate.map((track) => track.name)).toEqual(['new TRACK']);
    expect([...planner.sheetImportIds()]).toEqual(['same', 'held', 'broken', 'twin', 'gb-session-40', 'new']);
  });

  it('checkRow decides every row as planRow does, each create without its request body', () => {
    const rows = [
      okRow(sheetSession(2, { import_id: 'fresh', description_html: '<p>Hi</p>' }, { tracks: ['Keynotes', 'New track'] })),
      okRow(sheetSession(3, { import_id: 'held', name: 'Renamed' })),
      okRow(sheetSession(4, { import_id: 'held-same', name: 'Session 33' })),
      okRow(sheetSession(5, { import_id: 'gb-session-40' })),
      okRow(sheetSession(6, { import_id: 'twin' })),
      okRow(sheetSession(7, { import_id: 'dup' })),
      okRow(sheetSession(8, { import_id: 'dup\u200b' })),
      badRow(9, 'broken', [{ code: 'bad_date' }]),
      // A rule the row breaks only against a new session's defaults: invalid, decided by the plan.
      okRow(sheetSession(10, { import_id: 'capped', max_capacity: 10 }, { mapped: ['import_id', 'name', 'start_time', 'max_capacity'] })),
      okRow(
        sheetSession(11, { import_id: 'nowhere' }, { locations: ['Nowhere'], mapped: ['import_id', 'name', 'start_time', 'locations'] }),
      ),
    ];
    const serverSessions = [
      serverSession(30, { import_id: 'held' }),
      serverSession(33, { import_id: 'held-same' }),
      serverSession(31, { import_id: 'twin' }),
      serverSession(32, { import_id: 'twin' }),
      serverSession(40, { import_id: null }),
    ];
    for (const createMissing of [true, false]) {
      const input = { guideId: GUIDE, serverSessions, tracks, locations, options: { createMissing, prune: false, yes: 0 } };
      const planned = createRowPlanner(input, indexSheetImportIds(rows));
      const checked = createRowPlanner(input, indexSheetImportIds(rows));
      const entries = rows.map((row) => planned.planRow(row));
      const checks = rows.map((row) => checked.checkRow(row));
      expect(checks).toEqual(entries.map((entry) => (entry.action === 'create' ? omitBody(entry) : entry)));
      expect(checks.some((entry) => 'body' in entry)).toBe(false);
      // The same tracks to create and the same missing names are gathered either way.
      expect(checked.assemble([], 0).tracksToCreate).toEqual(planned.assemble([], 0).tracksToCreate);
      expect(checked.assemble([], 0).missingReferences).toEqual(planned.assemble([], 0).missingReferences);
      expect(new Set(entries.map((entry) => entry.action))).toEqual(new Set(['create', 'update', 'unchanged', 'conflict', 'invalid']));
    }
  });

  it("gives the same index when it reuses the convert stage's index of the ids as written", () => {
    const sheets: Array<Array<string | undefined>> = [
      ['a', 'b', 'a', undefined, 'c', 'b', 'a'],
      // Ids that match only in their NFC, invisible-free form: the plan's index is its own then.
      ['caf\u00e9', 'cafe\u0301', 'x\u200b', 'x', 'y', 'y'],
      ['', 'a', ''],
    ];
    for (const ids of sheets) {
      const places = ids.map((_, index) => ({ sheet: 'Agenda', row: index + 2 }));
      const fresh = indexImportIds(
        ids.length,
        (index) => ids[index],
        (index) => places[index]!,
      );
      const written = indexImportIdsAsWritten(ids.length, (index) => ids[index]);
      const reused = indexImportIds(
        ids.length,
        (index) => ids[index],
        (index) => places[index]!,
        written,
      );
      expect([...reused.all()]).toEqual([...fresh.all()]);
      for (const id of ids) if (id) expect(reused.shared(id)).toEqual(fresh.shared(id));
    }
    const nfc = indexImportIds(
      2,
      (index) => ['caf\u00e9', 'cafe\u0301'][index],
      (index) => ({ sheet: 'Agenda', row: index + 2 }),
    );
    expect(nfc.shared('caf\u00e9')).toHaveLength(2);
  });

  it('indexes only the import_ids of several rows with their places', () => {
    const rows = [
      okRow(sheetSession(2, { import_id: 'a' })),
      okRow(sheetSession(3, { import_id: 'b' })),
      badRow(4, 'a', [{}]),
      badRow(5, undefined, [{}]),
    ];
    const index = indexSheetImportIds(rows);
    expect(index.shared('a')).toEqual([
      { sheet: 'Agenda', row: 2 },
      { sheet: 'Agenda', row: 4 },
    ]);
    expect(index.shared('b')).toEqual([]);
    expect([...index.all()]).toEqual(['a', 'b']);
  });
});

function omitBody<E extends { body: unknown }>(entry: E): Omit<E, 'body'> {
  const { body: _body, ...rest } = entry;
  return rest;
}
