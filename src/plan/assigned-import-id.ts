import type { ApiSession } from '../types.js';

// `export` gives every session that has no import_id the id `gb-session-<its Guidebook id>`, so
// the exported sheet can be edited and imported again. The first import of that sheet finds no
// server session holding the id; without this rule each such row would become a create, a
// duplicate of the very session it came from. Instead the row claims that session and writes
// the id to it, and from then on it is matched like any other.
const ASSIGNED_IMPORT_ID = /^gb-session-([1-9]\d{0,15})$/;

/** The import_id export assigns to a session that has none. */
export function assignedImportId(sessionId: number): string {
  return `gb-session-${sessionId}`;
}

/** The Guidebook session id an assigned import_id names, or null for any other id. */
export function sessionIdOfAssignedImportId(importId: string): number | null {
  const m = ASSIGNED_IMPORT_ID.exec(importId);
  return m ? Number(m[1]) : null;
}

/** Sessions a `gb-session-<id>` row may claim: those of the guide without an import_id, by id. */
export function sessionsWithoutImportId(sessions: readonly ApiSession[], guideId: number): Map<number, ApiSession> {
  const byId = new Map<number, ApiSession>();
  for (const session of sessions) {
    if (session.import_id) continue;
    if (session.guide !== undefined && session.guide !== guideId) continue;
    byId.set(session.id, session);
  }
  return byId;
}
