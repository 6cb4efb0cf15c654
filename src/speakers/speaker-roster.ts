// Who the speakers are and which sessions each presents, from the Speakers sheet and the sessions'
// speaker cells. Pure: values in, values out. Names are matched to Speakers rows by import id,
// email, then name (case, accents and spacing ignored); a name with no Speakers row is a speaker
// with a name only. Two people are never collapsed into one: rows sharing an import id are
// conflicts, and a name shared by two rows matches neither (a warning on the session).
import type { RowIssue, SessionSpeakerRef, SheetSession, SheetSpeaker } from '../types.js';
import { descriptionToHtml } from '../validate/description-html.js';
import type { SpeakersSheet } from './read-speakers.js';
import { deriveSpeakerImportId, emailKey, personKey } from './speaker-ids.js';

/** The custom list item fields an import writes. */
export type ItemField = 'name' | 'subtitle' | 'description_html' | 'contact_email';

export interface RosterSpeaker {
  importId: string;
  name: string;
  /** Where the speaker was introduced: its Speakers row, or the first session row naming it. */
  sheet: string;
  row: number;
  /** The item fields the sheet gives (a field not given is never touched). */
  fields: Partial<Record<ItemField, string>>;
  photo?: string;
  roles: string[];
  /** Session import ids in the order the speaker's links list them. */
  sessions: string[];
  issues: RowIssue[];
}

export interface RosterProblem {
  action: 'invalid' | 'conflict';
  sheet: string;
  row: number;
  name?: string;
  importId?: string;
  issues: RowIssue[];
}

export interface Roster {
  speakers: RosterSpeaker[];
  problems: RosterProblem[];
  /**
   * Sessions whose speakers the sheet states (a speaker column, or the Speakers sheet's Sessions
   * column): session import id → speaker import ids in link order. Other sessions' links are
   * left alone.
   */
  sessionSpeakers: Map<string, string[]>;
  /** Warnings for session rows (an ambiguous name), by session import id. */
  sessionIssues: Map<string, RowIssue[]>;
}

/** What the roster reads of a valid session row (validate holds only this much of each row). */
export type RosterSession = Pick<SheetSession, 'sheet' | 'row' | 'speakers'> & { fields: Pick<SheetSession['fields'], 'import_id'> };

export interface RosterInput {
  speakersSheet: SpeakersSheet | null;
  sessions: readonly RosterSession[];
}

