// Speaker sheets written at test time (real XLSX workbooks with a Speakers sheet, via SheetJS) and
// what the sandbox holds of speakers once imported: each session's speakers by name in link order,
// each speaker's sessions, the lists' members. Worked out from the sandbox state, not the importer.
import * as fs from 'node:fs';
import * as XLSX from 'xlsx';
import type { SandboxState } from '../../src/sandbox/index.js';

XLSX.set_fs(fs);

export interface SessionRow {
  id: string;
  title: string;
  /** The Speakers cell, e.g. "Ada Park; Bram de Vries". */
  speakers?: string;
  moderators?: string;
  /** 0-based slot: the session starts at 9:00 + 30 min × slot on 2027-05-10. */
  slot: number;
}

export interface SpeakerRow {
  importId?: string;
  name: string;
  title?: string;
  company?: string;
  bio?: string;
  email?: string;
  role?: string;
  sessions?: string;
  /** A path relative to the workbook, or a URL. */
  photo?: string;
}

function time(slot: number, plus = 0): string {
  const minutes = 9 * 60 + slot * 30 + plus;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function sessionSheet(rows: readonly SessionRow[], withModerators: boolean): XLSX.WorkSheet {
  const header = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Speakers', ...(withModerators ? ['Moderator'] : [])];
  const body = rows.map((row) => [
    row.id,
    row.title,
    '2027-05-10',
    time(row.slot),
    time(row.slot, 25),
    row.speakers ?? '',
    ...(withModerators ? [row.moderators ?? ''] : []),
  ]);
  return XLSX.utils.aoa_to_sheet([header, ...body]);
}

export function speakerSheet(speakers: readonly SpeakerRow[]): XLSX.WorkSheet {
  const header = ['Import ID', 'Name', 'Title', 'Company', 'Bio', 'Email', 'Photo', 'Role', 'Sessions'];
  const body = speakers.map((s) => [
    s.importId ?? '',
    s.name,
    s.title ?? '',
    s.company ?? '',
    s.bio ?? '',
    s.email ?? '',
    s.photo ?? '',
    s.role ?? '',
    s.sessions ?? '',
  ]);
  return XLSX.utils.aoa_to_sheet([header, ...body]);
}

/** An agenda workbook: the sessions sheet "Agenda" first, then "Speakers" when speakers are given. */
export function writeSpeakerWorkbook(path: string, sessions: readonly SessionRow[], speakers?: readonly SpeakerRow[]): void {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    sessionSheet(
      sessions,
      sessions.some((row) => row.moderators !== undefined),
    ),
    'Agenda',
  );
  if (speakers) XLSX.utils.book_append_sheet(book, speakerSheet(speakers), 'Speakers');
  XLSX.writeFile(book, path);
}

export interface SpeakerView {
  /** session import id → speaker names in link rank order (session → item links). */
  sessionSpeakers: Record<string, string[]>;
  /** speaker name → session import ids in rank order (item → session links). */
  speakerSessions: Record<string, string[]>;
  /** list name → member names. */
  lists: Record<string, string[]>;
  items: SandboxState['custom_list_items'];
}

export function speakerView(state: SandboxState, guide = 1): SpeakerView {
  const items = state.custom_list_items.filter((item) => item.guide === guide);
  const itemName = new Map(items.map((item) => [item.id, item.name]));
  const sessionImportId = new Map(state.sessions.filter((s) => s.guide === guide).map((s) => [s.id, s.import_id ?? `#${s.id}`]));
  const links = state.links.filter((link) => link.guide === guide).sort((a, b) => a.rank - b.rank || a.id - b.id);
  const sessionSpeakers: Record<string, string[]> = {};
  const speakerSessions: Record<string, string[]> = {};
  for (const link of links) {
    if (link.source_content_type === 'schedule.session' && link.target_content_type === 'custom_list.customlistitem') {
      const key = sessionImportId.get(link.source_object_id)!;
      (sessionSpeakers[key] ??= []).push(itemName.get(link.target_object_id)!);
    } else if (link.source_content_type === 'custom_list.customlistitem' && link.target_content_type === 'schedule.session') {
      const key = itemName.get(link.source_object_id)!;
      (speakerSessions[key] ??= []).push(sessionImportId.get(link.target_object_id)!);
    }
  }
  const lists: Record<string, string[]> = {};
  for (const list of state.custom_lists.filter((l) => l.guide === guide)) {
    lists[list.name] = state.custom_list_item_relations
      .filter((relation) => relation.custom_list === list.id)
      .sort((a, b) => a.rank - b.rank)
      .map((relation) => itemName.get(relation.custom_list_item)!);
  }
  return { sessionSpeakers, speakerSessions, lists, items };
}

/** Requests by kind, e.g. {"GET links/": 1, "POST custom-list-items/": 3}. */
export function costOf(requests: ReadonlyArray<{ method: string; path: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const kind = `${r.method} ${r.path.replace(/^\/open-api\/v1(\.1)?\//, '').replace(/\/\d+\/$/, '/{id}/')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
