import type { MappedCell, MappedRow, RowIssue, SessionFields } from '../types.js';
import { isCanonicalIso } from '../time/index.js';
import { cellText } from '../read/cell-value.js';
import { cellIssue, quoteValue } from './row-issue.js';

/**
 * The API's rules between fields (shared/guidebook-api.md, Sessions), checked on the values that
 * would be sent, so the server never answers 400 for them. A field the row does not set (not
 * mapped, or a blank left alone) may hold anything on the server: its rule is not checked here.
 */
export function sessionRuleIssues(row: MappedRow, fields: Partial<SessionFields>): RowIssue[] {
  const issues: RowIssue[] = [];
  const cells = row.fields;
  const endCell = cells.end ?? cells.datetime_end ?? cells.duration;
  if (fields.start_time && fields.end_time && endCell && notAfter(fields.end_time, fields.start_time)) {
    const startCell = cells.start ?? cells.datetime_start ?? cells.date;
    const start = startCell ? ` (start ${quoteValue(cellText(startCell.value))})` : '';
    issues.push(cellIssue(row, 'end_before_start', endCell, `is not after the start${start}`));
  }
  if (fields.require_login === true && fields.add_to_schedule === false && cells.require_login) {
    issues.push(needs(row, cells.require_login, 'Add to Schedule to be yes', cells.add_to_schedule));
  }
  if (fields.max_capacity != null && fields.require_login === false && cells.max_capacity) {
    issues.push(needs(row, cells.max_capacity, 'Require Login to be yes', cells.require_login));
  }
  if (fields.waitlist === true && fields.max_capacity === null && cells.waitlist) {
    issues.push(needs(row, cells.waitlist, 'a Max Capacity', cells.max_capacity));
  }
  for (const field of ['registration_start_date', 'registration_end_date'] as const) {
    const cell = cells[field];
    if (fields[field] != null && fields.require_login === false && cell) {
      issues.push(needs(row, cell, 'Require Login to be yes', cells.require_login));
    }
  }
  const opens = fields.registration_start_date;
  const closes = fields.registration_end_date;
  if (opens && closes && cells.registration_end_date && notAfter(closes, opens)) {
    const opensText = cells.registration_start_date ? ` (${quoteValue(cellText(cells.registration_start_date.value))})` : '';
    issues.push(cellIssue(row, 'rule', cells.registration_end_date, `is not after the registration start${opensText}`));
  }
  return issues;
}

/** `Date.parse(later) <= Date.parse(earlier)`; the time stage's canonical ISO texts compare as text. */
function notAfter(later: string, earlier: string): boolean {
  if (isCanonicalIso(later) && isCanonicalIso(earlier)) return later <= earlier;
  return Date.parse(later) <= Date.parse(earlier);
}

function needs(row: MappedRow, cell: MappedCell, requirement: string, other: MappedCell | undefined): RowIssue {
  const otherText = other
    ? ` (column ${JSON.stringify(other.column)} ${cellText(other.value).trim() === '' ? 'is empty' : `says ${quoteValue(cellText(other.value))}`})`
    : '';
  return cellIssue(row, 'rule', cell, `needs ${requirement}${otherText}`);
}
