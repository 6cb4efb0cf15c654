import { redactSecrets } from '../redact.js';
import type { Action, Outcome, ReportRow } from '../types.js';
import { createRowTally, SHOWN_FAILURES, type RowTally } from './summary.js';
import type { ReportDocument } from './types.js';

const ACTIONS: readonly Action[] = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'];
const OUTCOMES: readonly Outcome[] = ['done', 'planned', 'failed', 'not_attempted'];
const count = (n: number) => n.toLocaleString('en-US');

/**
 * The one-screen summary printed to stderr at the end of a run. The rows are counted from
 * `doc.rows`, or taken from `extra.tally` when the command streamed its rows and kept none.
 */
export function formatSummaryText(doc: ReportDocument, extra: { reportPath: string; durationMs: number; tally?: RowTally }): string {
  const tally = extra.tally ?? tallyOf(doc.rows);
  const lines = [headline(doc)];
  lines.push(`  rows:     ${ACTIONS.map((action) => `${count(tally.actions.get(action) ?? 0)} ${action}`).join(', ')}`);
  lines.push(
    `  outcome:  ${OUTCOMES.map((outcome) => `${count(tally.outcomes.get(outcome) ?? 0)} ${outcome.replace('_', ' ')}`).join(', ')}`,
  );
  lines.push(`  requests: ${count(doc.summary.requests)} (of the 10,000-a-day budget)`);
  lines.push(`  time:     ${formatDuration(extra.durationMs)}`);
  lines.push(`  report:   ${extra.reportPath}`);

  const failures = tally.failures;
  if (failures > 0) {
    lines.push(
      `${count(failures)} ${failures === 1 ? 'row needs' : 'rows need'} attention${failures > SHOWN_FAILURES ? ` (first ${SHOWN_FAILURES})` : ''}:`,
    );
    for (const row of tally.firstFailures) lines.push(`  ${place(row)} ${row.action}: ${firstLine(row.message) || '(no message)'}`);
    if (failures > SHOWN_FAILURES) lines.push(`  … and ${count(failures - SHOWN_FAILURES)} more in the report`);
  }
  return lines.join('\n');
}

function tallyOf(rows: readonly ReportRow[]): RowTally {
  const tally = createRowTally(0);
  for (const row of rows) tally.add(row);
  return tally;
}

function headline(doc: ReportDocument): string {
  const source = doc.file ? ` ${doc.file}` : '';
  const target = doc.guideId !== null ? ` → guide ${doc.guideId}` : '';
  return `${doc.command}${source}${target}${doc.dryRun ? ' (dry run: nothing was written)' : ''}`;
}

function place(row: ReportRow): string {
  const where = row.row === null ? `session ${row.session_id ?? '?'}` : `row ${row.row}`;
  return `${row.sheet ? `${row.sheet} ` : ''}${where}${row.import_id ? ` [${row.import_id}]` : ''}`;
}

function firstLine(text: string): string {
  // Redacted before it is cut: a key split by the cut would no longer be recognised.
  const line = redactSecrets(text).split(/\r?\n/, 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
