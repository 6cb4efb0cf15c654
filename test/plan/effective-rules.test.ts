import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/plan/plan-import.js';
import type { ApiSession, ConvertedRow } from '../../src/types.js';
import { GUIDE, okRow, serverSession, sheetSession } from './factories.js';

function plan(rows: ConvertedRow[], serverSessions: ApiSession[] = []) {
  return planImport({
    guideId: GUIDE,
    rows,
    serverSessions,
    tracks: [],
    locations: [],
    readRequests: 4,
    options: { createMissing: false, prune: false, yes: 0 },
  });
}

describe('rules checked on the session as it would be after the write', () => {
  it('a create with Max Capacity but no Require Login column is invalid before any request', () => {
    const row = sheetSession(5, { import_id: 'cap', add_to_schedule: true, max_capacity: 40 });
    const [entry] = plan([okRow(row)]).entries;
    expect(entry!.action).toBe('invalid');
    expect(entry!.issues[0]!.message).toBe(
      'Row 5: Max Capacity needs Require Login to be yes, and a new session has it off (the sheet does not set it): add a "Require Login" column or a mapping default',
    );
  });

  it('an update that sets Max Capacity on a session whose login is already on is fine', () => {
    const row = sheetSession(
      6,
      { import_id: 'id-9', name: 'Session 9', max_capacity: 40 },
      { mapped: ['name', 'start_time', 'import_id', 'max_capacity'] },
    );
    const [entry] = plan([okRow(row)], [serverSession(9, { require_login: true, add_to_schedule: true })]).entries;
    expect(entry!.action).toBe('update');
  });

  it('an update that sets Max Capacity on a session whose login is off names that session', () => {
    const row = sheetSession(
      7,
      { import_id: 'id-9', name: 'Session 9', max_capacity: 40 },
      { mapped: ['name', 'start_time', 'import_id', 'max_capacity'] },
    );
    const [entry] = plan([okRow(row)], [serverSession(9)]).entries;
    expect(entry!.action).toBe('invalid');
    expect(entry!.issues[0]!.message).toContain('session 9 has it off');
  });

  it('a waitlist without any capacity, and registration dates without login, are caught too', () => {
    const waitlist = sheetSession(8, { import_id: 'w', waitlist: true });
    const registration = sheetSession(9, { import_id: 'r', registration_start_date: '2027-02-01T10:00:00.000Z' });
    const entries = plan([okRow(waitlist), okRow(registration)]).entries;
    expect(entries.map((e) => e.action)).toEqual(['invalid', 'invalid']);
    expect(entries[0]!.issues[0]!.message).toContain('Waitlist needs Max Capacity set');
    expect(entries[1]!.issues[0]!.message).toContain('Registration Start needs Require Login to be yes');
  });
});
