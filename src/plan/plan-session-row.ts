import type { SessionCreateBody, SessionWriteBody } from '../api/types.js';
import type { ApiSession, SheetSession } from '../types.js';
import { desiredFields, type ApiVersion } from './desired-fields.js';
import { diffSession } from './diff-session.js';
import { effectiveRuleIssues } from './effective-rules.js';
import type { MissingReferences } from './missing-references.js';
import type { ReferenceIndex } from './reference-index.js';
import { resolveRowReferences, type RowReferences } from './resolve-row-references.js';
import type { CreateEntry, FieldChange, InvalidEntry, PendingRefs, UnchangedEntry, UpdateEntry } from './types.js';

/** What every valid row is planned against: built once per run. */
export interface SessionRowContext {
  guideId: number;
  apiVersion: ApiVersion;
  tracks: ReferenceIndex;
  locations: ReferenceIndex;
  missingTracks: MissingReferences | null;
  missingLocations: MissingReferences | null;
}

/**
 * A valid sheet row matched to at most one server session: create, update, unchanged or invalid.
 * `writeImportId`: the match does not hold the row's import_id yet (a session claimed by an
 * exported `gb-session-<id>`), so the update writes it along with any changed field.
 */
export function planSessionRow(
  session: SheetSession,
  match: ApiSession | undefined,
  context: SessionRowContext,
  options: { writeImportId?: boolean } = {},
): CreateEntry | UpdateEntry | UnchangedEntry | InvalidEntry {
  const where = { sheet: session.sheet, row: session.row, guideId: context.guideId };
  // Entries are built as Object.assign(base, {...}), not {...base, ...}: on Node 20 a spread
  // followed by more properties is ~20x slower and yields a bigger, slower object, once per row.
  const base = {
    sheet: session.sheet,
    row: session.row,
    importId: session.fields.import_id,
    name: session.fields.name,
    zone: session.zone,
  };
  const tracks = session.mapped.includes('schedule_tracks')
    ? resolveRowReferences(session.tracks, context.tracks, context.missingTracks, where)
    : undefined;
  const locations =
    session.mapped.includes('locations') && context.apiVersion !== 'v1'
      ? resolveRowReferences(session.locations, context.locations, context.missingLocations, where)
      : undefined;
  const referenceIssues = [...(tracks?.issues ?? []), ...(locations?.issues ?? [])];
  if (referenceIssues.length > 0) {
    return Object.assign(base, { action: 'invalid' as const, issues: [...referenceIssues, ...session.warnings] });
  }

  const desired = desiredFields(session, { schedule_tracks: tracks?.ids, locations: locations?.ids }, context.apiVersion);
  const pending = pendingRefs(tracks, locations);
  const fields = reportFields(desired, tracks, locations);
  const issues = [...session.warnings];
  const ruleIssues = effectiveRuleIssues(desired, match, session, context.apiVersion);
  if (ruleIssues.length > 0) return Object.assign(base, { action: 'invalid' as const, issues: [...ruleIssues, ...issues] });

  if (!match) {
    const body = createBody(context.guideId, session, desired, context.apiVersion);
    const entry: CreateEntry = Object.assign(base, { action: 'create' as const, issues, fields, body });
    if (pending) entry.pending = pending;
    return entry;
  }
  const { changes, patch } = diffSession(desired, match, pending);
  if (options.writeImportId) {
    changes.push({ field: 'import_id', old: match.import_id, new: session.fields.import_id });
    patch.import_id = session.fields.import_id;
  }
  if (changes.length === 0) return Object.assign(base, { action: 'unchanged' as const, issues, fields, sessionId: match.id });
  const entry: UpdateEntry = Object.assign(base, {
    action: 'update' as const,
    issues,
    fields,
    sessionId: match.id,
    changes: changes.map((change) => namedChange(change, tracks, locations, context)),
    patch,
  });
  if (pending) entry.pending = pending;
  return entry;
}

const V1_EMPTY_DESCRIPTION = '<p></p>';

function pendingRefs(tracks: RowReferences | undefined, locations: RowReferences | undefined): PendingRefs | undefined {
  const pending: PendingRefs = {};
  if (tracks?.pending.length) pending.schedule_tracks = tracks.pending;
  if (locations?.pending.length) pending.locations = locations.pending;
  return pending.schedule_tracks || pending.locations ? pending : undefined;
}

// A create sends what the row manages; everything else is left to the API's defaults. v1 requires
// a description that is not blank: an empty paragraph is the one that shows as no description.
function createBody(guideId: number, session: SheetSession, desired: SessionWriteBody, apiVersion: ApiVersion): SessionCreateBody {
  const body: Record<string, unknown> = {
    guide: guideId,
    import_id: session.fields.import_id,
    name: session.fields.name,
    start_time: session.fields.start_time,
  };
  const wanted = desired as Record<string, unknown>;
  for (const field of Object.keys(wanted)) {
    const value = wanted[field];
    if (value === null || value === undefined || (field === 'description_html' && value === '')) continue;
    body[field] = value;
  }
  if (apiVersion === 'v1' && body.description_html === undefined) body.description_html = V1_EMPTY_DESCRIPTION;
  return body as unknown as SessionCreateBody;
}

/** The row as the report shows it: tracks and locations by name, not by id. */
function reportFields(
  desired: SessionWriteBody,
  tracks: RowReferences | undefined,
  locations: RowReferences | undefined,
): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...desired };
  if (tracks) fields.schedule_tracks = tracks.names;
  if (locations) fields.locations = locations.names;
  return fields;
}

function namedChange(
  change: FieldChange,
  tracks: RowReferences | undefined,
  locations: RowReferences | undefined,
  context: SessionRowContext,
): FieldChange {
  if (change.field === 'schedule_tracks') {
    return { field: change.field, old: namesOf(change.old, context.tracks), new: tracks?.names ?? [] };
  }
  if (change.field === 'locations') {
    return { field: change.field, old: namesOf(change.old, context.locations), new: locations?.names ?? [] };
  }
  return change;
}

function namesOf(ids: unknown, index: ReferenceIndex): string[] {
  return Array.isArray(ids) ? ids.map((id) => index.nameOf(Number(id))) : [];
}
