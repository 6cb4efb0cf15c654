import {
  isWriteEntry,
  type CheckedCreateEntry,
  type CheckedEntry,
  type ConflictEntry,
  type DeleteEntry,
  type InvalidEntry,
  type Plan,
  type PlanEntry,
  type CreateEntry,
  type FieldChange,
  type PendingRefs,
  type UpdateEntry,
} from './types.js';
import type { ApiLocation, ApiScheduleTrack, ApiSession, ConvertedRow, RowIssue, SheetSession } from '../types.js';
import { sessionIdOfAssignedImportId, sessionsWithoutImportId, hasInvisibleCharacters, importIdKey } from './import-ids.js';
import { type ApiVersion, desiredFields, diffSession, effectiveRuleIssues } from './session-diff.js';
import {
  collectMissingReferences,
  collectUnknownReferences,
  buildReferenceIndex,
  type MissingReferences,
  type UnknownReferences,
  type ReferenceIndex,
  namesOf,
  resolveRowReferences,
  type RowReferences,
} from './references.js';
import { describeDeletedSessions, planDeletes } from './plan-deletes.js';
import type { SessionCreateBody, SessionWriteBody } from '../api/types.js';
import { indexImportIdsAsWritten, type ImportIdIndex } from '../validate/import-ids.js';

export interface PlanOptions {
  createMissing: boolean;
  prune: boolean;
  /** How many times --yes was given. */
  yes: number;
  maxDeletes?: number;
  apiVersion?: ApiVersion;
}

export interface PlanInput {
  guideId: number;
  /** From the convert stage, in sheet order. */
  rows: readonly ConvertedRow[];
  /** Every session of the guide, listed once. */
  serverSessions: readonly ApiSession[];
  tracks: readonly ApiScheduleTrack[];
  locations: readonly ApiLocation[];
  readRequests: number;
  options: PlanOptions;
}

export interface SheetPlace {
  sheet: string;
  row: number;
}

/**
 * Every decision of an import, made without I/O: each sheet row becomes one entry (create,
 * update, unchanged, invalid or conflict, in sheet order), then --prune adds the deletes.
 * Throws GuidebookImportError('prune_refused') when the prune safety stop trips.
 */
export function planImport(input: PlanInput): Plan {
  const { guideId, options } = input;
  const planner = createRowPlanner(input, indexSheetImportIds(input.rows));
  const entries: PlanEntry[] = input.rows.map((row) => planner.planRow(row));

  if (options.prune) {
    const deletes = planDeletes({
      guideId,
      serverSessions: input.serverSessions,
      sheetImportIds: new Set(planner.sheetImportIds()),
      sheetRowCount: input.rows.length,
      sheetName: input.rows[0] ? sheetOf(input.rows[0]) : '',
      yes: options.yes,
      maxDeletes: options.maxDeletes,
    });
    describeDeletedSessions(deletes, input);
    entries.push(...deletes);
  }
  return planner.assemble(entries, input.readRequests);
}

/**
 * Plans one sheet row at a time, for a caller that does not keep the rows (validate streams
 * them to the report): the same decisions planImport makes, row by row. `sheetIds` must come
 * from every row of the sheet (indexSheetImportIds), since a duplicate anywhere makes a
 * conflict of every row involved.
 */
export interface RowPlanner {
  planRow(row: ConvertedRow): PlanEntry;
  /**
   * planRow for a row that is reported and never sent (validate): the same decision by the same
   * code, but a create comes without the request body only apply reads.
   */
  checkRow(row: ConvertedRow): CheckedEntry;
  /** Every import_id the sheet holds. */
  sheetImportIds(): Iterable<string>;
  /** The plan of the entries given (in report order), with the tracks and locations to create. */
  assemble(entries: PlanEntry[], readRequests: number): Plan;
}

