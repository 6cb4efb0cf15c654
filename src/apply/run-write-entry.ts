// Carries out one create, update or confirmed delete and turns whatever happened into a RowResult.
// Only a stop error (budget, max_requests, interrupted, auth, redirect) escapes, as a StopOutcome,
// so the loop can stop taking entries.
import { GuidebookImportError, HttpError, formatFieldErrors } from '../errors.js';
import type { GuidebookClient, SessionWriteBody } from '../api/types.js';
import type { CreateEntry, DeleteEntry, PendingRefs, UpdateEntry } from '../plan/types.js';
import { pendingIds, type ResolvedRefs } from './pending-refs.js';
import { earlierAttemptWasSent, isStopError, notAttemptedMessage } from './stop-reason.js';
import type { StopError } from './run-stop.js';
import type { StoredValueNotes } from './stored-values.js';
import type { RowResult } from './types.js';

export type WriteEntry = CreateEntry | UpdateEntry | (DeleteEntry & { confirmed: true });

export interface WriteOutcome {
  result: RowResult;
  /** Set when the request met a stop error: the run takes no new entries. */
  stop?: StopError;
}

export async function runWriteEntry(
  entry: WriteEntry,
  client: GuidebookClient,
  refs: ResolvedRefs,
  notes: StoredValueNotes,
): Promise<WriteOutcome> {
  try {
    return { result: await carryOut(entry, client, refs, notes) };
  } catch (error) {
    if (isStopError(error)) return { result: stoppedResult(entry, error), stop: error };
    return { result: failedResult(entry, error) };
  }
}

async function carryOut(entry: WriteEntry, client: GuidebookClient, refs: ResolvedRefs, notes: StoredValueNotes): Promise<RowResult> {
  switch (entry.action) {
    case 'create': {
      const body = withPendingIds(entry.body, entry.pending, refs);
      if ('failure' in body) return failed(entry, body.failure);
      const created = await client.createSession(body.value);
      const done = !created.recovered
        ? 'created'
        : created.unusableAnswer
          ? 'created (the server answered without the session; found by import_id)'
          : 'created (recovered after a lost answer)';
      return {
        entry,
        outcome: 'done',
        sessionId: created.session.id,
        httpStatus: created.status,
        message: withNote(done, notes.note(body.value, created.session)),
      };
    }
    case 'update': {
      const patch = withPendingIds(entry.patch, entry.pending, refs);
      if ('failure' in patch) return { ...failed(entry, patch.failure), sessionId: entry.sessionId };
      // The guide goes with every PATCH: a session never moves, so the server refuses to change
      // one of another guide instead of changing it.
      const updated = await client.patchSession(entry.sessionId, { ...patch.value, guide: refs.guideId });
      return {
        entry,
        outcome: 'done',
        sessionId: updated.id,
        httpStatus: 200,
        message: withNote(`updated ${entry.changes.map((change) => change.field).join(', ')}`, notes.note(patch.value, updated)),
      };
    }
    case 'delete':
      try {
        await client.deleteSession(entry.sessionId);
        return { entry, outcome: 'done', sessionId: entry.sessionId, httpStatus: 204, message: 'deleted' };
      } catch (error) {
        // Gone already (deleted by hand or by an earlier run): what the delete wanted is true.
        if (error instanceof HttpError && error.status === 404) {
          return { entry, outcome: 'done', sessionId: entry.sessionId, httpStatus: 404, message: 'deleted (it was already gone)' };
        }
        throw error;
      }
  }
}

function withNote(message: string, note: string | null): string {
  return note === null ? message : `${message}; ${note}`;
}

/**
 * The body with the ids of tracks/locations created by this run added to the ids the planner
 * already knew. Body and patch are left untouched (the plan may be applied again).
 */
function withPendingIds<B extends SessionWriteBody>(
  body: B,
  pending: PendingRefs | undefined,
  refs: ResolvedRefs,
): { value: B } | { failure: string } {
  if (!pending) return { value: body };
  const tracks = pendingIds(refs.tracks, pending.schedule_tracks);
  if ('failure' in tracks) return tracks;
  const locations = pendingIds(refs.locations, pending.locations);
  if ('failure' in locations) return locations;
  const value = { ...body };
  if (pending.schedule_tracks?.length) value.schedule_tracks = union(body.schedule_tracks, tracks.ids);
  if (pending.locations?.length) value.locations = union(body.locations, locations.ids);
  return { value };
}

function union(known: number[] | undefined, added: number[]): number[] {
  return [...new Set([...(known ?? []), ...added])];
}

function failedResult(entry: WriteEntry, error: unknown): RowResult {
  const sessionId = entry.action === 'create' ? null : entry.sessionId;
  if (error instanceof HttpError) {
    const message =
      error.status === 400 && Object.keys(error.fieldErrors).length > 0
        ? `server rejected: ${formatFieldErrors(error.fieldErrors)}`
        : error.message;
    return { entry, outcome: 'failed', sessionId, httpStatus: error.status, message };
  }
  // Our own errors are written for users; anything else (a TypeError from an answer of an
  // unexpected shape) is named as what it is, never passed off as the server's word.
  const message =
    error instanceof GuidebookImportError
      ? error.message
      : `unexpected error while handling the server's answer (${error instanceof Error ? error.name : typeof error}); the row is not counted as done`;
  return { entry, outcome: 'failed', sessionId, httpStatus: null, message };
}

/** A stop error met in flight: nothing happened on the server unless an earlier attempt was sent. */
function stoppedResult(entry: WriteEntry, stop: StopError): RowResult {
  const sessionId = entry.action === 'create' ? null : entry.sessionId;
  const httpStatus = stop instanceof HttpError ? stop.status : null;
  if (earlierAttemptWasSent(stop)) {
    return {
      entry,
      outcome: 'failed',
      sessionId,
      httpStatus,
      message: `${stop.message} (after an attempt whose answer was lost; a re-run checks it and does not duplicate)`,
    };
  }
  return { entry, outcome: 'not_attempted', sessionId, httpStatus, message: notAttemptedMessage(stop) };
}

function failed(entry: WriteEntry, message: string): RowResult {
  return { entry, outcome: 'failed', sessionId: null, httpStatus: null, message };
}
