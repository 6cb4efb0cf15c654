import { GuidebookImportError } from '../errors.js';
import type { ApiSession, ApiLocation, ApiScheduleTrack, ConvertedRow } from '../types.js';
import { importIdKey } from './import-ids.js';
import type { DeleteEntry, Plan, PlanEntry, UnchangedEntry } from './types.js';
import type { ApiVersion } from './session-diff.js';
import { createRowPlanner, indexImportIds, ofGuide } from './plan-import.js';
import { buildReferenceIndex, namesOf, type ReferenceIndex } from './references.js';

export interface PruneInput {
  guideId: number;
  serverSessions: readonly ApiSession[];
  /** import_ids (importIdKey form) of ALL sheet rows, valid or not: a row with a typo must not cost its session. */
  sheetImportIds: ReadonlySet<string>;
  sheetRowCount: number;
  /** The run's sheet name, shown on delete rows (they have no sheet row of their own). */
  sheetName: string;
  yes: number;
  maxDeletes?: number;
}

/**
 * --prune: every session of the guide whose import_id the sheet no longer has. Sessions without
 * an import_id were not made by an import and are never touched.
 *
 * Safety stop: a sheet with fewer than half as many rows as the guide has imported sessions is
 * more likely the wrong file (or a filtered export) than a real shrink. Deleting then needs
 * --yes twice, or --max-deletes at least the number of deletes. The stop guards deletes that
 * would be carried out (--yes given): without --yes the deletes are only listed, which is
 * exactly what a user needs to see to spot the wrong file. --max-deletes is a hard cap the user
 * set, so it refuses whenever the plan holds more deletes, --yes or not.
 */
export function planDeletes(input: PruneInput): DeleteEntry[] {
  const importedSessions = input.serverSessions.filter((session) => Boolean(session.import_id));
  const deletes: DeleteEntry[] = importedSessions
    .filter((session) => !input.sheetImportIds.has(importIdKey(session.import_id!)))
    .map((session) => deleteEntry(session, input.sheetName, input.yes >= 1));
  if (deletes.length === 0) return deletes;

  const { maxDeletes } = input;
  if (maxDeletes !== undefined && deletes.length > maxDeletes) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: ${deletes.length} sessions of guide ${input.guideId} are not in the sheet and would be deleted, ` +
        `but --max-deletes is ${maxDeletes}. Check that this is the right sheet, or raise --max-deletes to ${deletes.length}.`,
    );
  }
  const looksLikeWrongSheet = input.sheetRowCount < importedSessions.length / 2;
  const allowedBySecondYes = input.yes >= 2;
  const allowedByCap = maxDeletes !== undefined && maxDeletes >= deletes.length;
  if (input.yes >= 1 && looksLikeWrongSheet && !allowedBySecondYes && !allowedByCap) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: the sheet has ${input.sheetRowCount} rows but guide ${input.guideId} has ` +
        `${importedSessions.length} sessions with an import_id, so ${deletes.length} sessions would be deleted. ` +
        `If that is intended, pass --yes twice or --max-deletes ${deletes.length}; run without --yes to list them first.`,
    );
  }
  return deletes;
}

// `dedupe`: the repair for what the run lock cannot prevent (two runs on two machines, an import
// from another tool): several sessions of one guide holding one import_id. Every import of that
// id is a conflict until all but one are gone. For each such id, one session is kept and the
// others are planned as deletes:
// - with the sheet given, the one the sheet's row matches — the same fields by the planner's own
//   comparison (a re-sync would leave it `unchanged`); of several that match, the oldest;
// - otherwise (no sheet, no row for the id, or no session matching it), the oldest: the lowest id,
//   and the note says so, so the choice is never a silent guess.
// Sessions without an import_id were not made by an import and are never touched.

export interface DedupeSheet {
  /** Converted rows of the sheet, in sheet order. */
  rows: readonly ConvertedRow[];
  tracks: readonly ApiScheduleTrack[];
  locations: readonly ApiLocation[];
  apiVersion?: ApiVersion;
}

export interface DedupeInput {
  guideId: number;
  /** Every session of the guide, listed once. */
  serverSessions: readonly ApiSession[];
  sheet?: DedupeSheet;
  /** --yes: the deletes are carried out; otherwise they are only planned. */
  yes: boolean;
  /** Shown on every row (there is no sheet row for a server session). */
  sheetName: string;
  readRequests: number;
}

/**
 * For every import_id held by several sessions of the guide: an `unchanged` entry for the session
 * kept and a `delete` entry for each other one, groups in the order of their oldest session.
 */
export function planDedupe(input: DedupeInput): Plan {
  const rowsById = input.sheet ? sheetRowsById(input.sheet.rows) : null;
  const entries: PlanEntry[] = [];
  for (const group of duplicateGroups(input.serverSessions, input.guideId)) {
    const importId = group[0]!.import_id!;
    const row = rowsById?.get(importIdKey(importId));
    const matching = row && input.sheet ? group.filter((session) => rowMatches(row, session, input)) : [];
    const kept = matching[0] ?? group[0]!;
    const why = keptBecause(kept, group, input.sheet !== undefined, row, matching.length);
    entries.push(keepEntry(kept, input.sheetName, why));
    for (const session of group) {
      if (session === kept) continue;
      const note = `a duplicate of session ${kept.id}, which holds the same import_id ${JSON.stringify(kept.import_id)} and is kept`;
      entries.push(deleteEntry(session, input.sheetName, input.yes, note));
    }
  }
  describeDeletedSessions(
    entries.filter((entry): entry is DeleteEntry => entry.action === 'delete'),
    {
      guideId: input.guideId,
      serverSessions: input.serverSessions,
      tracks: input.sheet?.tracks ?? [],
      locations: input.sheet?.locations ?? [],
    },
  );
  const writeRequests = entries.filter((entry) => entry.action === 'delete' && entry.confirmed).length;
  return {
    version: 1,
    guideId: input.guideId,
    tracksToCreate: [],
    locationsToCreate: [],
    entries,
    writeRequests,
    readRequests: input.readRequests,
  };
}