export function createRowPlanner(input: Omit<PlanInput, 'rows' | 'readRequests'>, sheetIds: SheetImportIds): RowPlanner {
  const { guideId, options } = input;
  const serverByImportId = groupByImportId(input.serverSessions);
  const claimable = sessionsWithoutImportId(input.serverSessions, guideId);
  const context: SessionRowContext = {
    guideId,
    apiVersion: options.apiVersion ?? 'v1.1',
    tracks: buildReferenceIndex('track', ofGuide(input.tracks, guideId)),
    locations: buildReferenceIndex('location', ofGuide(input.locations, guideId)),
    missingTracks: options.createMissing ? collectMissingReferences('track') : null,
    missingLocations: options.createMissing ? collectMissingReferences('location') : null,
  };
  if (!options.createMissing) {
    context.rowsNamingUnknown = new Set();
    context.unknownTracks = collectUnknownReferences(context.tracks, context.rowsNamingUnknown);
    context.unknownLocations = collectUnknownReferences(context.locations, context.rowsNamingUnknown);
  }

  // The one decision for a row, for planRow and checkRow alike.
  const decide = (row: ConvertedRow, withBody: boolean): CheckedEntry => {
    const importId = importIdOf(row);
    const held = importId ? (serverByImportId.get(importId) ?? NONE) : NONE;
    const placed = importId ? sheetIds.shared(importId) : NONE;
    const issues = row.ok ? row.session.warnings : row.issues;
    if (held.length > 1 || placed.length > 1 || issues.some((issue) => issue.code === 'duplicate_import_id')) {
      return conflictEntry(row, importId, held, placed, guideId);
    }
    if (!row.ok) return invalidEntry(row);
    const session = withImportIdKey(row.session, importId);
    if (held.length === 0) {
      const claimed = claimedSession(importId, claimable);
      if (claimed) return planSessionEntry(session, claimed, context, { writeImportId: true, withBody });
    }
    return planSessionEntry(session, held[0], context, { withBody });
  };

  return {
    // With its body, a create is a CreateEntry.
    planRow: (row) => decide(row, true) as PlanEntry,
    checkRow: (row) => decide(row, false),
    sheetImportIds: () => sheetIds.all(),
    assemble(entries, readRequests) {
      const tracksToCreate = context.missingTracks?.list() ?? [];
      const locationsToCreate = context.missingLocations?.list() ?? [];
      const plan: Plan = {
        version: 1,
        guideId,
        tracksToCreate,
        locationsToCreate,
        entries,
        writeRequests: countWrites(entries) + tracksToCreate.length + locationsToCreate.length,
        readRequests,
      };
      const tracks = context.unknownTracks?.list() ?? [];
      const locations = context.unknownLocations?.list() ?? [];
      if (tracks.length + locations.length > 0) {
        plan.missingReferences = { tracks, locations, rows: context.rowsNamingUnknown?.size ?? 0 };
      }
      return plan;
    },
  };
}

const NONE: readonly never[] = Object.freeze([]);

/** The session without an import_id that a `gb-session-<id>` row (from export) names, if any. */
function claimedSession(importId: string, claimable: ReadonlyMap<number, ApiSession>): ApiSession | undefined {
  const sessionId = sessionIdOfAssignedImportId(importId);
  return sessionId === null ? undefined : claimable.get(sessionId);
}

function countWrites(entries: readonly PlanEntry[]): number {
  let writes = 0;
  for (const entry of entries) if (isWriteEntry(entry)) writes++;
  return writes;
}

/** The row's import_id in the form it is matched in (importIdKey). */
function importIdOf(row: ConvertedRow): string {
  return importIdKey((row.ok ? row.session.fields.import_id : row.import_id) ?? '');
}

/**
 * The session as it is planned: with its import_id in matching form, so a create writes the clean
 * id, and with a warning when the cell held invisible characters (the user may want to clean the
 * sheet; other tools matching on the raw text would see two ids).
 */
function withImportIdKey(session: SheetSession, key: string): SheetSession {
  const raw = session.fields.import_id;
  if (raw === key) return session;
  const warnings = hasInvisibleCharacters(raw)
    ? [
        ...session.warnings,
        {
          code: 'import_id_normalised' as const,
          severity: 'warning' as const,
          sheet: session.sheet,
          row: session.row,
          column: 'import_id',
          value: raw,
          message:
            `Row ${session.row}: import_id ${JSON.stringify(raw)} holds invisible characters ` +
            `(${invisibleNames(raw)}); it is matched and written as ${JSON.stringify(key)}`,
        },
      ]
    : session.warnings;
  return { ...session, fields: { ...session.fields, import_id: key }, warnings };
}

