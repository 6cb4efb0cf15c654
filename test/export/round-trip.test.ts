// export → import through the real pipeline (read, map, convert, plan, apply) against a seeded
// sandbox: every exported row plans as unchanged, except that sessions without an import_id get
// theirs written once; after that a second export plans as all unchanged, with no writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import { exportGuide, writeAgenda, type ExportFormat } from '../../src/export/index.js';
import type { PlanEntry } from '../../src/plan/types.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { planFile } from './pipeline.js';
import { clientFor, scratchFolder, seededSandbox, writesSince } from './sandbox-fixture.js';
import { GUIDE, WITHOUT_IMPORT_ID, seededState } from './seed.js';

const scratch = scratchFolder();
afterAll(() => scratch.remove());

const SEEDED_IN_GUIDE = seededState().sessions.filter((s) => s.guide === GUIDE).length;

function byAction(entries: readonly PlanEntry[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const entry of entries) (grouped[entry.action] ??= []).push(entry.importId);
  return grouped;
}

describe.each(['csv', 'xlsx'] as const)('export → import round trip (%s)', (format: ExportFormat) => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await seededSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('plans every row unchanged except the sessions without an import_id, which only get theirs written', async () => {
    const client = clientFor(sandbox);
    const agenda = await exportGuide(client, { guideId: GUIDE });
    expect(agenda.rows).toHaveLength(SEEDED_IN_GUIDE);
    expect(agenda.assignedImportIds).toBe(WITHOUT_IMPORT_ID.length);
    const file = scratch.path(`first.${format}`);
    await writeAgenda(agenda, file, format);

    const { plan, read } = await planFile(file, client, GUIDE);
    expect(read.converted.every((row) => row.ok)).toBe(true);
    const assigned = WITHOUT_IMPORT_ID.map((id) => `gb-session-${id}`);
    const actions = byAction(plan.entries);
    expect(actions.update?.sort()).toEqual([...assigned].sort());
    expect(Object.keys(actions).sort()).toEqual(['unchanged', 'update']);
    expect(actions.unchanged).toHaveLength(SEEDED_IN_GUIDE - assigned.length);
    for (const entry of plan.entries) {
      if (entry.action !== 'update') continue;
      expect(entry.patch).toEqual({ import_id: entry.importId });
      expect(entry.sessionId).toBe(Number(entry.importId.replace('gb-session-', '')));
    }
    expect(plan.writeRequests).toBe(assigned.length);

    // Applying writes exactly those ids: one PATCH each, nothing created, nothing else changed.
    const before = sandbox.state().sessions;
    const logStart = sandbox.requestLog.length;
    const applied = await applyPlan(plan, client);
    expect(applied.results.filter((r) => r.outcome === 'done')).toHaveLength(SEEDED_IN_GUIDE);
    const writes = writesSince(sandbox, logStart);
    expect(writes.map((w) => w.method)).toEqual(assigned.map(() => 'PATCH'));
    expect(writes.map((w) => w.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [...assigned].sort().map((id) => ({ import_id: id, guide: 1 })),
    );
    const after = sandbox.state().sessions;
    expect(after).toHaveLength(before.length);
    for (const session of after) {
      const was = before.find((s) => s.id === session.id)!;
      const importId = WITHOUT_IMPORT_ID.includes(session.id) ? `gb-session-${session.id}` : was.import_id;
      expect({ ...session, last_updated: null }).toEqual({ ...was, import_id: importId, last_updated: null });
    }
  });

  it('a second export plans as all unchanged and applying it sends no write', async () => {
    const client = clientFor(sandbox);
    const agenda = await exportGuide(client, { guideId: GUIDE });
    expect(agenda.assignedImportIds).toBe(0);
    expect(agenda.notes).toEqual([]);
    const file = scratch.path(`second.${format}`);
    await writeAgenda(agenda, file, format);

    const { plan } = await planFile(file, client, GUIDE);
    expect(byAction(plan.entries)).toEqual({ unchanged: expect.any(Array) });
    expect(plan.entries).toHaveLength(SEEDED_IN_GUIDE);
    expect(plan.writeRequests).toBe(0);
    const logStart = sandbox.requestLog.length;
    await applyPlan(plan, client);
    expect(sandbox.requestLog.length - logStart).toBe(0);
  });

  it("reads the times in the file's own zone, whatever --timezone the import is given", async () => {
    const client = clientFor(sandbox);
    const agenda = await exportGuide(client, { guideId: GUIDE, timezone: 'Asia/Kolkata' });
    expect(agenda.timezone).toBe('Asia/Kolkata');
    const file = scratch.path(`kolkata.${format}`);
    await writeAgenda(agenda, file, format);
    const { plan, read } = await planFile(file, client, GUIDE, { timezone: 'Pacific/Honolulu' });
    expect(read.converted.every((row) => row.ok && row.session.zone !== 'Pacific/Honolulu')).toBe(true);
    expect(byAction(plan.entries)).toEqual({ unchanged: expect.any(Array) });
  });
});

describe('an edit made in the exported file', () => {
  it('is an update of just the edited field', async () => {
    const sandbox = await seededSandbox();
    try {
      const client = clientFor(sandbox);
      const file = scratch.path('edited.csv');
      await writeAgenda(await exportGuide(client, { guideId: GUIDE }), file, 'csv');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('kick-off,Opening Keynote,2027-05-10,09:00,10:00,');
      writeFileSync(
        file,
        text.replace('kick-off,Opening Keynote,2027-05-10,09:00,10:00,', 'kick-off,Opening Keynote,2027-05-10,09:15,10:00,'),
      );

      const { plan } = await planFile(file, client, GUIDE);
      const edited = plan.entries.find((entry) => entry.importId === 'kick-off');
      expect(edited).toMatchObject({ action: 'update', patch: { start_time: '2027-05-10T13:15:00.000Z' } });
      if (edited?.action !== 'update') throw new Error('expected an update');
      expect(Object.keys(edited.patch)).toEqual(['start_time']);
    } finally {
      await sandbox.close();
    }
  });
});
