import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { RowResult } from '../../src/apply/index.js';
import type { Plan, PlanEntry } from '../../src/plan/types.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, handPlan, normaliseApiTime } from './hand-plan.js';
import { GUIDE, clientFor, countBy, kindOf, listAll, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

describe('applyPlan carries out a plan', () => {
  it('creates, updates and deletes exactly what was planned, one request each', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const first = agenda(6);

    const created = await applyPlan(handPlan(GUIDE, first, await listAll(client)), client);
    expect(created.stoppedBy).toBeNull();
    expect(created.results.map((r) => [r.outcome, r.httpStatus, r.message])).toEqual(Array(6).fill(['done', 201, 'created']));
    const ids = created.results.map((r) => r.sessionId);
    expect(new Set(ids).size).toBe(6);
    expect(
      sessionsOf(sandbox)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...ids].sort());

    // Edit the sheet: rename one, move one, drop one, add one.
    const second = first.slice(0, 5).map((row) => ({ ...row }));
    second[1]!.name = 'Renamed session';
    second[2]!.start_time = '2027-05-10T14:15:00.000Z';
    second.push(agenda(7)[6]!);
    const plan = handPlan(GUIDE, second, await listAll(client), { prune: true });
    expect(countBy(plan.entries, (e) => e.action)).toEqual({ unchanged: 3, update: 2, create: 1, delete: 1 });

    const logFrom = sandbox.requestLog.length;
    const seen: RowResult[] = [];
    const applied = await applyPlan(plan, client, { onResult: (r) => seen.push(r) });

    expect(applied.stoppedBy).toBeNull();
    expect(seen).toHaveLength(plan.entries.length);
    expect(applied.results.map((r) => r.entry)).toEqual(plan.entries); // plan order
    expect(applied.results.map((r) => [r.entry.importId, r.outcome, r.httpStatus])).toEqual([
      ['s-001', 'done', null],
      ['s-002', 'done', 200],
      ['s-003', 'done', 200],
      ['s-004', 'done', null],
      ['s-005', 'done', null],
      ['s-007', 'done', 201],
      ['s-006', 'done', 204],
    ]);
    expect(applied.results[1]!.message).toBe('updated name');
    expect(applied.results[6]!.message).toBe('deleted');

    const requests = sandbox.requestLog.slice(logFrom);
    expect(countBy(requests, kindOf)).toEqual({ 'PATCH sessions': 2, 'POST sessions': 1, 'DELETE sessions': 1 });
    // PATCH sends only the changed field, and the guide (a session never moves: the server refuses
    // a PATCH of another guide's session instead of carrying it out).
    const patches = requests.filter((r) => r.method === 'PATCH').map((r) => r.body);
    expect(patches).toContainEqual({ name: 'Renamed session', guide: 1 });
    expect(patches).toContainEqual({ start_time: '2027-05-10T14:15:00.000Z', guide: 1 });

    const state = sessionsOf(sandbox);
    expect(state.map((s) => s.import_id).sort()).toEqual(second.map((r) => r.import_id).sort());
    for (const row of second) {
      const session = state.find((s) => s.import_id === row.import_id)!;
      expect(session.name).toBe(row.name);
      expect(Date.parse(normaliseApiTime(session.start_time))).toBe(Date.parse(row.start_time));
    }
  });

  it('resolves unchanged, invalid, conflict and unconfirmed deletes without a request', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const base = { sheet: 'Agenda', name: 'X', issues: [] };
    const entries: PlanEntry[] = [
      { ...base, row: 2, importId: 'a', action: 'unchanged', sessionId: 11 },
      {
        ...base,
        row: 3,
        importId: 'b',
        action: 'invalid',
        issues: [
          { code: 'derived_import_id', severity: 'warning', message: 'Row 3: import_id derived', sheet: 'Agenda', row: 3 },
          {
            code: 'bad_date',
            severity: 'error',
            message: 'Row 3, column "Start": "31/02/2027 9:00" is not a date',
            sheet: 'Agenda',
            row: 3,
          },
        ],
      },
      {
        ...base,
        row: 4,
        importId: 'c',
        action: 'conflict',
        sessionIds: [1, 2],
        issues: [
          { code: 'server_conflict', severity: 'error', message: 'import_id "c" is held by sessions 1 and 2', sheet: 'Agenda', row: 4 },
        ],
      },
      { ...base, row: null, importId: 'd', action: 'delete', sessionId: 12, confirmed: false },
    ];
    const plan: Plan = {
      version: 1,
      guideId: GUIDE,
      tracksToCreate: [],
      locationsToCreate: [],
      entries,
      writeRequests: 0,
      readRequests: 0,
    };

    const applied = await applyPlan(plan, client);
    expect(applied.results.map((r) => [r.outcome, r.sessionId, r.message])).toEqual([
      ['done', 11, 'unchanged'],
      ['failed', null, 'Row 3, column "Start": "31/02/2027 9:00" is not a date'],
      ['failed', null, 'import_id "c" is held by sessions 1 and 2'],
      ['planned', 12, 'would delete: run with --yes to delete'],
    ]);
    expect(sandbox.requestLog).toHaveLength(0);
    expect(client.requestCount).toBe(0);
  });

  it('sends nothing in a dry run and marks every write planned', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    await applyPlan(handPlan(GUIDE, agenda(3), []), client);
    const sheet = agenda(4);
    sheet[0]!.name = 'Changed';
    const plan = handPlan(GUIDE, sheet, await listAll(client));
    const logFrom = sandbox.requestLog.length;

    const applied = await applyPlan(plan, client, { dryRun: true });
    expect(applied.results.map((r) => [r.entry.action, r.outcome, r.message])).toEqual([
      ['update', 'planned', 'would update name'],
      ['unchanged', 'planned', 'unchanged'],
      ['unchanged', 'planned', 'unchanged'],
      ['create', 'planned', 'would create'],
    ]);
    expect(sandbox.requestLog.length).toBe(logFrom);
    expect(sessionsOf(sandbox).find((s) => s.import_id === 's-001')!.name).toBe('Session 1');
  });

  it('turns a 400 into a failed row quoting the server, and goes on with the others', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    const sheet = agenda(3);
    sheet[1]!.description_html = `<p>${'x'.repeat(20_000)}</p>`; // over the 20,000 character limit
    sheet[2]!.end_time = '2027-05-10T12:00:00.000Z'; // before its start

    const applied = await applyPlan(handPlan(GUIDE, sheet, []), client);
    expect(applied.results[0]!.outcome).toBe('done');
    expect(applied.results[1]!).toMatchObject({ outcome: 'failed', httpStatus: 400, sessionId: null });
    expect(applied.results[1]!.message).toMatch(/^server rejected: description_html: .*20,?000/);
    expect(applied.results[2]!).toMatchObject({
      outcome: 'failed',
      httpStatus: 400,
      message: 'server rejected: end_time: End time must not be before start time.',
    });
    expect(sessionsOf(sandbox).map((s) => s.import_id)).toEqual(['s-001']);
    // A 400 is not retried: one POST per row.
    expect(countBy(sandbox.requestLog, kindOf)).toEqual({ 'POST sessions': 3 });
  });

  it('counts a delete of a session that is already gone as done', async () => {
    sandbox = await withSandbox();
    const client = clientFor(sandbox);
    await applyPlan(handPlan(GUIDE, agenda(2), []), client);
    const [kept, gone] = sessionsOf(sandbox);
    await client.deleteSession(gone!.id);
    const entries: PlanEntry[] = [
      {
        sheet: 'Agenda',
        row: null,
        importId: gone!.import_id!,
        name: gone!.name,
        issues: [],
        action: 'delete',
        sessionId: gone!.id,
        confirmed: true,
      },
      {
        sheet: 'Agenda',
        row: null,
        importId: kept!.import_id!,
        name: kept!.name,
        issues: [],
        action: 'delete',
        sessionId: kept!.id,
        confirmed: true,
      },
    ];
    const plan: Plan = {
      version: 1,
      guideId: GUIDE,
      tracksToCreate: [],
      locationsToCreate: [],
      entries,
      writeRequests: 2,
      readRequests: 0,
    };

    const applied = await applyPlan(plan, client);
    expect(applied.results.map((r) => [r.outcome, r.httpStatus, r.message])).toEqual([
      ['done', 404, 'deleted (it was already gone)'],
      ['done', 204, 'deleted'],
    ]);
    expect(sessionsOf(sandbox)).toHaveLength(0);
  });
});
