import type { MappedCell, MappedRow, SessionSpeakerRef } from '../types.js';
import { readList } from '../validate/row-values.js';
import { looksLikeEmail } from './speaker-ids.js';

// A session row's speaker cells (`speakers`, `moderators`) as the ordered speaker references the
// planner links, in cell order: link rank follows it.

/**
 * The row's speakers, or undefined when the sheet maps no speaker column (then the session's links
 * are never touched). A blank cell is an empty list: the session has no speakers (any the importer
 * linked before are unlinked). A name in both columns is kept once, with its first role.
 */
export function readSpeakerRefs(row: MappedRow, listSeparator: string | undefined): SessionSpeakerRef[] | undefined {
  const { speakers, moderators } = row.fields;
  if (speakers === undefined && moderators === undefined) return undefined;
  const refs: SessionSpeakerRef[] = [];
  const seen = new Set<string>();
  const add = (cell: MappedCell | undefined, role: string): void => {
    if (cell === undefined) return;
    for (const text of readList(cell, listSeparator)) {
      const ref = parseSpeakerText(text, role);
      const key = (ref.email ?? ref.name).toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      refs.push(ref);
    }
  };
  add(speakers, 'Speaker');
  add(moderators, 'Moderator');
  return refs;
}

/** "Jane Doe <jane@example.org>", "jane@example.org" or "Jane Doe". */
export function parseSpeakerText(text: string, role: string): SessionSpeakerRef {
  const angled = /^(.*?)\s*<([^<>]+)>\s*$/u.exec(text);
  if (angled && looksLikeEmail(angled[2]!)) {
    const name = angled[1]!.trim();
    return { name: name === '' ? angled[2]!.trim() : name, role, email: angled[2]!.trim() };
  }
  if (looksLikeEmail(text)) return { name: text.trim(), role, email: text.trim() };
  return { name: text.trim(), role };
}