/** Sessions of the guide grouped by import_id (as imports match it), groups of two or more only, oldest first. */
function duplicateGroups(sessions: readonly ApiSession[], guideId: number): ApiSession[][] {
  const groups = new Map<string, ApiSession[]>();
  for (const session of sessions) {
    if (!session.import_id || session.guide !== guideId) continue;
    const key = importIdKey(session.import_id);
    const group = groups.get(key);
    if (group) group.push(session);
    else groups.set(key, [session]);
  }
  return [...groups.values()]
    .filter((group) => new Set(group.map((session) => session.id)).size > 1)
    .map((group) => uniqueById(group).sort((a, b) => a.id - b.id))
    .sort((a, b) => a[0]!.id - b[0]!.id);
}

function uniqueById(group: ApiSession[]): ApiSession[] {
  return [...new Map(group.map((session) => [session.id, session])).values()];
}

/** The first row of the sheet for each import_id (a sheet repeating an id is a conflict for import anyway). */
function sheetRowsById(rows: readonly ConvertedRow[]): Map<string, ConvertedRow> {
  const byId = new Map<string, ConvertedRow>();
  for (const row of rows) {
    const importId = row.ok ? row.session.fields.import_id : row.import_id;
    if (importId && !byId.has(importIdKey(importId))) byId.set(importIdKey(importId), row);
  }
  return byId;
}

/** True when importing the row against this session alone would change nothing. */
function rowMatches(row: ConvertedRow, session: ApiSession, input: DedupeInput): boolean {
  if (!row.ok || !input.sheet) return false;
  const planner = createRowPlanner(
    {
      guideId: input.guideId,
      serverSessions: [session],
      tracks: input.sheet.tracks,
      locations: input.sheet.locations,
      options: { createMissing: false, prune: false, yes: 0, apiVersion: input.sheet.apiVersion },
    },
    indexImportIds(
      1,
      () => row.session.fields.import_id,
      () => ({ sheet: row.session.sheet, row: row.session.row }),
    ),
  );
  return planner.planRow(row).action === 'unchanged';
}

function keptBecause(
  kept: ApiSession,
  group: readonly ApiSession[],
  withSheet: boolean,
  row: ConvertedRow | undefined,
  matches: number,
): string {
  const ids = group.map((session) => session.id).join(', ');
  const held = `import_id ${JSON.stringify(kept.import_id)} is held by ${group.length} sessions (ids ${ids})`;
  if (!withSheet) return `kept: the oldest of the sessions; ${held}`;
  if (!row) return `kept: the oldest of the sessions, as the sheet has no row with this import_id; ${held}`;
  const where = `row ${row.ok ? row.session.row : row.row}`;
  if (!row.ok) return `kept: the oldest of the sessions, as sheet ${where} with this import_id is invalid; ${held}`;
  if (matches === 0) return `kept: the oldest of the sessions, as none matches sheet ${where}; ${held}`;
  return `kept: it matches sheet ${where}${matches > 1 ? ` (as ${matches - 1} more do; the oldest of those)` : ''}; ${held}`;
}

function keepEntry(session: ApiSession, sheetName: string, note: string): UnchangedEntry {
  return {
    action: 'unchanged',
    sheet: sheetName,
    row: null,
    importId: session.import_id!,
    name: session.name,
    sessionId: session.id,
    issues: [],
    note,
  };
}

/** The delete of one server session (prune or dedupe); `note` says why, when the action alone does not. */
function deleteEntry(session: ApiSession, sheetName: string, confirmed: boolean, note?: string): DeleteEntry {
  return {
    action: 'delete',
    sheet: sheetName,
    row: null,
    importId: session.import_id!,
    name: session.name,
    sessionId: session.id,
    confirmed,
    issues: [],
    ...(note === undefined ? {} : { note }),
  };
}

/**
 * Gives each delete the session it removes, when and where it is (prune and dedupe alike), so the
 * report's timeline places it, struck through. Rooms and tracks are named from the listings the
 * run made (a run that listed none, such as `dedupe` without a sheet, shows their ids).
 */
export function describeDeletedSessions(
  deletes: readonly DeleteEntry[],
  input: { guideId: number; serverSessions: readonly ApiSession[]; tracks: readonly ApiScheduleTrack[]; locations: readonly ApiLocation[] },
): void {
  const tracks = buildReferenceIndex('track', ofGuide(input.tracks, input.guideId));
  const locations = buildReferenceIndex('location', ofGuide(input.locations, input.guideId));
  const byId = new Map(input.serverSessions.map((session) => [session.id, session]));
  for (const entry of deletes) {
    const session = byId.get(entry.sessionId);
    if (session) entry.fields = deletedSessionFields(session, tracks, locations);
  }
}

/** When and where a session to delete is, in the terms the report shows a row's fields in. */
function deletedSessionFields(session: ApiSession, tracks: ReferenceIndex, locations: ReferenceIndex): Record<string, unknown> {
  return {
    name: session.name,
    start_time: session.start_time,
    end_time: session.end_time ?? null,
    all_day: session.all_day ?? false,
    schedule_tracks: namesOf(session.schedule_tracks, tracks),
    locations: namesOf(session.locations, locations),
  };
}
