// Records as a state file holds them (every field written out), for a sandbox started with data
// already in it: another account's session, a large guide. The fields a record leaves out are the
// sandbox's own defaults (normalize-state.ts), so this stays true when a field is added there.
import type { SandboxSession } from '../../src/sandbox/index.js';
import { sessionDefaults } from '../../src/sandbox/normalize-state.js';

export const STORED_AT = '2027-01-01T00:00:00.000000+0000';

export function storedSession(id: number, guide: number, fields: Partial<SandboxSession> = {}): SandboxSession {
  return {
    ...sessionDefaults(),
    id,
    guide,
    name: 'x',
    start_time: STORED_AT,
    rank: null,
    created_at: STORED_AT,
    last_updated: STORED_AT,
    ...fields,
  };
}
