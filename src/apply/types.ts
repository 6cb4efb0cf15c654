import type { PlanEntry } from '../plan/types.js';
import type { Outcome } from '../types.js';

/** What happened to one plan entry. */
export interface RowResult {
  entry: PlanEntry;
  outcome: Outcome;
  sessionId: number | null;
  httpStatus: number | null;
  message: string;
}
