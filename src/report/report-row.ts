import type { RowResult } from '../apply/types.js';
import type { CheckedEntry } from '../plan/types.js';
import type { Outcome, ReportRow, RowIssue } from '../types.js';

/** One report row from what apply did with one plan entry. */
export function toReportRow(result: RowResult, dryRun: boolean): ReportRow {
  const row = entryToReportRow(result.entry, dryRun ? 'planned' : result.outcome);
  if (result.entry.action === 'unchanged') row.outcome = dryRun ? 'planned' : 'done';
  if (result.sessionId !== null) row.session_id = result.sessionId;
  row.http_status = result.httpStatus;
  // A delete left planned: the entry's own message already says why and that --yes carries it
  // out; apply's "would delete: run with --yes" would say it twice.
  const saysItAlready = result.entry.action === 'delete' && row.outcome === 'planned';
  if (result.message && !saysItAlready && !row.message.includes(result.message)) {
    row.message = row.message ? `${result.message}; ${row.message}` : result.message;
  }
  return row;
}

/**
 * One report row for a plan entry that has not gone through apply (a dry run, or rows a stopped
 * run never reached). Some outcomes follow from the entry alone: invalid and conflict rows have
 * failed, and a delete without --yes stays planned, whatever the caller passes. A create's request
 * body is never shown: validate's entries come without one (RowPlanner.checkRow).
 */
export function entryToReportRow(entry: CheckedEntry, outcome: Outcome): ReportRow {
  const row: ReportRow = {
    sheet: entry.sheet,
    row: entry.row,
    import_id: entry.importId,
    name: entry.name,
    action: entry.action,
    outcome: forcedOutcome(entry) ?? outcome,
    session_id: 'sessionId' in entry ? entry.sessionId : null,
    http_status: null,
    changed_fields: entry.action === 'update' ? entry.changes.map((change) => change.field) : [],
    message: entryMessage(entry),
  };
  if (entry.zone) row.zone = entry.zone;
  if (entry.action === 'update') row.changes = entry.changes;
  if (entry.fields) row.fields = entry.fields;
  if (entry.issues.length > 0) row.issues = entry.issues;
  return row;
}

function forcedOutcome(entry: CheckedEntry): Outcome | undefined {
  if (entry.action === 'invalid' || entry.action === 'conflict') return 'failed';
  if (entry.action === 'delete' && !entry.confirmed) return 'planned';
  return undefined;
}

function entryMessage(entry: CheckedEntry): string {
  const issues = joinIssues(entry.issues);
  if (entry.action !== 'delete') return entry.note ? (issues ? `${entry.note}; ${issues}` : entry.note) : issues;
  const reason = entry.note ?? `import_id ${JSON.stringify(entry.importId)} is no longer in the sheet`;
  const text = entry.confirmed ? reason : `${reason}; add --yes to delete the session`;
  return issues ? `${text}; ${issues}` : text;
}

/** Errors first, then warnings, each in the order found. */
export function joinIssues(issues: readonly RowIssue[]): string {
  if (issues.length === 0) return '';
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity !== 'error');
  return [...errors, ...warnings].map((issue) => issue.message).join('; ');
}
