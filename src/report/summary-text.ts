import type { Action, Outcome, ReportRow } from '../types.js';
import type { ReportDocument } from './types.js';

const ACTIONS: readonly Action[] = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'];
const OUTCOMES: readonly Outcome[] = ['done', 'planned', 'failed', 'not_attempted'];
const SHOWN_FAILURES = 5;
const count = (n: number) => n.toLocaleString('en-US');

/** The one-screen summary printed to stderr at the end of a run. */
export function formatSummaryText(doc: ReportDocument, extra: { reportPath: string; durationMs: number }): string {
  const actions = tally(doc.rows, (row) => row.action);
  const outcomes = tally(doc.rows, (row) => row.outcome);
  const lines = [headline(doc)];
  lines.push(`  rows:     ${ACTIONS.map((action) => `${count(actions.get(action) ?? 0)} ${action}`).join(', ')}`);
  lines.push(`  outcome:  ${OUTCOMES.map((outcome) => `${count(outcomes.get(outcome) ?? 0)} ${outcome.replace('_', ' ')}`).join(', ')}`);
  lines.push(`  requests: ${count(doc.summary.requests)} (of the 10,000-a-day budget)`);
  lines.push(`  time:     ${formatDuration(extra.durationMs)}`);
  lines.push(`  report:   ${extra.reportPath}`);

  const failures = doc.rows.filter((row) => row.outcome === 'failed');
  if (failures.length > 0) {
    lines.push(`${count(failures.length)} ${failures.length === 1 ? 'row needs' : 'rows need'} attention${failures.length > SHOWN_FAILURES ? ` (first ${SHOWN_FAILURES})` : ''}:`);
    for (const row of failures.slice(0, SHOWN_FAILURES)) lines.push(`  ${place(row)} ${row.action}: ${firstLine(row.message) || '(no message)'}`);
    if (failures.length > SHOWN_FAILURES) lines.push(`  … and ${count(failures.length - SHOWN_FAILURES)} more in the report`);
  }
  return lines.join('\n');
}

function headline(doc: ReportDocument): string {
  const source = doc.file ? ` ${doc.file}` : '';
  const target = doc.guideId !== null ? ` → guide ${doc.guideId}` : '';
  return `${doc.command}${source}${target}${doc.dryRun ? ' (dry run: nothing was written)' : ''}`;
}

function tally<K>(rows: readonly ReportRow[], key: (row: ReportRow) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  return counts;
}

function place(row: ReportRow): string {
  const where = row.row === null ? `session ${row.session_id ?? '?'}` : `row ${row.row}`;
  return `${row.sheet ? `${row.sheet} ` : ''}${where}${row.import_id ? ` [${row.import_id}]` : ''}`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
