import type { SessionWriteBody } from '../api/types.js';
import type { SheetSession, ApiSession, RowIssue } from '../types.js';
import {
  FIELD_KINDS,
  V1_1_ONLY_FIELDS,
  isComparedField,
  type ComparedField,
  type FieldKind,
  type ApiVersion,
  fieldLabel,
} from '../map/fields.js';
import { descriptionToHtml } from '../validate/index.js';
import { canonicalHtml } from './canonical-html.js';
import { sameInstant } from '../time/index.js';
import type { FieldChange, PendingRefs } from './types.js';
import { FIELD_RULES, ruleMet, type RuleField } from '../validate/session-rules.js';

export type { ApiVersion };

/**
 * The fields a sheet row manages, as they would be sent: the fields the sheet maps AND the row
 * fills in. A blank cell (or a column the sheet lacks) leaves the session's value as it is, for
 * every kind of field alike: the service fills blanks in with values of its own (rank 0.0, an
 * end time for an all-day session, true for allow_rating on create), so a blank sent or compared
 * as "empty" would be refused (rank: null) or rewritten on every re-sync. Guessing false for a
 * blank yes/no would silently flip a setting made in Builder. To clear a value, clear it in
 * Builder. Track and location ids come already resolved.
 */
export function desiredFields(
  session: SheetSession,
  refIds: { schedule_tracks?: number[]; locations?: number[] },
  apiVersion: ApiVersion,
): SessionWriteBody {
  const desired: Record<string, unknown> = {};
  for (const [field, kind] of comparedFields(session.mapped, apiVersion)) {
    if (kind === 'id_set') {
      // The names decide, not the ids: names of tracks still to be created have no id yet.
      const names = field === 'schedule_tracks' ? session.tracks : session.locations;
      if (!names || names.length === 0) continue;
      desired[field] = field === 'schedule_tracks' ? (refIds.schedule_tracks ?? []) : (refIds.locations ?? []);
      continue;
    }
    const value = (session.fields as unknown as Record<string, unknown>)[field];
    if (!isBlank(value)) desired[field] = value;
  }
  return desired as SessionWriteBody;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

type FieldsWithKinds = ReadonlyArray<readonly [ComparedField, FieldKind]>;

// The rows of a sheet share a few frozen `mapped` lists (see validate/convert-row.ts): the fields
// each compares, with their kinds, are worked out once per list and version.
const COMPARED = new WeakMap<ReadonlyArray<string>, Partial<Record<ApiVersion, FieldsWithKinds>>>();

function comparedFields(mapped: ReadonlyArray<string>, apiVersion: ApiVersion): FieldsWithKinds {
  const frozen = Object.isFrozen(mapped);
  const known = frozen ? COMPARED.get(mapped)?.[apiVersion] : undefined;
  if (known) return known;
  const fields: Array<readonly [ComparedField, FieldKind]> = [];
  for (const field of mapped) {
    if (!isComparedField(field)) continue;
    if (apiVersion === 'v1' && V1_1_ONLY_FIELDS.has(field)) continue;
    fields.push([field, FIELD_KINDS[field]]);
  }
  if (frozen) COMPARED.set(mapped, { ...COMPARED.get(mapped), [apiVersion]: fields });
  return fields;
}

/**
 * What a new session holds for the fields a create does not send, as the Open API documents it:
 * in v1.1 a session is rateable and can be added to a schedule unless told otherwise. v1 does not
 * document these defaults, so the cautious reading (off) is kept there: a rule that needs
 * add_to_schedule is then flagged before a request rather than refused after one.
 */
export function createDefaults(apiVersion: ApiVersion): {
  allow_rating: boolean;
  add_to_schedule: boolean;
  require_login: boolean;
  max_capacity: null;
  waitlist: boolean;
} {
  const onByDefault = apiVersion === 'v1.1';
  return { allow_rating: onByDefault, add_to_schedule: onByDefault, require_login: false, max_capacity: null, waitlist: false };
}

export interface SessionDiff {
  changes: FieldChange[];
  /** Only the changed fields, with the values the sheet wants. */
  patch: SessionWriteBody;
}

/**
 * Compares what a sheet row wants (`desired`: only the fields the sheet maps, as they would be
 * sent) with the server's session. Fields absent from `desired` are never compared, so columns
 * the sheet does not map are never overwritten. A server session that lacks a field altogether
 * (an older API version) is read as the API's default for it: false, null, "" or [].
 * `pending` names tracks/locations still to be created: they cannot be on the server yet, so a
 * list with pending names always differs.
 */
export function diffSession(desired: SessionWriteBody, server: ApiSession, pending?: PendingRefs): SessionDiff {
  const changes: FieldChange[] = [];
  const patch: Record<string, unknown> = {};
  for (const [field, wanted] of Object.entries(desired)) {
    if (!isComparedField(field) || wanted === undefined) continue;
    const current = (server as unknown as Record<string, unknown>)[field];
    const hasPending = (pending?.[field as keyof PendingRefs]?.length ?? 0) > 0;
    if (!hasPending && sameValue(FIELD_KINDS[field], wanted, current)) continue;
    patch[field] = wanted;
    changes.push({ field, old: current === undefined ? defaultOf(FIELD_KINDS[field]) : current, new: wanted });
  }
  return { changes, patch: patch as SessionWriteBody };
}

/** Equality of one field's sheet value and server value, by the field's kind. */
export function sameValue(kind: FieldKind, wanted: unknown, current: unknown): boolean {
  switch (kind) {
    case 'instant':
      return sameInstant(asText(wanted), asText(current));
    case 'html':
      return sameDescription(wanted, current);
    case 'id_set':
      return sameIdSet(wanted, current);
    case 'boolean':
      return Boolean(wanted ?? false) === Boolean(current ?? false);
    case 'number':
      return sameNumber(wanted, current);
    case 'text':
      return sameText(wanted, current);
  }
}

function defaultOf(kind: FieldKind): unknown {
  if (kind === 'boolean') return false;
  if (kind === 'id_set') return [];
  if (kind === 'html') return '';
  return null;
}

function asText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The sheet's description went through the importer's conversion (plain text to paragraphs,
 * HTML sanitised); the server's was re-serialised by the service's HTML cleaner, or written by
 * someone else as plain text or HTML the importer would write differently. Both are compared in
 * canonical form (canonicalHtml); passing the server's through the importer's own conversion as
 * well makes an exported plain-text description import unchanged, while any real edit still
 * differs.
 */
function sameDescription(wanted: unknown, current: unknown): boolean {
  // The usual re-sync: the server holds the very text the importer sent. No parsing then.
  if (wanted === current) return true;
  const sheet = canonicalHtml(wanted);
  const server = canonicalHtml(current);
  if (sheet === server) return true;
  return server !== '' && typeof current === 'string' && sheet === canonicalHtml(descriptionToHtml(current).html);
}

// The API trims text fields (a Django CharField does), so surrounding blanks are never a change.
function sameText(wanted: unknown, current: unknown): boolean {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());
  return text(wanted) === text(current);
}

