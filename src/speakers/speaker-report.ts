// A speaker's row of the results report: the Speakers sheet's row, or the session row that first
// named the speaker; `session_id` holds the custom list item's id.
import { joinIssues } from '../report/report-row.js';
import type { ReportRow } from '../types.js';
import type { SpeakerResult } from './apply-speakers.js';

export function speakerReportRow(result: SpeakerResult, dryRun: boolean): ReportRow {
  const { entry } = result;
  const forced =
    entry.action === 'invalid' || entry.action === 'conflict'
      ? 'failed'
      : entry.action === 'delete' && !entry.confirmed
        ? 'planned'
        : undefined;
  const outcome = forced ?? (dryRun ? 'planned' : result.outcome);
  const deleteNote =
    entry.action === 'delete'
      ? `speaker import id ${JSON.stringify(entry.importId)} is no longer in the sheet${entry.confirmed ? '' : '; add --yes to delete the speaker'}`
      : '';
  const row: ReportRow = {
    sheet: entry.sheet,
    row: entry.row,
    import_id: entry.importId,
    name: entry.name,
    action: entry.action,
    outcome,
    session_id: result.itemId,
    http_status: result.httpStatus,
    changed_fields: entry.changedFields,
    message: [dryRun ? '' : result.message, deleteNote, joinIssues(entry.issues)].filter(Boolean).join('; '),
    record: 'speaker',
  };
  if (entry.changes.length > 0) row.changes = entry.changes;
  if (entry.fields) row.fields = entry.fields;
  if (entry.issues.length > 0) row.issues = entry.issues;
  return row;
}
