import type { ReportRow, Summary } from '../types.js';

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
export function summarize(rows: readonly ReportRow[], requests: number): Summary {
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
  for (const row of rows) {
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
  return summary;
}