function sameNumber(wanted: unknown, current: unknown): boolean {
  const empty = (value: unknown) => value === null || value === undefined || value === '';
  if (empty(wanted) || empty(current)) return empty(wanted) && empty(current);
  const left = Number(wanted);
  const right = Number(current);
  // A float column may hand back 1.1 as 1.1000000000000001: the last bits are not a change.
  return left === right || Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(left), Math.abs(right));
}

function sameIdSet(wanted: unknown, current: unknown): boolean {
  const left = new Set(Array.isArray(wanted) ? wanted.map(Number) : []);
  const right = new Set(Array.isArray(current) ? current.map(Number) : []);
  if (left.size !== right.size) return false;
  for (const id of left) if (!right.has(id)) return false;
  return true;
}

// The API's rules between session fields, checked on the session as it would be AFTER the write:
// the sheet's values over the server's (an update) or over the API's defaults (a create). The
// validate stage checks the rules among the columns a sheet has; this catches the rest, e.g. a
// Max Capacity column with no Require Login column on a session whose login is off, which the
// server would answer with a 400 after spending a request.

type RuleFields = Partial<Record<RuleField, unknown>>;

export function effectiveRuleIssues(
  desired: SessionWriteBody,
  match: ApiSession | undefined,
  where: { sheet: string; row: number },
  apiVersion: ApiVersion = 'v1.1',
): RowIssue[] {
  const before: RuleFields = match ?? CREATE_DEFAULTS[apiVersion];
  const issues: RowIssue[] = [];
  for (const rule of FIELD_RULES) {
    if (rule.applies(valueAfter(desired, before, rule.field)) && !ruleMet(rule, valueAfter(desired, before, rule.needs))) {
      issues.push(ruleIssue(where, match, rule.field, rule.needs, rule.wanted === 'yes' ? 'to be yes' : 'set'));
    }
  }
  return issues;
}

// createDefaults per version, made once: effectiveRuleIssues reads them for every row to create.
const CREATE_DEFAULTS: Readonly<Record<ApiVersion, RuleFields>> = {
  v1: Object.freeze(createDefaults('v1')),
  'v1.1': Object.freeze(createDefaults('v1.1')),
};

/** A field of the session after the write: the sheet's value where it sets the field, else the one before. */
function valueAfter(desired: SessionWriteBody, before: RuleFields, key: keyof RuleFields): unknown {
  return key in desired ? desired[key] : Object.hasOwn(before, key) ? before[key] : undefined;
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
