// The guide's speakers as the importer reads them back: a Speakers sheet in SheetSpeaker's
// canonical columns (the items of the guide's custom lists that carry an import id), and for each
// session the cell of its Speakers column, in the order its links show them.
import type { ApiCustomList, ApiCustomListItem, ApiCustomListItemRelation, ApiLink } from '../api/types.js';
import { SPEAKER_FIELD_ORDER, SPEAKER_FIELDS, type SpeakerField } from '../map/speaker-fields.js';
import type { ExportCell } from './types.js';

export const SPEAKER_HEADERS: readonly string[] = SPEAKER_FIELD_ORDER.map((field) => SPEAKER_FIELDS[field].header);

const SESSION_TYPE = 'schedule.session';
const ITEM_TYPE = 'custom_list.customlistitem';

export interface SpeakerInput {
  lists: readonly ApiCustomList[];
  items: readonly ApiCustomListItem[];
  relations: readonly ApiCustomListItemRelation[];
  links: readonly ApiLink[];
  /** Session id → its import id as the agenda writes it. */
  sessionImportIds: ReadonlyMap<number, string>;
  /** The list speakers go in by default (its items get no Role). */
  speakerList: string;
}

export interface SpeakerRows {
  rows: ExportCell[][];
  /** Session id → the cell of its Speakers column. */
  sessionCells: Map<number, string>;
  /** Items left out: they carry no import id, so the importer never touches them. */
  withoutImportId: number;
}

export function buildSpeakerRows(input: SpeakerInput): SpeakerRows {
  const listNames = new Map(input.lists.map((list) => [list.id, list.name]));
  const listsOfItem = new Map<number, string[]>();
  for (const relation of input.relations) {
    const name = listNames.get(relation.custom_list);
    if (name === undefined) continue;
    listsOfItem.set(relation.custom_list_item, [...(listsOfItem.get(relation.custom_list_item) ?? []), name]);
  }
  const inLists = input.items.filter((item) => listsOfItem.has(item.id));
  const speakers = inLists.filter((item) => typeof item.import_id === 'string' && item.import_id !== '');
  const byId = new Map(speakers.map((item) => [item.id, item]));

  // A name that two speakers share (or that a list separator would split) is written as the import id.
  const nameCount = new Map<string, number>();
  for (const item of speakers) nameCount.set(nameKey(item.name), (nameCount.get(nameKey(item.name)) ?? 0) + 1);
  const label = (item: ApiCustomListItem): string =>
    nameCount.get(nameKey(item.name)) === 1 && !/[;,\n<]/.test(item.name) ? item.name : (item.import_id as string);

  const sessionLinks = new Map<number, ApiLink[]>();
  const itemSessions = new Map<number, ApiLink[]>();
  for (const link of input.links) {
    if (link.source_content_type === SESSION_TYPE && link.target_content_type === ITEM_TYPE && byId.has(link.target_object_id)) {
      sessionLinks.set(link.source_object_id, [...(sessionLinks.get(link.source_object_id) ?? []), link]);
    }
    if (link.source_content_type === ITEM_TYPE && link.target_content_type === SESSION_TYPE && byId.has(link.source_object_id)) {
      itemSessions.set(link.source_object_id, [...(itemSessions.get(link.source_object_id) ?? []), link]);
    }
  }
  const sessionCells = new Map<number, string>();
  for (const [sessionId, links] of sessionLinks) {
    sessionCells.set(
      sessionId,
      byRank(links)
        .map((link) => label(byId.get(link.target_object_id) as ApiCustomListItem))
        .join('; '),
    );
  }

  const sorted = [...speakers].sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.import_id as string, b.import_id as string) || a.id - b.id,
  );
  const rows = sorted.map((item) => {
    const sessions = byRank(itemSessions.get(item.id) ?? [])
      .map((link) => input.sessionImportIds.get(link.target_object_id))
      .filter((id): id is string => id !== undefined);
    const cells: Record<SpeakerField, ExportCell> = {
      import_id: item.import_id as string,
      name: item.name,
      // The subtitle as one text: the importer writes "Title, Company" back as it stands.
      title: item.subtitle || null,
      company: null,
      bio: item.description_html || null,
      email: item.contact_email || null,
      photo: item.image || null,
      role: roleOf(listsOfItem.get(item.id) ?? [], input.speakerList),
      sessions: sessions.length > 0 ? sessions.join('; ') : null,
    };
    return SPEAKER_FIELD_ORDER.map((field) => cells[field]);
  });
  return { rows, sessionCells, withoutImportId: inLists.length - speakers.length };
}

/** No Role for the default list; else the list's name in the singular ("Moderators" → "Moderator"). */
function roleOf(lists: readonly string[], speakerList: string): string | null {
  const other = lists.find((name) => name !== speakerList);
  if (other === undefined) return null;
  return other.replace(/s$/i, '');
}

function byRank(links: readonly ApiLink[]): ApiLink[] {
  return [...links].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.id - b.id);
}

function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Code-point order: the machine's locale must not change the file. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
