// --max-requests, checked before the first write: a half-applied plan is worse than none when the
// cap is already known to be too small for it.
import type { GuidebookClient } from '../api/types.js';
import { GuidebookImportError } from '../errors.js';
import type { Plan } from '../plan/types.js';

export interface RequestCap {
  /** The run's --max-requests; undefined: no cap. */
  maxRequests: number | undefined;
  /** A dry run writes nothing, so no cap can stop it. */
  dryRun: boolean;
  /** How the message names the writes and what was left alone: 'write'/'written', 'delete'/'deleted'. */
  writes: 'write' | 'delete';
  /** The end of the message, what to do about it. */
  advice: string;
}

/**
 * The stop to report when the plan's writes do not fit in what --max-requests leaves of the run
 * (the client's count so far included), or null when they fit. Sends nothing.
 */
export function requestCapStop(plan: Plan, client: GuidebookClient, cap: RequestCap): GuidebookImportError | null {
  const budgetLeft = cap.maxRequests === undefined ? Infinity : cap.maxRequests - client.requestCount;
  if (cap.dryRun || plan.writeRequests <= budgetLeft) return null;
  const done = cap.writes === 'write' ? 'written' : 'deleted';
  return new GuidebookImportError(
    'max_requests',
    `the plan needs ${plan.writeRequests} ${cap.writes} requests but --max-requests leaves ${Math.max(0, budgetLeft)}; nothing was ${done} (${cap.advice})`,
  );
}
