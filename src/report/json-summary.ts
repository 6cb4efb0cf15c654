// What `--json` prints on stdout: one object a script can read without parsing the human summary.
// The counts of what was done (PRODUCT.md's keys, first and unchanged), what the plan holds in
// `planned`, what happened to the writes in `done`, and the run's facts (dry run, guide, exit
// code, report path, why it stopped, the first failures). `version` is the shape's version: a
// key removed or changing meaning raises it; keys only ever get added within one version.
// schemas/json-summary.schema.json is generated from json-summary-schema.ts and describes it.
import { redactSecrets } from '../redact.js';
import type { Action, ReportRow, Summary } from '../types.js';
import type { RowTally } from './summary.js';
import type { ReportDocument } from './types.js';

export const JSON_SUMMARY_VERSION = 1;

/** Rows per action of the plan, keyed by the report's action names (create, update, ...). */
export type PlannedCounts = Record<Action, number>;

/**
 * What the run did, keyed like `planned`: rows per action whose outcome is `done` (an unchanged
 * row is done once the server was read; invalid and conflict rows never are, so those two are 0
 * and stay for a script that compares `planned` with `done` key by key), plus the writes that
 * failed and the rows not attempted.
 */
export type DoneCounts = Record<Action, number> & { failed: number; not_attempted: number };

export interface JsonFailure {
  sheet: string;
  row: number | null;
  import_id: string;
  action: Action;
  session_id: number | null;
  http_status: number | null;
  message: string;
}

export type JsonSummary = Omit<Summary, 'speakers'> & {
  /** The speakers' counts, done and planned (present when the run had speakers). */
  speakers?: NonNullable<Summary['speakers']> & { planned: PlannedCounts; done: DoneCounts };
  planned: PlannedCounts;
  done: DoneCounts;
  dry_run: boolean;
  command: ReportDocument['command'];
  guide: number | null;
  exit_code: 0 | 1 | 2 | 3;
  /** Absolute path of the report written. */
  report: string;
  /** Why the run stopped before its end (budget, --max-requests, interrupt), or null. */
  stopped: string | null;
  /** Rows the run did not get to; a re-run does them. */
  left: number;
  /** The first failed rows, in sheet order. */
  failures: JsonFailure[];
  version: typeof JSON_SUMMARY_VERSION;
};

export function jsonSummary(
  doc: ReportDocument,
  tally: RowTally,
  run: { exitCode: 0 | 1 | 2 | 3; reportPath: string; stopped: string | null },
): JsonSummary {
  const { speakers, ...summary } = doc.summary;
  return {
    ...summary,
    planned: countsOf(tally.actions),
    done: { ...countsOf(tally.doneActions), failed: summary.failed, not_attempted: summary.not_attempted },
    dry_run: doc.dryRun,
    command: doc.command,
    guide: doc.guideId,
    exit_code: run.exitCode,
    report: run.reportPath,
    stopped: run.stopped === null ? null : redactSecrets(run.stopped),
    left: summary.not_attempted + (speakers?.not_attempted ?? 0),
    failures: tally.firstFailures.map(failureOf),
    ...(speakers
      ? {
          speakers: {
            ...speakers,
            planned: countsOf(tally.speakerActions),
            done: { ...countsOf(tally.speakerDoneActions), failed: speakers.failed, not_attempted: speakers.not_attempted },
          },
        }
      : {}),
    version: JSON_SUMMARY_VERSION,
  };
}

/** Rows per action, every action named (0 when none). */
function countsOf(actions: ReadonlyMap<Action, number>): PlannedCounts {
  const per = (action: Action) => actions.get(action) ?? 0;
  return {
    create: per('create'),
    update: per('update'),
    unchanged: per('unchanged'),
    delete: per('delete'),
    invalid: per('invalid'),
    conflict: per('conflict'),
  };
}

function failureOf(row: ReportRow): JsonFailure {
  return {
    sheet: row.sheet,
    row: row.row,
    import_id: row.import_id,
    action: row.action,
    session_id: row.session_id,
    http_status: row.http_status,
    message: redactSecrets(row.message),
  };
}
