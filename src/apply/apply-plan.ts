// Carries out a plan: no decisions here, the planner made them all (src/plan/).
import type { GuidebookClient } from '../api/types.js';
import { GuidebookImportError } from '../errors.js';
import type { Plan, PlanEntry } from '../plan/types.js';
import { DEFAULT_MAX_IN_FLIGHT, type ApplyOptions, type ApplyResult } from './apply-options.js';
import { createPendingRefs } from './pending-refs.js';
import { isWriteEntry } from '../plan/types.js';
import { resolveDryRun, resolveWithoutRequest } from './resolve-without-request.js';
import { RunStop } from './run-stop.js';
import { runBounded } from './bounded-pool.js';
import { runWriteEntry, type WriteEntry } from './run-write-entry.js';
import { StoredValueNotes } from './stored-values.js';
import { notAttemptedMessage } from './stop-reason.js';
import type { RowResult } from './types.js';

/**
 * Applies `plan` through `client`: first the tracks and locations it creates, then its writes,
 * a bounded number in flight (the client's throttle paces them). Entries that need no request
 * are resolved at once. A stop error (daily budget, --max-requests, interrupt, a rejected key,
 * a redirect) ends the run cleanly: in-flight writes finish, the rest are 'not_attempted', and
 * `stoppedBy` says why.
 */
export async function applyPlan(plan: Plan, client: GuidebookClient, options: ApplyOptions = {}): Promise<ApplyResult> {
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
    throw new GuidebookImportError('usage', `maxInFlight must be a whole number of at least 1, got ${JSON.stringify(maxInFlight)}`);
  }
  const results = new Array<RowResult>(plan.entries.length);
  const record = (index: number, result: RowResult): void => {
    results[index] = result;
    options.onResult?.(result);
  };
  const applied: ApplyResult = { results, stoppedBy: null, createdTracks: [], createdLocations: [], reusedTracks: [], reusedLocations: [] };

  if (options.dryRun) {
    for (const [index, entry] of plan.entries.entries()) record(index, resolveDryRun(entry));
    return applied;
  }

  const writes: number[] = [];
  plan.entries.forEach((entry, index) => {
    if (isWriteEntry(entry)) writes.push(index);
    else record(index, resolveWithoutRequest(entry));
  });
  if (writes.length === 0) return applied;

  const stop = new RunStop(options.signal);
  const notes = new StoredValueNotes();
  const refs = await createPendingRefs(plan, client, stop, options.knownReferences);
  applied.createdTracks = refs.tracks.created;
  applied.reusedTracks = refs.tracks.reused;
  applied.createdLocations = refs.locations.created;
  applied.reusedLocations = refs.locations.reused;

  const taken = await runBounded(
    writes,
    maxInFlight,
    async (index) => {
      const outcome = await runWriteEntry(plan.entries[index] as WriteEntry, client, refs, notes);
      if (outcome.stop) stop.stopWith(outcome.stop);
      record(index, outcome.result);
    },
    () => stop.check() !== null,
  );

  // A signal that fires after the last write was taken stopped nothing: the run is complete.
  const stoppedBy = taken < writes.length ? stop.check() : stop.recorded;
  if (stoppedBy) {
    const message = notAttemptedMessage(stoppedBy);
    for (const index of writes) {
      if (results[index]) continue;
      record(index, notAttempted(plan.entries[index] as PlanEntry, message));
    }
  }
  applied.stoppedBy = stoppedBy;
  return applied;
}

function notAttempted(entry: PlanEntry, message: string): RowResult {
  return { entry, outcome: 'not_attempted', sessionId: 'sessionId' in entry ? entry.sessionId : null, httpStatus: null, message };
}
