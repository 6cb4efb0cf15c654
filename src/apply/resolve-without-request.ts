// Outcomes that need no request: rows that are invalid, conflicting, unchanged or a delete that
// was not confirmed, and every row of a dry run.
import type { PlanEntry } from '../plan/types.js';
import type { RowResult } from './types.js';

/** The result of an entry that is not a write (see isWriteEntry in plan/types.ts). */
export function resolveWithoutRequest(entry: PlanEntry): RowResult {
  switch (entry.action) {
    case 'invalid':
    case 'conflict':
      return result(entry, 'failed', issueMessage(entry));
    case 'unchanged':
      return { ...result(entry, 'done', 'unchanged'), sessionId: entry.sessionId };
    case 'delete':
      return { ...result(entry, 'planned', 'would delete: run with --yes to delete'), sessionId: entry.sessionId };
    default:
      throw new Error(`resolveWithoutRequest called with a write entry (${entry.action})`);
  }
}

/** A dry run: nothing is sent, so everything that would be carried out is 'planned'. */
export function resolveDryRun(entry: PlanEntry): RowResult {
  switch (entry.action) {
    case 'invalid':
    case 'conflict':
      return result(entry, 'failed', issueMessage(entry));
    case 'create':
      return result(entry, 'planned', withPending('would create', entry.pending));
    case 'update':
      return {
        ...result(entry, 'planned', withPending(`would update ${entry.changes.map((c) => c.field).join(', ')}`, entry.pending)),
        sessionId: entry.sessionId,
      };
    case 'unchanged':
      return { ...result(entry, 'planned', 'unchanged'), sessionId: entry.sessionId };
    case 'delete':
      return {
        ...result(entry, 'planned', entry.confirmed ? 'would delete' : 'would delete: run with --yes to delete'),
        sessionId: entry.sessionId,
      };
  }
}

function result(entry: PlanEntry, outcome: RowResult['outcome'], message: string): RowResult {
  return { entry, outcome, sessionId: null, httpStatus: null, message };
}

/** The row's error messages (warnings are reported beside them, not as the reason). */
function issueMessage(entry: PlanEntry): string {
  const errors = entry.issues.filter((issue) => issue.severity === 'error');
  const chosen = errors.length > 0 ? errors : entry.issues;
  if (chosen.length > 0) return chosen.map((issue) => issue.message).join('; ');
  return entry.action === 'conflict' ? `import_id "${entry.importId}" is held by more than one row or session` : 'invalid row';
}

function withPending(text: string, pending: { schedule_tracks?: string[]; locations?: string[] } | undefined): string {
  const parts: string[] = [];
  if (pending?.schedule_tracks?.length) parts.push(`new schedule tracks ${quoteAll(pending.schedule_tracks)}`);
  if (pending?.locations?.length) parts.push(`new locations ${quoteAll(pending.locations)}`);
  return parts.length > 0 ? `${text} (with ${parts.join(' and ')})` : text;
}

function quoteAll(names: string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ');
}