export function buildRoster(input: RosterInput): Roster {
  const speakers: RosterSpeaker[] = [];
  const problems: RosterProblem[] = [];
  const sessionIssues = new Map<string, RowIssue[]>();
  const sheet = input.speakersSheet;
  const byId = new Map<string, RosterSpeaker>();

  // An invalid Speakers row that still has a name (a bad email) holds that name back: a session
  // naming it is not linked to a name-only stand-in, which would be a second item once it is fixed.
  const invalidByName = new Map<string, number>();
  for (const invalid of sheet?.invalid ?? []) {
    problems.push({ action: 'invalid', ...invalid });
    if (invalid.name !== undefined) invalidByName.set(personKey(invalid.name), invalid.row);
  }

  // Speakers rows, their import ids checked for sharing first: a shared id is never guessed.
  const rows = (sheet?.speakers ?? []).map((row) => ({ row, importId: deriveSpeakerImportId(row) }));
  const rowsById = new Map<string, typeof rows>();
  for (const entry of rows) rowsById.set(entry.importId, [...(rowsById.get(entry.importId) ?? []), entry]);
  for (const { row, importId } of rows) {
    const sharing = rowsById.get(importId)!;
    if (sharing.length > 1) {
      const others = sharing.filter((other) => other.row !== row).map((other) => other.row.row);
      problems.push({
        action: 'conflict',
        sheet: row.sheet,
        row: row.row,
        name: row.name,
        importId,
        issues: [
          issue(
            'duplicate_import_id',
            'error',
            row,
            `speaker import id ${JSON.stringify(importId)} is also on row${others.length === 1 ? '' : 's'} ${others.join(', ')}: ` +
              'two rows for one speaker, or two people told apart by nothing; give each an Import ID or an Email',
          ),
        ],
      });
      continue;
    }
    const speaker = fromSheetRow(row, importId);
    speakers.push(speaker);
    byId.set(importId, speaker);
  }

  // Same name, different people: both kept, both told.
  const byName = new Map<string, RosterSpeaker[]>();
  for (const speaker of speakers) byName.set(personKey(speaker.name), [...(byName.get(personKey(speaker.name)) ?? []), speaker]);
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    for (const speaker of same) {
      const others = same.filter((other) => other !== speaker).map((other) => other.row);
      speaker.issues.push(
        issue(
          'duplicate_import_id',
          'warning',
          speaker,
          `another speaker is also named ${JSON.stringify(speaker.name)} (row${others.length === 1 ? '' : 's'} ${others.join(', ')}): ` +
            'kept as two people; a session naming only the name is not linked to either (write the email or import id in its cell)',
        ),
      );
    }
  }
  const byEmail = new Map<string, RosterSpeaker>();
  for (const speaker of speakers) if (speaker.fields.contact_email) byEmail.set(emailKey(speaker.fields.contact_email), speaker);

  const sessionSpeakers = new Map<string, string[]>();
  const sessionById = new Map(input.sessions.map((session) => [session.fields.import_id, session]));
  const link = (sessionImportId: string, speaker: RosterSpeaker): void => {
    const list = sessionSpeakers.get(sessionImportId) ?? [];
    if (!list.includes(speaker.importId)) list.push(speaker.importId);
    sessionSpeakers.set(sessionImportId, list);
    if (!speaker.sessions.includes(sessionImportId)) speaker.sessions.push(sessionImportId);
  };

  // A speaker cell the roster cannot link is a warning on its session row, never a silent drop.
  const notLinked = (session: (typeof input.sessions)[number], message: string): void => {
    const sessionId = session.fields.import_id;
    sessionIssues.set(sessionId, [...(sessionIssues.get(sessionId) ?? []), issue('server_conflict', 'warning', session, message)]);
  };

  for (const session of input.sessions) {
    if (session.speakers === undefined) continue;
    const sessionId = session.fields.import_id;
    sessionSpeakers.set(sessionId, sessionSpeakers.get(sessionId) ?? []);
    for (const ref of session.speakers) {
      const found = matchRef(ref, byId, byEmail, byName);
      if (found === 'ambiguous') {
        notLinked(
          session,
          `speaker ${JSON.stringify(ref.name)} matches ${byName.get(personKey(ref.name))!.length} Speakers rows (same name): not linked; ` +
            'write the email ("Name <email>") or the import id in the cell',
        );
        continue;
      }
      const heldBack = invalidByName.get(personKey(ref.name));
      if (found === undefined && !ref.email && heldBack !== undefined) {
        notLinked(session, `speaker ${JSON.stringify(ref.name)} is not linked: its Speakers row ${heldBack} is invalid (fix that row)`);
        continue;
      }
      let speaker = found;
      if (speaker === undefined) {
        const importId = deriveSpeakerImportId({ name: ref.name, email: ref.email });
        speaker = byId.get(importId);
        if (speaker === undefined) {
          speaker = {
            importId,
            name: ref.name,
            sheet: session.sheet,
            row: session.row,
            fields: ref.email ? { name: ref.name, contact_email: ref.email } : { name: ref.name },
            roles: [],
            sessions: [],
            issues: [],
          };
          speakers.push(speaker);
          byId.set(importId, speaker);
          byName.set(personKey(ref.name), [...(byName.get(personKey(ref.name)) ?? []), speaker]);
          if (ref.email) byEmail.set(emailKey(ref.email), speaker);
        }
      }
      if (!speaker.roles.includes(ref.role) && !hasSheetRole(speaker, sheet)) speaker.roles.push(ref.role);
      link(sessionId, speaker);
    }
  }

  // The Speakers sheet's Sessions column adds links after the sessions' own cells.
  for (const row of sheet?.speakers ?? []) {
    const speaker = byId.get(deriveSpeakerImportId(row));
    if (speaker === undefined || speaker.row !== row.row || speaker.sheet !== row.sheet) continue;
    for (const sessionImportId of row.sessions ?? []) {
      if (!sessionById.has(sessionImportId)) {
        speaker.issues.push(
          issue(
            'unknown_track',
            'warning',
            speaker,
            `session ${JSON.stringify(sessionImportId)} in the Sessions column is not a valid row of the sessions sheet: not linked`,
          ),
        );
        continue;
      }
      link(sessionImportId, speaker);
    }
  }
  // A speaker's own page lists sessions in the Sessions column's order when the sheet gives one
  // (an export writes it in link order), the others after it in sheet order.
  for (const row of sheet?.speakers ?? []) {
    const speaker = byId.get(deriveSpeakerImportId(row));
    if (speaker === undefined || speaker.row !== row.row || speaker.sheet !== row.sheet || !row.sessions?.length) continue;
    const listed = row.sessions.filter((id) => speaker.sessions.includes(id));
    speaker.sessions = [...new Set([...listed, ...speaker.sessions])];
  }
  for (const speaker of speakers) if (speaker.roles.length === 0) speaker.roles.push('Speaker');
  return { speakers, problems, sessionSpeakers, sessionIssues };
}

function hasSheetRole(speaker: RosterSpeaker, sheet: SpeakersSheet | null): boolean {
  return sheet !== null && speaker.sheet === sheet.sheet && speaker.roles.length > 0;
}

function matchRef(
  ref: SessionSpeakerRef,
  byId: ReadonlyMap<string, RosterSpeaker>,
  byEmail: ReadonlyMap<string, RosterSpeaker>,
  byName: ReadonlyMap<string, RosterSpeaker[]>,
): RosterSpeaker | 'ambiguous' | undefined {
  const asId = byId.get(ref.name.trim());
  if (asId) return asId;
  if (ref.email) return byEmail.get(emailKey(ref.email));
  const named = byName.get(personKey(ref.name)) ?? [];
  if (named.length > 1) return 'ambiguous';
  return named[0];
}

function fromSheetRow(row: SheetSpeaker, importId: string): RosterSpeaker {
  const issues: RowIssue[] = [];
  const fields: RosterSpeaker['fields'] = { name: row.name };
  const subtitle = [row.title, row.company].filter((part) => part !== undefined && part !== '').join(', ');
  if (subtitle !== '') fields.subtitle = subtitle;
  if (row.bio !== undefined) {
    const html = descriptionToHtml(row.bio);
    fields.description_html = html.html;
    if (html.removed.length > 0) issues.push(issue('html_sanitised', 'warning', row, `Bio: removed ${html.removed.join(', ')}`));
  }
  if (row.email !== undefined) fields.contact_email = row.email;
  const speaker: RosterSpeaker = {
    importId,
    name: row.name,
    sheet: row.sheet,
    row: row.row,
    fields,
    roles: row.role ? [row.role] : [],
    sessions: [],
    issues,
  };
  if (row.photo !== undefined) speaker.photo = row.photo;
  return speaker;
}

function issue(code: RowIssue['code'], severity: RowIssue['severity'], where: { sheet: string; row: number }, message: string): RowIssue {
  return { code, severity, message, sheet: where.sheet, row: where.row };
}
