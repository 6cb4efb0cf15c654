// The speakers' plan: every decision about custom lists, items, relations and links, made against
// ONE listing of them, before anything is written. Pure. The standard is the sessions': an item is
// created, updated (only the changed fields) or left alone; a relation or link that already stands
// costs nothing; items and links without the importer's mark are never changed.
import type {
  ApiCustomList,
  ApiCustomListItem,
  ApiCustomListItemRelation,
  ApiLink,
  CustomListItemBody,
  LinkContentType,
} from '../api/types.js';
import { GuidebookImportError } from '../errors.js';
import { imageUploadNeeded, type LoadedImage } from '../images/index.js';
import { sameHtml } from '../plan/canonical-html.js';
import type { FieldChange } from '../plan/types.js';
import type { ApiSession, RowIssue } from '../types.js';
import { deriveSpeakerImportId, LINK_ID_PREFIX, linkImportId, personKey } from './speaker-ids.js';
import type { ItemField, Roster, RosterSpeaker } from './speaker-roster.js';

export interface SpeakerListing {
  lists: ApiCustomList[];
  items: ApiCustomListItem[];
  relations: ApiCustomListItemRelation[];
  links: ApiLink[];
}

export type LinkDirection = 'session-speaker' | 'speaker-session';

export type LinkOp =
  | { kind: 'create'; direction: LinkDirection; sessionImportId: string; rank: number; importId: string }
  | { kind: 'patch'; linkId: number; sessionImportId: string; rank: number }
  | { kind: 'delete'; linkId: number; sessionImportId: string };

export type RelationOp = { kind: 'create'; listName: string; rank: number } | { kind: 'delete'; relationId: number; listName: string };

export interface SpeakerEntry {
  action: 'create' | 'update' | 'unchanged' | 'delete' | 'invalid' | 'conflict';
  sheet: string;
  row: number | null;
  importId: string;
  name: string;
  issues: RowIssue[];
  /** The item, when it exists before the run. */
  itemId: number | null;
  /** A create: the body (guide and import_id included). */
  create?: CustomListItemBody & { name: string; import_id: string };
  /** An update of the item's own fields: only the changed ones. */
  patch?: CustomListItemBody;
  changes: FieldChange[];
  relations: RelationOp[];
  links: LinkOp[];
  /** The photo to upload as `image` and `thumbnail` (one multipart PATCH). */
  photo?: LoadedImage;
  /** A photo the server already has and this machine had no memory of: remembered as it is. */
  photoBaseline?: string;
  /** A delete (--prune): carried out only when confirmed (--yes). */
  confirmed?: boolean;
  /** The report's changed_fields: item fields, then `lists` and `sessions` when those change. */
  changedFields: string[];
  /** The speaker as the sheet gives it, for the report. */
  fields?: Record<string, unknown>;
}

export interface SpeakerPlan {
  guideId: number;
  /** List names created once, before any relation needs them. */
  listsToCreate: string[];
  /** The guide's lists the plan puts speakers in, by name. */
  listIds: Map<string, number>;
  entries: SpeakerEntry[];
  /** Session import ids whose links change (their report rows name `speakers`). */
  linkChangedSessions: Set<string>;
  /** Warnings for session rows, by session import id. */
  sessionIssues: Map<string, RowIssue[]>;
  /** Each session's speakers by name, in link order (for the report), by session import id. */
  sessionSpeakerNames: Map<string, string[]>;
  writeRequests: number;
  warnings: string[];
}

export interface SpeakerPlanOptions {
  /** The list all speakers go in (default "Speakers"). */
  listName: string;
  /** Each role in its own list ("Speakers", "Moderators", ...). */
  listsByRole: boolean;
  prune: boolean;
  yes: number;
  maxDeletes?: number;
}

export interface SpeakerPlanInput {
  guideId: number;
  roster: Roster;
  /** Checked photos by speaker import id, and what this machine remembers uploading. */
  photos?: ReadonlyMap<string, LoadedImage>;
  rememberedPhoto?: (itemId: number) => string | undefined;
  refreshImages?: boolean;
  listing: SpeakerListing;
  serverSessions: readonly ApiSession[];
  options: SpeakerPlanOptions;
}

const SESSION: LinkContentType = 'schedule.session';
const ITEM: LinkContentType = 'custom_list.customlistitem';

