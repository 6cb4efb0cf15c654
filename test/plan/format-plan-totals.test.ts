import { describe, expect, it } from 'vitest';
import { formatPlanTotals } from '../../src/plan/format-plan-totals.js';
import { planImport } from '../../src/plan/plan-import.js';
import { GUIDE, badRow, okRow, serverSession, sheetSession } from './factories.js';

function mixedPlan(yes: number) {
  return planImport({
    guideId: GUIDE,
    rows: [
      okRow(sheetSession(2, { import_id: 'new' })),
      okRow(sheetSession(3, { import_id: 'id-1', name: 'Changed' })),
      okRow(sheetSession(4, { import_id: 'id-2', name: 'Session 2' })),
      okRow(
        sheetSession(
          5,
          { import_id: 'id-3', name: 'Session 3' },
          { tracks: ['Fresh'], mapped: ['import_id', 'name', 'start_time', 'schedule_tracks'] },
        ),
      ),
      badRow(6, 'bad', [{ code: 'bad_date' }]),
    ],
    serverSessions: [serverSession(1), serverSession(2), serverSession(3), serverSession(4)],
    tracks: [],
    locations: [],
    readRequests: 1234,
    options: { createMissing: true, prune: true, yes },
  });
}

describe('formatPlanTotals', () => {
  it('counts creates, updates, confirmed deletes and tracks to create as writes', () => {
    // new → create; id-1 → update; id-2 → unchanged; id-3 → update (pending track); id-4 → delete.
    expect(mixedPlan(0).writeRequests).toBe(1 + 2 + 0 + 1);
    expect(mixedPlan(1).writeRequests).toBe(1 + 2 + 1 + 1);
  });

  it('states counts per action and the cost against the daily budget', () => {
    const text = formatPlanTotals(mixedPlan(0));
    expect(text).toContain('1 to create, 2 to update, 1 unchanged, 1 to delete, 1 invalid, 0 conflicts');
    expect(text).toContain('1 delete is only planned: add --yes');
    expect(text).toContain('First creates 1 schedule track');
    expect(text).toContain('This run will send 4 write requests (1,234 already spent reading) of the 10,000-a-day budget');
  });

  it('counts an unchanged session whose speaker links or image change as an update, as its report row is', () => {
    const text = formatPlanTotals(mixedPlan(0), undefined, new Set(['id-2', 'new', 'nowhere']));
    expect(text).toContain('1 to create, 3 to update, 0 unchanged, 1 to delete, 1 invalid, 0 conflicts');
  });

  it('warns when the plan costs more than the budget', () => {
    const text = formatPlanTotals(mixedPlan(1), 1000);
    expect(text).toContain('of the 1,000-a-day budget');
    expect(text).toContain('more than the daily budget');
  });
});
