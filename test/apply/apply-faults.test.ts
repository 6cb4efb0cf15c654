import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { ApplyResult } from '../../src/apply/index.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { agenda, normaliseApiTime, type SheetRow } from './hand-plan.js';
import { planAgainstServer, type SheetLine } from './real-plan.js';
import { GUIDE, clientFor, countBy, sessionsOf, withSandbox } from './sandbox-fixture.js';

let sandbox: SandboxHandle;
afterEach(async () => {
  await sandbox?.close();
});

const lines = (rows: SheetRow[]): SheetLine[] => rows.map((fields) => ({ fields }));

describe('applyPlan on a misbehaving server', () => {
  it('converges to exactly the sheet by re-planning and re-applying, with no duplicate import_id', async () => {
    sandbox = await withSandbox({ seed: 20270510, failRate: 0.2, dropRate: 0.1 });
    // The listing client retries as usual; the writing clients do not, so faults reach apply.
    const lister = clientFor(sandbox);

    // A guide that already holds part of the agenda, some of it out of date, plus one session to prune.
    const earlier = [
      ...agenda(15).map((row, i) => (i % 3 === 0 ? { ...row, name: `${row.name} (old title)` } : row)),
      ...agenda(1, 'gone'),
    ];
    await applyUntilSettled(lister, lister, lines(earlier));

    const sheet = agenda(80);
    const rounds = await applyUntilSettled(lister, () => clientFor(sandbox, { retries: 0 }), lines(sheet), { prune: true, yes: 1 });

    // The first round met faults it could not retry past; later rounds mended them.
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    const first = countBy(rounds[0]!.results, (r) => `${r.entry.action} ${r.outcome}`);
    expect(first['create done']).toBeGreaterThan(0);
    expect(first['update done']).toBeGreaterThan(0);
    expect((first['create failed'] ?? 0) + (first['update failed'] ?? 0)).toBeGreaterThan(0);
    const faults = countBy(sandbox.requestLog, (r) => (r.dropped ? 'dropped' : String(r.status)));
    expect(faults.dropped).toBeGreaterThan(0);
    expect((faults['500'] ?? 0) + (faults['502'] ?? 0) + (faults['503'] ?? 0)).toBeGreaterThan(0);
    // A create whose answer was cut off was found by import_id, not sent again.
    const recovered = rounds.flatMap((r) => r.results).filter((r) => r.message === 'created (recovered after a lost answer)');
    expect(recovered.length).toBeGreaterThan(0);
    expect(recovered.every((r) => r.outcome === 'done' && r.sessionId !== null && r.httpStatus === 200)).toBe(true);

    const state = sessionsOf(sandbox);
    expect(state.map((s) => s.import_id).sort()).toEqual(sheet.map((r) => r.import_id).sort());
    expect(new Set(state.map((s) => s.import_id)).size).toBe(state.length);
    for (const row of sheet) {
      const session = state.find((s) => s.import_id === row.import_id)!;
      expect(session.name).toBe(row.name);
      expect(session.description_html).toBe(row.description_html);
      expect(Date.parse(normaliseApiTime(session.start_time))).toBe(Date.parse(row.start_time));
      expect(Date.parse(normaliseApiTime(session.end_time!))).toBe(Date.parse(row.end_time!));
    }
  });
});

/**
 * What a scheduled re-sync does: plan from a fresh listing, apply, and again, until the plan
 * holds nothing to write. Fails when that takes more than 8 rounds (or a conflict appears).
 */
async function applyUntilSettled(
  lister: ReturnType<typeof clientFor>,
  writer: ReturnType<typeof clientFor> | (() => ReturnType<typeof clientFor>),
  sheet: SheetLine[],
  options: { prune?: boolean; yes?: number } = {},
): Promise<ApplyResult[]> {
  const rounds: ApplyResult[] = [];
  for (let round = 0; round < 8; round++) {
    const plan = await planAgainstServer(lister, GUIDE, sheet, options);
    expect(plan.entries.filter((e) => e.action === 'conflict' || e.action === 'invalid')).toEqual([]);
    if (plan.entries.every((entry) => entry.action === 'unchanged')) return rounds;
    rounds.push(await applyPlan(plan, typeof writer === 'function' ? writer() : writer));
  }
  throw new Error('the guide did not settle in 8 rounds');
}
