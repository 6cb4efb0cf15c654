import type { SessionWriteBody } from '../api/types.js';
import type { ApiSession } from '../types.js';
import { descriptionToHtml } from '../validate/index.js';
import { canonicalHtml } from './canonical-html.js';
import { sameInstant } from '../time/index.js';
import { FIELD_KINDS, isComparedField, type FieldKind } from './session-field-kinds.js';
import type { FieldChange, PendingRefs } from './types.js';

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

