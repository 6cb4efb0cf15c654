import type { SessionCreateBody, SessionWriteBody } from '../api/types.js';
import type { RowIssue } from '../types.js';
import type { MissingName } from './references.js';

// The versioned plan: every decision of an import, made by the pure planner (src/plan/) and
// carried out by apply/ without further thought. A dry run is a plan that is never applied.

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

interface EntryBase {
  /** Sheet name and spreadsheet row; null row for deletes (no sheet row). */
  sheet: string;
  row: number | null;
  importId: string;
  name: string;
  /** Zone the row's local times were read in (for the report). */
  zone?: string;
  /** Warnings and errors for the report. */
  issues: RowIssue[];
  /**
   * The row's normalised session fields, tracks and locations by name (for the report's `fields`;
   * apply never reads it). Absent for invalid, conflict and delete entries.
   */
  fields?: Record<string, unknown>;
  /**
   * Why the entry is what it is, when the action alone does not say (dedupe: which duplicate was
   * kept and why); for a delete it replaces the default "no longer in the sheet".
   */
  note?: string;
}

/** Names of tracks/locations the plan creates first (--create-missing), referenced by entries. */
export interface PendingRefs {
  schedule_tracks?: string[];
  locations?: string[];
}

export interface CreateEntry extends EntryBase {
  action: 'create';
  body: SessionCreateBody;
  pending?: PendingRefs;
}
/** A create as validate reports it (RowPlanner.checkRow): decided, never sent, so without a body. */
export type CheckedCreateEntry = Omit<CreateEntry, 'body'>;
/** A plan entry as validate reports it: any entry, a create without its request body. */
export type CheckedEntry = Exclude<PlanEntry, CreateEntry> | CheckedCreateEntry;
export interface UpdateEntry extends EntryBase {
  action: 'update';
  sessionId: number;
  changes: FieldChange[];
  /** Only the changed fields. */
  patch: SessionWriteBody;
  pending?: PendingRefs;
}
export interface UnchangedEntry extends EntryBase {
  action: 'unchanged';
  sessionId: number;
}
export interface DeleteEntry extends EntryBase {
  action: 'delete';
  sessionId: number;
  /** Deletes are carried out only with --yes; otherwise they stay planned. */
  confirmed: boolean;
}
export interface InvalidEntry extends EntryBase {
  action: 'invalid';
}
export interface ConflictEntry extends EntryBase {
  action: 'conflict';
  /** Server sessions holding the import_id, when the conflict is on the server. */
  sessionIds: number[];
}

export type PlanEntry = CreateEntry | UpdateEntry | UnchangedEntry | DeleteEntry | InvalidEntry | ConflictEntry;

export interface NamedToCreate {
  name: string;
  import_id: string;
  /** Locations only: 2, a placeholder room (a name is all a sheet gives). */
  location_type?: number;
}

export interface Plan {
  version: 1;
  guideId: number;
  /** Created once each, before the sessions that need them. */
  tracksToCreate: NamedToCreate[];
  locationsToCreate: NamedToCreate[];
  entries: PlanEntry[];
  /** Requests the plan costs when applied (writes; listing was already spent). */
  writeRequests: number;
  /** Requests spent reading the guide, its sessions, tracks and locations. */
  readRequests: number;
  /**
   * Without --create-missing: the names rows use that the guide lacks, for the run's one message
   * about them (missingReferencesMessage in references.ts). Absent when none are missing.
   */
  missingReferences?: {
    tracks: MissingName[];
    locations: MissingName[];
    /** Rows naming any of them, each once. */
    rows: number;
  };
}

/** An entry that sends a request when applied: a create, an update, or a delete confirmed by --yes. */
export function isWriteEntry(entry: PlanEntry): boolean {
  return entry.action === 'create' || entry.action === 'update' || (entry.action === 'delete' && entry.confirmed);
}
