import type { ErrorCode } from '../errors.js';
import { redactSecrets } from '../redact.js';
import type { Action, Outcome, ReportRow } from '../types.js';
import { SHOWN_FAILURES, tallyRows, type RowTally } from './summary.js';
import type { ReportDocument } from './types.js';

const ACTIONS: readonly Action[] = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'];
const OUTCOMES: readonly Outcome[] = ['done', 'planned', 'failed', 'not_attempted'];
/**
 * A count with en-US thousands separators ("12,345"), as `toLocaleString('en-US')` writes it, but
 * without Intl: the first NumberFormat of a process loads ICU's number data (7-13 ms of every run's
 * start-up, issue 15). A count is a whole number; anything else still goes to Intl.
 */
function count(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let text = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${text}` : text;
}

/**
 * The one-screen summary printed to stderr at the end of a run. The rows are counted from
 * `doc.rows`, or taken from `extra.tally` when the command streamed its rows and kept none.
 */
export function formatSummaryText(
  doc: ReportDocument,
  extra: {
    reportPath: string;
    durationMs: number;
    tally?: RowTally;
    paint?: Paint;
    /** Why the run stopped early, when it did: a re-run finishes the job only once that is fixed. */
    stoppedBy?: ErrorCode | null;
  },
): string {
  const tally = extra.tally ?? tallyRows(doc.rows);
  const paint = extra.paint ?? plain;
  const lines = [headline(doc)];
  lines.push(`  rows:     ${ACTIONS.map((action) => `${count(tally.actions.get(action) ?? 0)} ${action}`).join(', ')}`);
  // The speakers' rows are counted apart from the sessions'.
  if (tally.speakerActions.size > 0) {
    lines.push(`  speakers: ${ACTIONS.map((action) => `${count(tally.speakerActions.get(action) ?? 0)} ${action}`).join(', ')}`);
  }
  lines.push(
    `  outcome:  ${OUTCOMES.map((outcome) => {
      const n = tally.outcomes.get(outcome) ?? 0;
      const text = `${count(n)} ${outcome.replace('_', ' ')}`;
      return n > 0 ? paint(OUTCOME_TONE[outcome], text) : text;
    }).join(', ')}`,
  );
  lines.push(`  requests: ${count(doc.summary.requests)} (of the 10,000-a-day budget)`);
  lines.push(`  time:     ${formatDuration(extra.durationMs)}`);
  lines.push(`  report:   ${extra.reportPath}`);

  const failures = tally.failures;
  if (failures > 0) {
    lines.push(
      paint(
        'bad',
        `${count(failures)} ${failures === 1 ? 'row needs' : 'rows need'} attention${failures > SHOWN_FAILURES ? ` (first ${SHOWN_FAILURES})` : ''}:`,
      ),
    );
    for (const row of tally.firstFailures)
      lines.push(`  ${place(row)} ${paint('bad', row.action)}: ${firstLine(row.message) || '(no message)'}`);
    if (failures > SHOWN_FAILURES) lines.push(`  … and ${count(failures - SHOWN_FAILURES)} more in the report`);
  }
  const left = whatIsLeft(doc, tally, extra.stoppedBy ?? null);
  if (left) lines.push(paint('warn', left));
  return lines.join('\n');
}

/** The tone of a piece of the summary; the CLI colours it on a terminal (cli/colour.ts). */
export type Tone = 'good' | 'bad' | 'warn' | 'dim';
export type Paint = (tone: Tone, text: string) => string;
const plain: Paint = (_tone, text) => text;
const OUTCOME_TONE: Record<Outcome, Tone> = { done: 'good', planned: 'dim', failed: 'bad', not_attempted: 'warn' };

/**
 * What a re-run would still do, said plainly after a stop or failed writes: rows not attempted
 * are finished by running the same command again (what was written is found, not duplicated);
 * failed writes are tried again by the same re-run once their cause is fixed.
 */
function whatIsLeft(doc: ReportDocument, tally: RowTally, stoppedBy: ErrorCode | null): string | null {
  // The speakers' rows are counted apart (summary.speakers); a re-run does theirs too.
  const speakers = tally.summary.speakers;
  const notAttempted = tally.summary.not_attempted + (speakers?.not_attempted ?? 0);
  const failedWrites = tally.summary.failed + (speakers?.failed ?? 0);
  if (notAttempted === 0 && failedWrites === 0) return null;
  const parts: string[] = [];
  if (notAttempted > 0) parts.push(`${count(notAttempted)} ${notAttempted === 1 ? 'row was' : 'rows were'} not attempted`);
  if (failedWrites > 0) parts.push(`${count(failedWrites)} ${failedWrites === 1 ? 'write' : 'writes'} failed`);
  const done =
    tally.summary.created +
    tally.summary.updated +
    tally.summary.deleted +
    (speakers ? speakers.created + speakers.updated + speakers.deleted : 0);
  const kept = done > 0 ? ` (the ${count(done)} ${done === 1 ? 'write made is' : 'writes made are'} found, not repeated)` : '';
  const fixes = [
    // A stop that the same command would run into again says what must change first.
    stoppedBy === 'auth' ? 'once the API key is accepted' : '',
    stoppedBy === 'budget' ? 'once the daily request budget is back' : '',
    stoppedBy === 'redirect' ? 'with an API URL that answers without a redirect' : '',
    failedWrites > 0 ? 'after fixing what the failures say' : '',
  ].filter(Boolean);
  const fix = fixes.length > 0 ? `, ${fixes.join(' and ')},` : '';
  return `left: ${parts.join(' and ')}. Running the same ${doc.command} again${fix} finishes the job${kept}.`;
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
