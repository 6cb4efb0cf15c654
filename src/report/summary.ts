import type { Action, Outcome, ReportRow, Summary } from '../types.js';
import { orderReportRows } from './order.js';

/**
 * The run's totals, as `--json` prints them:
 * - created / updated / deleted: rows of that action whose outcome is `done` (a dry run's planned
 *   writes are not counted as made);
 * - unchanged: rows of action `unchanged`, whatever the outcome (nothing to send either way);
 * - invalid / conflicts: rows of those actions (they always fail);
 * - failed: outcome `failed` among create, update and delete: writes the server refused or that
 *   were lost, so invalid and conflict rows are not counted twice;
 * - not_attempted: outcome `not_attempted`, any action (a stopped run);
 * - requests: HTTP requests spent, reads included.
 */
export function summarize(rows: Iterable<ReportRow>, requests: number): Summary {
  const tally = createRowTally(requests);
  for (const row of rows) tally.add(row);
  return tally.summary;
}

/** Rows named in the end-of-run summary text; the rest are counted. */
export const SHOWN_FAILURES = 5;

/**
 * Everything the end of a run tells about its rows, counted one row at a time, so a command
 * that streams its rows to the report (validate) need not keep them: the Summary, rows per action
 * and per outcome, and the first failed rows.
 */
export interface RowTally {
  readonly summary: Summary;
  readonly actions: ReadonlyMap<Action, number>;
  /** The speakers' rows per action (their rows are not in `actions`, which are the sessions'). */
  readonly speakerActions: ReadonlyMap<Action, number>;
  /** Rows per action whose outcome is `done` (`--json`'s `done`), the sessions' and the speakers'. */
  readonly doneActions: ReadonlyMap<Action, number>;
  readonly speakerDoneActions: ReadonlyMap<Action, number>;
  readonly outcomes: ReadonlyMap<Outcome, number>;
  /** Rows whose outcome is `failed`, of any action. */
  readonly failures: number;
  /** The first SHOWN_FAILURES of them, in the order added. */
  readonly firstFailures: readonly ReportRow[];
  add(row: ReportRow): void;
}

export function createRowTally(requests: number): RowTally {
  const summary: Summary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    invalid: 0,
    conflicts: 0,
    failed: 0,
    not_attempted: 0,
    requests,
  };
  const actions = new Map<Action, number>();
  const speakerActions = new Map<Action, number>();
  const doneActions = new Map<Action, number>();
  const speakerDoneActions = new Map<Action, number>();
  const outcomes = new Map<Outcome, number>();
  const firstFailures: ReportRow[] = [];
  let failures = 0;
  return {
    summary,
    actions,
    speakerActions,
    doneActions,
    speakerDoneActions,
    outcomes,
    get failures() {
      return failures;
    },
    firstFailures,
    add(row) {
      // A speaker's row is counted apart: the top-level counts stay the sessions'.
      const speaker = row.record === 'speaker';
      countRow(speaker ? (summary.speakers ??= emptyCounts()) : summary, row);
      const perAction = speaker ? speakerActions : actions;
      perAction.set(row.action, (perAction.get(row.action) ?? 0) + 1);
      if (row.outcome === 'done') {
        const done = speaker ? speakerDoneActions : doneActions;
        done.set(row.action, (done.get(row.action) ?? 0) + 1);
      }
      outcomes.set(row.outcome, (outcomes.get(row.outcome) ?? 0) + 1);
      if (row.outcome === 'failed') {
        failures++;
        if (firstFailures.length < SHOWN_FAILURES) firstFailures.push(row);
      }
    },
  };
}

/**
 * A tally of rows held whole (import, dedupe), taken in the finished report's order, so the first
 * failures named are the first in the sheet, not the first to come back from the server.
 */
export function tallyRows(rows: readonly ReportRow[], requests = 0): RowTally {
  const tally = createRowTally(requests);
  for (const row of orderReportRows(rows)) tally.add(row);
  return tally;
}

function emptyCounts(): NonNullable<Summary['speakers']> {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0, invalid: 0, conflicts: 0, failed: 0, not_attempted: 0 };
}

function countRow(summary: Omit<Summary, 'requests' | 'speakers'>, row: ReportRow): void {
  const done = row.outcome === 'done';
  switch (row.action) {
    case 'create':
      if (done) summary.created++;
      break;
    case 'update':
      if (done) summary.updated++;
      break;
    case 'delete':
      if (done) summary.deleted++;
      break;
    case 'unchanged':
      summary.unchanged++;
      break;
    case 'invalid':
      summary.invalid++;
      break;
    case 'conflict':
      summary.conflicts++;
      break;
  }
  const isWrite = row.action === 'create' || row.action === 'update' || row.action === 'delete';
  if (isWrite && row.outcome === 'failed') summary.failed++;
  if (row.outcome === 'not_attempted') summary.not_attempted++;
}
