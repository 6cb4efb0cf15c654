import type { MappedCell, MappedRow, RowIssue, SessionFields } from '../types.js';
import { isCanonicalIso } from '../time/index.js';
import { cellText } from '../read/cell-value.js';
import { cellIssue, quoteValue } from './row-issue.js';
import { fieldLabel } from '../map/fields.js';

/** The session settings a field rule names. */
export type RuleField =
  | 'add_to_schedule'
  | 'require_login'
  | 'max_capacity'
  | 'waitlist'
  | 'registration_start_date'
  | 'registration_end_date';

export interface FieldRule {
  field: RuleField;
  /** Whether the field's value (as it would be sent) calls for the rule. */
  applies: (value: unknown) => boolean;
  needs: RuleField;
  /** 'yes': the needed field must be true; 'set': it must hold a value. */
  wanted: 'yes' | 'set';
}

const isYes = (value: unknown): boolean => value === true;
const isSet = (value: unknown): boolean => value != null;

/**
 * THE rules between session fields (shared/guidebook-api.md, Sessions), in the order their issues
 * are listed. Validate checks them among a row's own cells; plan checks them on the session as it
 * would be after the write (plan/session-diff.ts, effectiveRuleIssues).
 */
export const FIELD_RULES: readonly FieldRule[] = [
  { field: 'require_login', applies: isYes, needs: 'add_to_schedule', wanted: 'yes' },
  { field: 'max_capacity', applies: isSet, needs: 'require_login', wanted: 'yes' },
  { field: 'waitlist', applies: isYes, needs: 'max_capacity', wanted: 'set' },
  { field: 'registration_start_date', applies: isSet, needs: 'require_login', wanted: 'yes' },
  { field: 'registration_end_date', applies: isSet, needs: 'require_login', wanted: 'yes' },
];

/** Whether a needed value is met, whatever the row or server says. */
export function ruleMet(rule: FieldRule, value: unknown): boolean {
  return rule.wanted === 'yes' ? value === true : value != null;
}

/** The value a row sets to turn a needed field explicitly off (false for yes/no, null for a number). */
const OFF = { yes: false, set: null } as const;

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
  for (const rule of FIELD_RULES) {
    const cell = cells[rule.field];
    // Only a needed field the row sets, and sets off, breaks the rule here; one it leaves alone
    // is checked by plan on the session as it would be after the write.
    if (cell && rule.applies(fields[rule.field]) && fields[rule.needs] === OFF[rule.wanted]) {
      issues.push(
        needs(row, cell, rule.wanted === 'yes' ? `${fieldLabel(rule.needs)} to be yes` : `a ${fieldLabel(rule.needs)}`, cells[rule.needs]),
      );
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
