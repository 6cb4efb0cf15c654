// The API's rules between session fields, checked on the session as it would be AFTER the write:
// the sheet's values over the server's (an update) or over the API's defaults (a create). The
// validate stage checks the rules among the columns a sheet has; this catches the rest, e.g. a
// Max Capacity column with no Require Login column on a session whose login is off, which the
// server would answer with a 400 after spending a request.
import type { SessionWriteBody } from '../api/types.js';
import type { ApiSession, RowIssue } from '../types.js';
import type { ApiVersion } from './desired-fields.js';
import { createDefaults } from './create-defaults.js';
import { fieldLabel } from '../map/fields.js';
import { FIELD_RULES, ruleMet, type RuleField } from '../validate/session-rules.js';

type RuleFields = Partial<Record<RuleField, unknown>>;

export function effectiveRuleIssues(
  desired: SessionWriteBody,
  match: ApiSession | undefined,
  where: { sheet: string; row: number },
  apiVersion: ApiVersion = 'v1.1',
): RowIssue[] {
  const before: RuleFields = match ?? createDefaults(apiVersion);
  // The session after the write: the sheet's value where it sets the field, else the one before.
  const after = (key: keyof RuleFields): unknown => (key in desired ? desired[key] : Object.hasOwn(before, key) ? before[key] : undefined);
  const issues: RowIssue[] = [];
  for (const rule of FIELD_RULES) {
    if (rule.applies(after(rule.field)) && !ruleMet(rule, after(rule.needs))) {
      issues.push(ruleIssue(where, match, rule.field, rule.needs, rule.wanted === 'yes' ? 'to be yes' : 'set'));
    }
  }
  return issues;
}

function ruleIssue(
  where: { sheet: string; row: number },
  match: ApiSession | undefined,
  field: RuleField,
  needs: RuleField,
  wanted: string,
): RowIssue {
  const source = match ? `session ${match.id} has it off` : 'a new session has it off';
  return {
    code: 'rule',
    severity: 'error',
    sheet: where.sheet,
    row: where.row,
    message: `Row ${where.row}: ${fieldLabel(field)} needs ${fieldLabel(needs)} ${wanted}, and ${source} (the sheet does not set it): add a "${fieldLabel(needs)}" column or a mapping default`,
  };
}
