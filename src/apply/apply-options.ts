// What applyPlan takes and gives back beyond the shared RowResult (src/apply/types.ts).
import type { GuidebookImportError } from '../errors.js';
import type { ApiLocation, ApiScheduleTrack } from '../types.js';
import type { RowResult } from './types.js';

export interface ApplyOptions {
  /** SIGINT/SIGTERM from the CLI: once aborted, no new entry is taken. */
  signal?: AbortSignal;
  /** Called as each entry finishes (the report appends it). */
  onResult?: (result: RowResult) => void;
  /** Every entry → 'planned' (invalid/conflict → 'failed'), no request. */
  dryRun?: boolean;
  /**
   * Write entries in flight at most. The client's throttle paces the requests; this only keeps
   * a 100k-row plan from becoming 100k waiting promises. Default 8 (2 × the client's default 4).
   */
  maxInFlight?: number;
  /**
   * The guide's tracks and locations as the plan was made from them, when that listing is fresh
   * (planned moments ago in the same run). Tracks and locations to create are then looked up
   * there instead of listed again: the plan only asks to create names absent from this very
   * listing, so a second listing costs a request per kind and finds nothing new. Leave it out
   * for a plan made earlier (saved, or applied after a pause): apply then lists them again so
   * that ones created meanwhile (a killed run, a colleague) are reused, not duplicated.
   */
  knownReferences?: {
    tracks: readonly ApiScheduleTrack[];
    locations: readonly ApiLocation[];
  };
}

export interface ApplyResult {
  /** One per plan entry, in plan order. */
  results: RowResult[];
  /** The error that stopped the run early (code budget, max_requests, interrupted, auth or redirect). */
  stoppedBy: GuidebookImportError | null;
  /** Tracks and locations this run created. */
  createdTracks: ApiScheduleTrack[];
  createdLocations: ApiLocation[];
  /** Tracks and locations the plan wanted created but found already there (an earlier killed run). */
  reusedTracks: ApiScheduleTrack[];
  reusedLocations: ApiLocation[];
}

export const DEFAULT_MAX_IN_FLIGHT = 8;
