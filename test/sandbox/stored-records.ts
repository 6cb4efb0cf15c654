// Records as a state file holds them (every field written out), for a sandbox started with data
// already in it: another account's session, a large guide.
import type { SandboxSession } from '../../src/sandbox/index.js';

export const STORED_AT = '2027-01-01T00:00:00.000000+0000';

export function storedSession(id: number, guide: number, fields: Partial<SandboxSession> = {}): SandboxSession {
  return {
    id,
    guide,
    name: 'x',
    start_time: STORED_AT,
    end_time: null,
    all_day: false,
    description_html: null,
    import_id: null,
    allow_rating: false,
    add_to_schedule: false,
    schedule_tracks: [],
    locations: [],
    rank: null,
    require_login: false,
    max_capacity: null,
    waitlist: false,
    registration_start_date: null,
    registration_end_date: null,
    created_at: STORED_AT,
    last_updated: STORED_AT,
    ...fields,
  };
}