/** The list a role's speakers go in with --speaker-lists-by-role: "Moderator" → "Moderators". */
export function listNameOfRole(role: string, defaultList: string): string {
  const trimmed = role.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'speaker') return defaultList;
  return /s$/iu.test(trimmed) ? trimmed : `${trimmed}s`;
}

export function planSpeakers(input: SpeakerPlanInput): SpeakerPlan {
  const { roster, listing, options, guideId } = input;
  const warnings: string[] = [];
  const sessionIssues = new Map(roster.sessionIssues);
  const linkChangedSessions = new Set<string>();

  const listsOf = (speaker: RosterSpeaker): string[] =>
    options.listsByRole ? [...new Set(speaker.roles.map((role) => listNameOfRole(role, options.listName)))] : [options.listName];
  const wantedLists = new Set<string>([options.listName]);
  for (const speaker of roster.speakers) for (const list of listsOf(speaker)) wantedLists.add(list);

  // Lists found by name; with two of one name the oldest is used, and the user told.
  const listByName = new Map<string, ApiCustomList>();
  for (const list of [...listing.lists].sort((a, b) => a.id - b.id)) {
    if (!wantedLists.has(list.name)) continue;
    if (listByName.has(list.name)) {
      warnings.push(
        `guide ${guideId} has more than one custom list named ${JSON.stringify(list.name)}: speakers go in the oldest (id ${listByName.get(list.name)!.id})`,
      );
      continue;
    }
    listByName.set(list.name, list);
  }
  const listsToCreate = [...wantedLists].filter(
    (name) => !listByName.has(name) && roster.speakers.some((speaker) => listsOf(speaker).includes(name)),
  );
  const managedListIds = new Set([...listByName.values()].map((list) => list.id));
  const listNameById = new Map([...listByName.values()].map((list) => [list.id, list.name]));

  const nextRank = new Map<string, number>();
  for (const name of wantedLists) nextRank.set(name, 1);
  for (const relation of listing.relations) {
    const name = listNameById.get(relation.custom_list);
    if (name !== undefined) nextRank.set(name, Math.max(nextRank.get(name)!, Math.floor(relation.rank) + 1));
  }
  const relationsOfItem = new Map<number, ApiCustomListItemRelation[]>();
  for (const relation of listing.relations)
    relationsOfItem.set(relation.custom_list_item, [...(relationsOfItem.get(relation.custom_list_item) ?? []), relation]);

  const itemsById = new Map<string, ApiCustomListItem[]>();
  for (const item of listing.items) {
    if (!item.import_id) continue;
    itemsById.set(item.import_id, [...(itemsById.get(item.import_id) ?? []), item]);
  }
  const sessionsById = new Map<string, ApiSession[]>();
  for (const session of input.serverSessions) {
    if (session.import_id) sessionsById.set(session.import_id, [...(sessionsById.get(session.import_id) ?? []), session]);
  }

  const entries: SpeakerEntry[] = [];
  const entryOfItemId = new Map<string, SpeakerEntry>();

  for (const problem of roster.problems) {
    entries.push({
      action: problem.action,
      sheet: problem.sheet,
      row: problem.row,
      importId: problem.importId ?? '',
      name: problem.name ?? '',
      issues: problem.issues,
      itemId: null,
      changes: [],
      relations: [],
      links: [],
      changedFields: [],
    });
  }

  // A speaker first known by name only whose sheet now gives an email or an Import ID: its item
  // (import id from the name) is taken over and its import id updated, instead of a second item,
  // when that is unambiguous: one such item, one speaker of that name, no speaker holding that id.
  const rosterIdSet = new Set(roster.speakers.map((speaker) => speaker.importId));
  const namesake = new Map<string, number>();
  for (const speaker of roster.speakers) namesake.set(personKey(speaker.name), (namesake.get(personKey(speaker.name)) ?? 0) + 1);
  const adoptedItemIds = new Set<number>();
  const formerItem = (speaker: RosterSpeaker): ApiCustomListItem | undefined => {
    const former = deriveSpeakerImportId({ name: speaker.name });
    if (former === speaker.importId || rosterIdSet.has(former) || namesake.get(personKey(speaker.name)) !== 1) return undefined;
    const held = itemsById.get(former) ?? [];
    return held.length === 1 ? held[0] : undefined;
  };

  // Items: create, update or unchanged, and their relations.
  const speakerItem = new Map<string, number | null>(); // speaker import id → item id (null: created by this run)
  for (const speaker of roster.speakers) {
    const found = itemsById.get(speaker.importId) ?? [];
    const entry: SpeakerEntry = {
      action: 'unchanged',
      sheet: speaker.sheet,
      row: speaker.row,
      importId: speaker.importId,
      name: speaker.name,
      issues: [...speaker.issues],
      itemId: null,
      changes: [],
      relations: [],
      links: [],
      changedFields: [],
      fields: { ...speaker.fields, lists: listsOf(speaker), sessions: speaker.sessions },
    };
    entries.push(entry);
    entryOfItemId.set(speaker.importId, entry);
    if (found.length > 1) {
      entry.action = 'conflict';
      entry.issues.push({
        code: 'server_conflict',
        severity: 'error',
        message: `items ${found.map((item) => item.id).join(', ')} of the guide all carry import id ${JSON.stringify(speaker.importId)}: not guessed which is this speaker; delete the extra ones in Builder`,
        sheet: speaker.sheet,
        row: speaker.row,
      });
      continue;
    }
    const former = found.length === 0 ? formerItem(speaker) : undefined;
    const item = found[0] ?? former;
    if (former) {
      adoptedItemIds.add(former.id);
      entryOfItemId.set(former.import_id!, entry);
    }
    if (item === undefined) {
      entry.action = 'create';
      entry.create = {
        guide: guideId,
        ...speaker.fields,
        name: speaker.name,
        import_id: speaker.importId,
        description_html: speaker.fields.description_html ?? '',
      };
      entry.changedFields.push(...Object.keys(speaker.fields));
      speakerItem.set(speaker.importId, null);
    } else {
      entry.itemId = item.id;
      speakerItem.set(speaker.importId, item.id);
      entry.changes = diffItem(speaker.fields, item);
      if (former) entry.changes.unshift({ field: 'import_id', old: former.import_id, new: speaker.importId });
      if (entry.changes.length > 0) {
        entry.patch = { guide: guideId };
        for (const change of entry.changes) (entry.patch as unknown as Record<string, unknown>)[change.field] = change.new;
        entry.changedFields.push(...entry.changes.map((change) => change.field));
      }
    }
    // Relations: in each of its lists once; out of the importer's lists it no longer belongs to.
    const wanted = listsOf(speaker);
    const held = item ? (relationsOfItem.get(item.id) ?? []) : [];
    for (const name of wanted) {
      const list = listByName.get(name);
      if (list !== undefined && held.some((relation) => relation.custom_list === list.id)) continue;
      const rank = nextRank.get(name)!;
      nextRank.set(name, rank + 1);
      entry.relations.push({ kind: 'create', listName: name, rank });
    }
    for (const relation of held) {
      const name = listNameById.get(relation.custom_list);
      if (name !== undefined && !wanted.includes(name)) entry.relations.push({ kind: 'delete', relationId: relation.id, listName: name });
    }
    if (item && entry.relations.length > 0) entry.changedFields.push('lists');
    const photo = input.photos?.get(speaker.importId);
    if (photo) {
      const remembered = item ? input.rememberedPhoto?.(item.id) : undefined;
      const serverHasImage = typeof item?.image === 'string' && item.image !== '';
      if (imageUploadNeeded({ hash: photo.hash, remembered, serverHasImage, refresh: input.refreshImages ?? false })) {
        entry.photo = photo;
        entry.changedFields.push('image');
      } else if (item && remembered === undefined) {
        entry.photoBaseline = photo.hash;
      }
    }
  }

  // --prune: items of the importer's lists with an import id the sheet no longer has.
  const rosterIds = new Set([
    ...roster.speakers.map((speaker) => speaker.importId),
    ...roster.problems.map((problem) => problem.importId ?? ''),
  ]);
  const prunable = listing.items.filter(
    (item) =>
      item.import_id &&
      !rosterIds.has(item.import_id) &&
      !adoptedItemIds.has(item.id) &&
      (relationsOfItem.get(item.id) ?? []).some((relation) => managedListIds.has(relation.custom_list)),
  );
  const prunedItemIds = new Set<number>();
  if (options.prune && prunable.length > 0) {
    const importedInLists = listing.items.filter(
      (item) => item.import_id && (relationsOfItem.get(item.id) ?? []).some((relation) => managedListIds.has(relation.custom_list)),
    ).length;
    refuseUnsafePrune(prunable.length, roster.speakers.length, importedInLists, guideId, options);
    for (const item of prunable) {
      const confirmed = options.yes >= 1;
      prunedItemIds.add(item.id);
      const entry: SpeakerEntry = {
        action: 'delete',
        sheet: 'Speakers',
        row: null,
        importId: item.import_id!,
        name: item.name,
        issues: [],
        itemId: item.id,
        changes: [],
        relations: confirmed
          ? (relationsOfItem.get(item.id) ?? []).map((relation) => ({
              kind: 'delete' as const,
              relationId: relation.id,
              listName: listNameById.get(relation.custom_list) ?? String(relation.custom_list),
            }))
          : [],
        links: [],
        confirmed,
        changedFields: [],
      };
      entries.push(entry);
      entryOfItemId.set(item.import_id!, entry);
    }
  }

  // Links: a session names its speakers in cell order, and each speaker its sessions; each pair
  // is two links (a link shows on its source only).
  const itemImportIdById = new Map(listing.items.filter((item) => item.import_id).map((item) => [item.id, item.import_id!]));
  const sessionImportIdById = new Map<number, string>();
  const sessionIdOf = new Map<string, number | null>();
  const unlinkable = new Set<string>();
  for (const sessionImportId of roster.sessionSpeakers.keys()) {
    const found = sessionsById.get(sessionImportId) ?? [];
    if (found.length > 1) {
      unlinkable.add(sessionImportId);
      addIssue(
        sessionIssues,
        sessionImportId,
        `its speakers are not linked: sessions ${found.map((s) => s.id).join(', ')} share its import id`,
      );
      continue;
    }
    sessionIdOf.set(sessionImportId, found[0]?.id ?? null);
    if (found[0]) sessionImportIdById.set(found[0].id, sessionImportId);
  }

  const linksByPair = new Map<string, ApiLink[]>();
  for (const link of [...listing.links].sort((a, b) => a.id - b.id)) {
    const key = pairKey(link.source_content_type, link.source_object_id, link.target_content_type, link.target_object_id);
    linksByPair.set(key, [...(linksByPair.get(key) ?? []), link]);
  }
  const kept = new Set<number>();
  const isOurs = (link: ApiLink): boolean => typeof link.import_id === 'string' && link.import_id.startsWith(LINK_ID_PREFIX);

  interface Target {
    sessionImportId: string;
    speakerImportId: string;
    direction: LinkDirection;
    sourceId: number | null;
    targetId: number | null;
  }
  const planGroup = (targets: Target[]): void => {
    const existing = targets.map((target) => {
      if (target.sourceId === null || target.targetId === null) return undefined;
      const [sourceType, targetType] = target.direction === 'session-speaker' ? [SESSION, ITEM] : [ITEM, SESSION];
      const found = linksByPair.get(pairKey(sourceType, target.sourceId, targetType, target.targetId)) ?? [];
      const standing = found.find(isOurs) ?? found[0];
      if (standing) kept.add(standing.id);
      return standing;
    });
    const ranks = linkRanks(existing.map((link) => (link ? Number(link.rank ?? 0) : undefined)));
    targets.forEach((target, index) => {
      const entry = entryOfItemId.get(target.speakerImportId);
      if (entry === undefined || entry.action === 'conflict') return;
      const link = existing[index];
      const rank = ranks[index]!;
      if (link === undefined) {
        entry.links.push({
          kind: 'create',
          direction: target.direction,
          sessionImportId: target.sessionImportId,
          rank,
          importId: linkImportId(target.direction, target.sessionImportId, target.speakerImportId),
        });
        linkChangedSessions.add(target.sessionImportId);
      } else if (isOurs(link) && Number(link.rank ?? 0) !== rank) {
        entry.links.push({ kind: 'patch', linkId: link.id, sessionImportId: target.sessionImportId, rank });
        // A speaker's own order of sessions changed: the session's page is as it was.
        if (target.direction === 'session-speaker') linkChangedSessions.add(target.sessionImportId);
      }
    });
  };

  for (const [sessionImportId, speakerIds] of roster.sessionSpeakers) {
    if (unlinkable.has(sessionImportId)) continue;
    const sessionId = sessionIdOf.get(sessionImportId) ?? null;
    planGroup(
      speakerIds
        .filter((id) => speakerItem.has(id))
        .map((speakerImportId) => ({
          sessionImportId,
          speakerImportId,
          direction: 'session-speaker',
          sourceId: sessionId,
          targetId: speakerItem.get(speakerImportId) ?? null,
        })),
    );
  }
  for (const speaker of roster.speakers) {
    if (!speakerItem.has(speaker.importId)) continue;
    const itemId = speakerItem.get(speaker.importId) ?? null;
    planGroup(
      speaker.sessions
        .filter((sessionImportId) => !unlinkable.has(sessionImportId))
        .map((sessionImportId) => ({
          sessionImportId,
          speakerImportId: speaker.importId,
          direction: 'speaker-session',
          sourceId: itemId,
          targetId: sessionIdOf.get(sessionImportId) ?? null,
        })),
    );
  }

  // The importer's links no longer wanted: those of a session whose speakers the sheet states, and
  // those of an item being pruned. Other links (Builder's, or of sessions the sheet leaves alone) stay.
  const managedSessionIds = new Set(sessionImportIdById.keys());
  const heldBack = new Set(roster.problems.flatMap((problem) => (problem.importId ? [problem.importId] : [])));
  for (const link of listing.links) {
    if (!isOurs(link) || kept.has(link.id)) continue;
    const ends = linkEnds(link);
    if (ends === null) continue;
    const pruned = prunedItemIds.has(ends.itemId);
    if (!pruned && !managedSessionIds.has(ends.sessionId)) continue;
    const speakerImportId = itemImportIdById.get(ends.itemId);
    const sessionImportId = sessionImportIdById.get(ends.sessionId) ?? String(ends.sessionId);
    // A session whose cell names someone ambiguously keeps its links: removing one would be a guess.
    if (!pruned && roster.sessionIssues.has(sessionImportId)) continue;
    // A speaker whose row is invalid or in conflict is left as it stands, links included.
    if (speakerImportId !== undefined && heldBack.has(speakerImportId)) continue;
    let entry = speakerImportId === undefined ? undefined : entryOfItemId.get(speakerImportId);
    if (entry?.action === 'delete' && !entry.confirmed) continue;
    if (entry?.action === 'conflict' || entry?.action === 'invalid') continue;
    if (entry === undefined) {
      // A speaker gone from the sheet but kept (no --prune): its links to the sheet's sessions go.
      const item = listing.items.find((candidate) => candidate.id === ends.itemId);
      entry = {
        action: 'unchanged',
        sheet: 'Speakers',
        row: null,
        importId: speakerImportId ?? '',
        name: item?.name ?? `item ${ends.itemId}`,
        issues: [],
        itemId: ends.itemId,
        changes: [],
        relations: [],
        links: [],
        changedFields: [],
      };
      entries.push(entry);
      if (speakerImportId !== undefined) entryOfItemId.set(speakerImportId, entry);
    }
    entry.links.push({ kind: 'delete', linkId: link.id, sessionImportId });
    if (managedSessionIds.has(ends.sessionId)) linkChangedSessions.add(sessionImportId);
  }

  const nameOf = new Map(roster.speakers.map((speaker) => [speaker.importId, speaker.name]));
  const sessionSpeakerNames = new Map(
    [...roster.sessionSpeakers].map(([sessionImportId, ids]) => [sessionImportId, ids.map((id) => nameOf.get(id) ?? id)]),
  );
  let writeRequests = listsToCreate.length;
  for (const entry of entries) {
    if (entry.links.length > 0 && entry.action !== 'create' && entry.action !== 'delete' && !entry.changedFields.includes('sessions')) {
      entry.changedFields.push('sessions');
    }
    if (entry.action === 'unchanged' && entry.changedFields.length > 0) entry.action = 'update';
    writeRequests += speakerWriteRequests(entry);
  }
  return {
    guideId,
    listsToCreate,
    listIds: new Map([...listByName].map(([name, list]) => [name, list.id])),
    entries,
    linkChangedSessions,
    sessionIssues,
    sessionSpeakerNames,
    writeRequests,
    warnings,
  };
}

