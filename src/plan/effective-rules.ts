// The API's rules between session fields, checked on the session as it would be AFTER the write:
// the sheet's values over the server's (an update) or over the API's defaults (a create). The
// validate stage checks the rules among the columns a sheet has; this catches the rest, e.g. a
// Max Capacity column with no Require Login column on a session whose login is off, which the
// server would answer with a 400 after spending a request.
import type { SessionWriteBody } from '../api/types.js';
import type { ApiSession, RowIssue } from '../types.js';
import type { ApiVersion } from './desired-fields.js';
import { createDefaults } from './create-defaults.js';

interface RuleFields {
  add_to_schedule?: boolean | null;
  require_login?: boolean | null;
  max_capacity?: number | null;
  waitlist?: boolean | null;
  registration_start_date?: string | null;
  registration_end_date?: string | null;
}

const LABEL: Record<keyof RuleFields, string> = {
  add_to_schedule: 'Add to Schedule',
  require_login: 'Require Login',
  max_capacity: 'Max Capacity',
  waitlist: 'Waitlist',
  registration_start_date: 'Registration Start',
  registration_end_date: 'Registration End',
};

export function effectiveRuleIssues(
  desired: SessionWriteBody,
  match: ApiSession | undefined,
  where: { sheet: string; row: number },
  apiVersion: ApiVersion = 'v1.1',
): RowIssue[] {
  const before: RuleFields = match ?? createDefaults(apiVersion);
  // The session after the write: the sheet's value where it sets the field, else the one before.
  const after = (key: keyof RuleFields): unknown => (key in desired ? desired[key] : Object.hasOwn(before, key) ? before[key] : undefined);
  const requireLogin = after('require_login');
  const maxCapacity = after('max_capacity');
  const issues: RowIssue[] = [];
  if (requireLogin === true && after('add_to_schedule') !== true) issues.push(ruleIssue(where, match, 'require_login', 'add_to_schedule', 'to be yes'));
  if (maxCapacity != null && requireLogin !== true) issues.push(ruleIssue(where, match, 'max_capacity', 'require_login', 'to be yes'));
  if (after('waitlist') === true && maxCapacity == null) issues.push(ruleIssue(where, match, 'waitlist', 'max_capacity', 'set'));
  if (after('registration_start_date') != null && requireLogin !== true) {
    issues.push(ruleIssue(where, match, 'registration_start_date', 'require_login', 'to be yes'));
  }
  if (after('registration_end_date') != null && requireLogin !== true) {
    issues.push(ruleIssue(where, match, 'registration_end_date', 'require_login', 'to be yes'));
  }
  return issues;
}

function ruleIssue(
  where: { sheet: string; row: number },
  match: ApiSession | undefined,
  field: keyof RuleFields,
  needs: keyof RuleFields,
  wanted: string,
): RowIssue {
  const source = match ? `session ${match.id} has it off` : 'a new session has it off';
  return {
    code: 'rule',
    severity: 'error',
    sheet: where.sheet,
    row: where.row,
    message: `Row ${where.row}: ${LABEL[field]} needs ${LABEL[needs]} ${wanted}, and ${source} (the sheet does not set it): add a "${LABEL[needs]}" column or a mapping default`,
  };
}
