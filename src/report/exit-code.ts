// The exit code of every command, in one place (README "Exit codes"): 0 every row done or
// planned; 1 some rows invalid, conflicting or failed; 2 the run could not start or could not go
// on (bad options, unreadable file, rejected key); 3 stopped early (budget, --max-requests,
// interrupted) or the report could not be written.
import { exitCodeFor, type GuidebookImportError } from '../errors.js';
import type { Summary } from '../types.js';

export interface RunOutcome {
  /** The rows' tally; absent for a run that stopped before any row (a thrown run-level error). */
  summary?: Summary;
  /** Why the run stopped before its end, or null. */
  stoppedBy?: GuidebookImportError | null;
  /** True when the report could not be written: the run's outcome is then not on record. */
  reportFailed?: boolean;
}

export function exitCodeOf(run: RunOutcome): 0 | 1 | 2 | 3 {
  if (run.reportFailed) return 3;
  if (run.stoppedBy) return exitCodeFor(run.stoppedBy.code);
  if (!run.summary) return 0;
  const { invalid, conflicts, failed, speakers } = run.summary;
  const speakerProblems = speakers ? speakers.invalid + speakers.conflicts + speakers.failed : 0;
  return invalid + conflicts + failed + speakerProblems > 0 ? 1 : 0;
}