/**
 * The rank of each link of one source, in the order the sheet lists them, given the ranks of the
 * links that stand (undefined: a link to create). When the standing links are already in that
 * order they keep their ranks and each new link slots in between its neighbours (ranks are
 * floats), so adding or removing a speaker costs no PATCH; otherwise all are renumbered 0, 1, ...
 */
export function linkRanks(standing: ReadonlyArray<number | undefined>): number[] {
  const known = standing.filter((rank): rank is number => rank !== undefined);
  const inOrder = known.every((rank, index) => index === 0 || rank > known[index - 1]!);
  if (!inOrder) return standing.map((_, index) => index);
  const ranks = [...standing] as number[];
  for (let start = 0; start < standing.length; start++) {
    if (standing[start] !== undefined) continue;
    let end = start;
    while (end < standing.length && standing[end] === undefined) end++;
    const before = start > 0 ? standing[start - 1] : undefined;
    const after = end < standing.length ? standing[end] : undefined;
    const count = end - start;
    for (let k = 0; k < count; k++) {
      ranks[start + k] =
        before !== undefined && after !== undefined
          ? before + ((after - before) * (k + 1)) / (count + 1)
          : before !== undefined
            ? Math.floor(before) + k + 1
            : after !== undefined
              ? Math.ceil(after) - (count - k)
              : start + k;
    }
    start = end;
  }
  return ranks;
}

