import { describe, expect, it } from 'vitest';
import { planDedupe, type DedupeInput } from '../../src/plan/plan-deletes.js';
import type { DeleteEntry, UnchangedEntry } from '../../src/plan/types.js';
import { badRow, GUIDE, okRow, serverSession, sheetSession } from './factories.js';

const base = (fields: Partial<DedupeInput>): DedupeInput => ({
  guideId: GUIDE,
  serverSessions: [],
  yes: false,
  sheetName: 'Agenda',
  readRequests: 2,
  ...fields,
});
const summary = (input: DedupeInput) =>
  planDedupe(input).entries.map(
    (entry) =>
      `${entry.action} ${(entry as UnchangedEntry | DeleteEntry).sessionId}${entry.action === 'delete' && entry.confirmed ? ' (yes)' : ''}`,
  );

describe('planDedupe', () => {
  it('keeps the oldest of each import_id held by several sessions; leaves single ids and sessions without one alone', () => {
    const sessions = [
      serverSession(12, { import_id: 'a' }),
      serverSession(3, { import_id: 'b' }),
      serverSession(5, { import_id: 'a' }),
      serverSession(8, { import_id: null }),
      serverSession(9, { import_id: null }),
      serverSession(4, { import_id: 'c' }),
      serverSession(20, { import_id: 'b' }),
    ];
    expect(summary(base({ serverSessions: sessions }))).toEqual(['unchanged 3', 'delete 20', 'unchanged 5', 'delete 12']);
    const plan = planDedupe(base({ serverSessions: sessions, yes: true }));
    expect(plan.writeRequests).toBe(2);
    expect(plan.readRequests).toBe(2);
    expect(plan.entries.filter((entry) => entry.action === 'delete').every((entry) => (entry as DeleteEntry).confirmed)).toBe(true);
    expect(planDedupe(base({ serverSessions: sessions })).writeRequests).toBe(0);
  });

  it('one id typed two ways (NFC and NFD, a zero-width space) is one id; another guide and a repeated listing are not duplicates', () => {
    const sessions = [
      serverSession(1, { import_id: 'caf\u00e9' }),
      serverSession(2, { import_id: 'cafe\u0301' }),
      serverSession(3, { import_id: 'caf\u00e9\u200b' }),
      serverSession(4, { import_id: 'x', guide: GUIDE + 1 }),
      serverSession(5, { import_id: 'x' }),
      serverSession(5, { import_id: 'x' }),
    ];
    expect(summary(base({ serverSessions: sessions }))).toEqual(['unchanged 1', 'delete 2', 'delete 3']);
  });

  it('with a sheet: keeps the session the row matches, says why, and falls back to the oldest when none does', () => {
    const row = okRow(
      sheetSession(
        2,
        { import_id: 'a', name: 'Keynote', start_time: '2027-03-01T14:00:00.000Z' },
        { mapped: ['import_id', 'name', 'start_time'] },
      ),
    );
    const sessions = [serverSession(1, { import_id: 'a', name: 'Keynote draft' }), serverSession(2, { import_id: 'a', name: 'Keynote' })];
    const sheet = { rows: [row], tracks: [], locations: [] };
    const plan = planDedupe(base({ serverSessions: sessions, sheet }));
    expect(plan.entries.map((entry) => [entry.action, (entry as UnchangedEntry).sessionId])).toEqual([
      ['unchanged', 2],
      ['delete', 1],
    ]);
    expect(plan.entries[0]!.note).toMatch(/^kept: it matches sheet row 2; import_id "a" is held by 2 sessions \(ids 1, 2\)$/);
    expect(plan.entries[1]!.note).toBe('a duplicate of session 2, which holds the same import_id "a" and is kept');

    const noneMatch = planDedupe(base({ serverSessions: sessions.map((s) => ({ ...s, name: 'Other' })), sheet }));
    expect(noneMatch.entries[0]).toMatchObject({ action: 'unchanged', sessionId: 1 });
    expect(noneMatch.entries[0]!.note).toMatch(/kept: the oldest of the sessions, as none matches sheet row 2/);

    const invalid = planDedupe(base({ serverSessions: sessions, sheet: { ...sheet, rows: [badRow(4, 'a', [{}])] } }));
    expect(invalid.entries[0]!.note).toMatch(/as sheet row 4 with this import_id is invalid/);
    const absent = planDedupe(base({ serverSessions: sessions, sheet: { ...sheet, rows: [] } }));
    expect(absent.entries[0]!.note).toMatch(/as the sheet has no row with this import_id/);
  });

  it("gives each delete the session's time and room, as prune's deletes have them for the report's timeline", () => {
    const sessions = [
      serverSession(1, { import_id: 'a', name: 'Keynote' }),
      serverSession(2, {
        import_id: 'a',
        name: 'Keynote',
        start_time: '2027-03-01T15:00:00.000000+0000',
        end_time: '2027-03-01T16:00:00.000000+0000',
        locations: [7],
        schedule_tracks: [3],
      }),
    ];
    const deleted = (input: DedupeInput) => planDedupe(input).entries.find((entry) => entry.action === 'delete')!.fields;
    // Without a sheet no rooms or tracks are listed (no request is spent on them): their ids are shown.
    expect(deleted(base({ serverSessions: sessions }))).toEqual({
      name: 'Keynote',
      start_time: '2027-03-01T15:00:00.000000+0000',
      end_time: '2027-03-01T16:00:00.000000+0000',
      all_day: false,
      schedule_tracks: ['#3'],
      locations: ['#7'],
    });
    const sheet = {
      rows: [],
      tracks: [{ id: 3, guide: GUIDE, name: 'Data' }],
      locations: [{ id: 7, guide: GUIDE, name: 'Room B' }],
    } as unknown as DedupeInput['sheet'];
    expect(deleted(base({ serverSessions: sessions, sheet }))).toMatchObject({ schedule_tracks: ['Data'], locations: ['Room B'] });
  });
});
