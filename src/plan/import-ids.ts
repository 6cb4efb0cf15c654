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

// The identity of an import_id. `café` typed with a precomposed é and with e + a combining accent
// are one id to a reader but two strings to `===`; a zero-width space or a byte-order mark pasted
// from a web page or a word processor is invisible in every spreadsheet. Matching on raw strings
// would make such a row a second session of the same talk. Ids are matched, and written, in this
// one form: Unicode NFC with the invisible format characters (category Cf) removed.

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const HAS_FORMAT_CHARACTER = /\p{Cf}/u;

/** The form an import_id is matched and written in. Plain ASCII (most ids) is returned as it is. */
export function importIdKey(importId: string): string {
  if (PLAIN_ASCII.test(importId)) return importId;
  return importId.normalize('NFC').replace(FORMAT_CHARACTERS, '');
}

/** True when the id holds characters nobody can see (zero-width spaces, BOMs, direction marks). */
export function hasInvisibleCharacters(importId: string): boolean {
  return !PLAIN_ASCII.test(importId) && HAS_FORMAT_CHARACTER.test(importId);
}