function refuseUnsafePrune(deletes: number, rosterSize: number, imported: number, guideId: number, options: SpeakerPlanOptions): void {
  if (options.maxDeletes !== undefined && deletes > options.maxDeletes) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: ${deletes} speakers of guide ${guideId} are not in the sheet and would be deleted, but --max-deletes is ${options.maxDeletes}. ` +
        `Check that this is the right sheet, or raise --max-deletes to ${deletes}.`,
    );
  }
  const looksLikeWrongSheet = rosterSize < imported / 2;
  const allowed = options.yes >= 2 || (options.maxDeletes !== undefined && options.maxDeletes >= deletes);
  if (options.yes >= 1 && looksLikeWrongSheet && !allowed) {
    throw new GuidebookImportError(
      'prune_refused',
      `Refusing to prune: the sheet names ${rosterSize} speakers but guide ${guideId} has ${imported} imported speakers, so ${deletes} would be deleted. ` +
        `If that is intended, pass --yes twice or --max-deletes ${deletes}; run without --yes to list them first.`,
    );
  }
}

const ITEM_FIELDS: readonly ItemField[] = ['name', 'subtitle', 'description_html', 'contact_email'];

/** The item fields the sheet gives that differ from the server's, compared as the server stores them. */
function diffItem(fields: Partial<Record<ItemField, string>>, item: ApiCustomListItem): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ITEM_FIELDS) {
    const wanted = fields[field];
    if (wanted === undefined) continue;
    const stored = item[field] ?? '';
    const same =
      field === 'description_html'
        ? sameHtml(stored, wanted)
        : field === 'contact_email'
          ? stored.trim().toLowerCase() === wanted.trim().toLowerCase()
          : stored.trim() === wanted.trim();
    if (!same) changes.push({ field, old: item[field] ?? null, new: wanted });
  }
  return changes;
}

function pairKey(sourceType: string, sourceId: number, targetType: string, targetId: number): string {
  return `${sourceType}:${sourceId}>${targetType}:${targetId}`;
}

function linkEnds(link: ApiLink): { sessionId: number; itemId: number } | null {
  if (link.source_content_type === SESSION && link.target_content_type === ITEM)
    return { sessionId: link.source_object_id, itemId: link.target_object_id };
  if (link.source_content_type === ITEM && link.target_content_type === SESSION)
    return { sessionId: link.target_object_id, itemId: link.source_object_id };
  return null;
}

function addIssue(issues: Map<string, RowIssue[]>, sessionImportId: string, message: string): void {
  issues.set(sessionImportId, [
    ...(issues.get(sessionImportId) ?? []),
    { code: 'server_conflict', severity: 'warning', message, sheet: '', row: 0 },
  ]);
}

/**
 * The write requests one speaker's entry sends: its item's create or patch, its photo, its
 * relations and links, and a confirmed delete. The plan's cost and the progress bar both count them.
 */
export function speakerWriteRequests(entry: SpeakerEntry): number {
  const own = (entry.create ? 1 : 0) + (entry.patch ? 1 : 0) + (entry.photo ? 1 : 0) + entry.relations.length + entry.links.length;
  return own + (entry.action === 'delete' && entry.confirmed ? 1 : 0);
}