function invisibleNames(text: string): string {
  const codes = new Set<string>();
  for (const char of text) {
    if (/\p{Cf}/u.test(char)) codes.add(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...codes].join(', ');
}

function sheetOf(row: ConvertedRow): string {
  return row.ok ? row.session.sheet : row.sheet;
}

function rowOf(row: ConvertedRow): number {
  return row.ok ? row.session.row : row.row;
}

function groupByImportId(sessions: readonly ApiSession[]): Map<string, ApiSession[]> {
  const byImportId = new Map<string, ApiSession[]>();
  for (const session of sessions) {
    if (!session.import_id) continue;
    const key = importIdKey(session.import_id);
    const group = byImportId.get(key);
    if (group) group.push(session);
    else byImportId.set(key, [session]);
  }
  return byImportId;
}

/** The sheet's import_ids, indexed from every row before any row is planned. */
export interface SheetImportIds {
  /** Every import_id the sheet holds. */
  all(): Iterable<string>;
  /** Every row holding an import_id that more than one row holds; empty for any other id. */
  shared(importId: string): readonly SheetPlace[];
}

// Every row with an import_id counts, valid or not: duplicates are found across all of them,
// and prune must keep the session of a row that is merely invalid this time. Only the ids of
// several rows get a list of places: a 100k-row sheet has 100k ids and usually no such id.
export function indexSheetImportIds(rows: readonly ConvertedRow[]): SheetImportIds {
  return indexImportIds(
    rows.length,
    (index) => importIdOf(rows[index]!),
    (index) => placeOf(rows[index]!),
  );
}

/**
 * indexSheetImportIds for a caller that does not hold its converted rows: `idAt(i)` is row i's
 * import_id, `placeAt(i)` where row i is (asked only for the rows of a shared id). `written`, the
 * convert stage's index of the same ids as written, is reused when every id is already in its
 * matching form (plain ASCII, nearly every sheet): the ids are then not indexed a second time.
 */
export function indexImportIds(
  count: number,
  idAt: (index: number) => string | undefined,
  placeAt: (index: number) => SheetPlace,
  written?: ImportIdIndex,
): SheetImportIds {
  const reused = written !== undefined && inMatchingForm(written);
  const index = reused
    ? written
    : indexImportIdsAsWritten(count, (row) => {
        const given = idAt(row);
        return given ? importIdKey(given) : undefined;
      });
  const sharedPlaces = new Map<string, SheetPlace[]>();
  for (const [importId, rows] of index.shared) sharedPlaces.set(importId, rows.map(placeAt));
  return {
    // The convert stage indexes its own ids before the derived ones: the rows give the order.
    all: reused ? () => distinctIds(count, idAt) : () => index.firstRow.keys(),
    shared: (importId) => sharedPlaces.get(importIdKey(importId)) ?? NONE,
  };
}

/** Every import_id of rows `0..count-1` once, in the order of the rows that first hold it. */
function* distinctIds(count: number, idAt: (index: number) => string | undefined): Generator<string> {
  const seen = new Set<string>();
  for (let index = 0; index < count; index++) {
    const importId = idAt(index);
    if (!importId || seen.has(importId)) continue;
    seen.add(importId);
    yield importId;
  }
}

/** Whether every id of `written` is its own importIdKey (and none is blank, which is no id). */
function inMatchingForm(written: ImportIdIndex): boolean {
  for (const importId of written.firstRow.keys()) if (importId === '' || importIdKey(importId) !== importId) return false;
  return true;
}

function placeOf(row: ConvertedRow): SheetPlace {
  return { sheet: sheetOf(row), row: rowOf(row) };
}

/** The records of guide `guideId` (a record without a guide is taken as the guide's own). */
export function ofGuide<T extends { guide: number }>(records: readonly T[], guideId: number): T[] {
  return records.filter((record) => record.guide === undefined || record.guide === guideId);
}

function invalidEntry(row: Extract<ConvertedRow, { ok: false }>): InvalidEntry {
  return {
    action: 'invalid',
    sheet: row.sheet,
    row: row.row,
    importId: row.import_id ?? '',
    name: row.name ?? '',
    issues: row.issues,
  };
}

function conflictEntry(
  row: ConvertedRow,
  importId: string,
  held: readonly ApiSession[],
  places: readonly SheetPlace[],
  guideId: number,
): ConflictEntry {
  const sheet = sheetOf(row);
  const rowNumber = rowOf(row);
  const issues: RowIssue[] = row.ok ? [...row.session.warnings] : [...row.issues];
  const where = { sheet, row: rowNumber, column: 'import_id', value: importId };
  if (held.length > 1) {
    const ids = held.map((session) => session.id);
    issues.unshift({
      code: 'server_conflict',
      severity: 'error',
      message:
        `Row ${rowNumber}: import_id ${JSON.stringify(importId)} is held by ${held.length} sessions of guide ${guideId} ` +
        `(ids ${ids.join(', ')}), so it is not clear which one this row is; delete all but one of those sessions ` +
        `in Guidebook Builder, or give this row a different import_id`,
      ...where,
    });
  }
  if (places.length > 1 && !issues.some((issue) => issue.code === 'duplicate_import_id')) {
    const others = places.filter((place) => place.sheet !== sheet || place.row !== rowNumber);
    issues.unshift({
      code: 'duplicate_import_id',
      severity: 'error',
      message:
        `Row ${rowNumber}: import_id ${JSON.stringify(importId)} is also used by ${describePlaces(others, sheet)}; ` +
        `give each row its own import_id`,
      ...where,
    });
  }
  return {
    action: 'conflict',
    sheet,
    row: rowNumber,
    importId,
    name: (row.ok ? row.session.fields.name : row.name) ?? '',
    zone: row.ok ? row.session.zone : undefined,
    issues,
    sessionIds: held.map((session) => session.id),
  };
}

function describePlaces(places: readonly SheetPlace[], ownSheet: string): string {
  const shown = places
    .slice(0, 5)
    .map((place) => (place.sheet === ownSheet ? `row ${place.row}` : `row ${place.row} of sheet ${JSON.stringify(place.sheet)}`));
  const more = places.length > shown.length ? ` and ${places.length - shown.length} more rows` : '';
  return shown.join(', ') + more;
}

/** What every valid row is planned against: built once per run. */
export interface SessionRowContext {
  guideId: number;
  apiVersion: ApiVersion;
  tracks: ReferenceIndex;
  locations: ReferenceIndex;
  missingTracks: MissingReferences | null;
  missingLocations: MissingReferences | null;
  /** Without --create-missing: the names the guide lacks, for the run's one message about them. */
  unknownTracks?: UnknownReferences;
  unknownLocations?: UnknownReferences;
  /** The rows (sheet and row) naming a track or location the guide lacks, each once. */
  rowsNamingUnknown?: Set<string>;
}

/**
 * A valid sheet row matched to at most one server session: create, update, unchanged or invalid;
 * for a row that is only checked (withBody false) a create comes without its request body.
 * `writeImportId`: the match does not hold the row's import_id yet (a session claimed by an
 * exported `gb-session-<id>`), so the update writes it along with any changed field.
 */
function planSessionEntry(
  session: SheetSession,
  match: ApiSession | undefined,
  context: SessionRowContext,
  options: { writeImportId?: boolean; withBody: boolean },
): Exclude<CheckedEntry, ConflictEntry | DeleteEntry> {
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
    ? resolveRowReferences(session.tracks, context.tracks, context.missingTracks, where, context.unknownTracks)
    : undefined;
  const locations =
    session.mapped.includes('locations') && context.apiVersion !== 'v1'
      ? resolveRowReferences(session.locations, context.locations, context.missingLocations, where, context.unknownLocations)
      : undefined;
  // Checked before any list is made: nearly every row's names all resolve.
  if ((tracks !== undefined && tracks.issues.length > 0) || (locations !== undefined && locations.issues.length > 0)) {
    const referenceIssues = [...(tracks?.issues ?? []), ...(locations?.issues ?? [])];
    return Object.assign(base, { action: 'invalid' as const, issues: [...referenceIssues, ...session.warnings] });
  }

  const desired = desiredFields(session, { schedule_tracks: tracks?.ids, locations: locations?.ids }, context.apiVersion);
  const pending = pendingRefs(tracks, locations);
  const fields = reportFields(desired, tracks, locations);
  const issues = [...session.warnings];
  const ruleIssues = effectiveRuleIssues(desired, match, session, context.apiVersion);
  if (ruleIssues.length > 0) return Object.assign(base, { action: 'invalid' as const, issues: [...ruleIssues, ...issues] });

  if (!match) {
    const entry = Object.assign(base, { action: 'create' as const, issues, fields }) as CheckedCreateEntry;
    // A create's request body is built only for a plan that is carried out (checkRow: none).
    if (options.withBody) (entry as CreateEntry).body = createBody(context.guideId, session, desired, context.apiVersion);
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
