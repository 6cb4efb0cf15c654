// A Sessionize event (the public "All" JSON: sessionize.com/api/v2/<id>/view/All, or a saved copy):
// sessions with their rooms, category items (→ tracks), speakers (names on the session, and the
// speaker records with bio, tag line and photo) and service sessions (breaks, registration).
// Sessionize times are the event's local wall clock: they go through the usual zone rules
// (--timezone, else the guide's zone). Unscheduled sessions (no start yet) are left out.
import type { SheetSpeaker } from '../types.js';
import { plainTextToHtml } from '../validate/description-html.js';
import type { FeedSession, FeedTable } from './feed-sheet.js';

interface SessionizeAll {
  sessions: SessionizeSession[];
  speakers?: SessionizeSpeaker[];
  categories?: Array<{ id: number; title?: string; items?: Array<{ id: number; name: string }> }>;
  rooms?: Array<{ id: number; name: string }>;
}

interface SessionizeSession {
  id: string | number;
  title?: string;
  description?: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  isServiceSession?: boolean;
  speakers?: Array<string | { id: string; name?: string }>;
  categoryItems?: number[];
  roomId?: number | null;
  room?: string | null;
  status?: string | null;
}

interface SessionizeSpeaker {
  id: string;
  firstName?: string;
  lastName?: string;
  fullName?: string;
  bio?: string | null;
  tagLine?: string | null;
  profilePicture?: string | null;
  sessions?: Array<number | string | { id: number | string }>;
}

/** True for the shape of Sessionize's "All" view: sessions beside rooms, speakers or categories. */
export function isSessionizeAll(json: unknown): json is SessionizeAll {
  if (!isObject(json) || !Array.isArray(json.sessions)) return false;
  if (!Array.isArray(json.rooms) && !Array.isArray(json.speakers) && !Array.isArray(json.categories)) return false;
  return json.sessions.every((session) => isObject(session) && 'id' in session && ('startsAt' in session || 'title' in session));
}

export function readSessionizeFeed(json: SessionizeAll, sheet: string): FeedTable {
  const rooms = new Map(
    list(json.rooms)
      .filter((room) => isObject(room))
      .map((room) => [room.id, room.name]),
  );
  const categories = list(json.categories);
  // A category called "Track" (as most events name it) holds the tracks; without one, every
  // category item (format, level, tags) is a track, as Sessionize's own agenda shows them.
  const trackCategories = categories.some((category) => /track/i.test(category.title ?? ''))
    ? categories.filter((category) => /track/i.test(category.title ?? ''))
    : categories;
  const trackItems = new Map(trackCategories.flatMap((category) => list(category.items).map((item) => [item.id, item.name] as const)));
  const speakerRecords = list(json.speakers).filter((speaker) => isObject(speaker));
  const speakerNames = new Map(speakerRecords.map((speaker) => [speaker.id, speakerName(speaker)]));

  const sessions: FeedSession[] = [];
  let unscheduled = 0;
  for (const session of json.sessions) {
    if (!session?.startsAt) {
      unscheduled++;
      continue;
    }
    const speakerIds = list(session.speakers).map((speaker) => (typeof speaker === 'string' ? speaker : speaker.id));
    const room = session.roomId != null ? rooms.get(session.roomId) : (session.room ?? undefined);
    sessions.push({
      importId: importIdOf(session.id),
      title: String(session.title ?? ''),
      start: wallClock(String(session.startsAt)),
      end: session.endsAt ? wallClock(String(session.endsAt)) : undefined,
      tracks: list(session.categoryItems).flatMap((id) => trackItems.get(id) ?? []),
      locations: room ? [room] : [],
      descriptionHtml: session.description ? plainTextToHtml(session.description) : undefined,
      speakers: speakerIds.flatMap((id, index) => {
        const given = session.speakers?.[index];
        return speakerNames.get(id) ?? (typeof given === 'object' && given.name ? [given.name] : []);
      }),
    });
  }
  const imported = new Set(sessions.map((session) => session.importId));
  const speakers: SheetSpeaker[] = speakerRecords.map((speaker, index) => ({
    sheet: `${sheet} speakers`,
    row: index + 2,
    import_id: `sessionize:${speaker.id}`,
    name: speakerName(speaker),
    title: speaker.tagLine ?? undefined,
    bio: speaker.bio ? plainTextToHtml(speaker.bio) : undefined,
    photo: speaker.profilePicture ?? undefined,
    role: 'Speaker',
    // Only the sessions this feed yields (an unscheduled one is not in the guide to link to).
    sessions: list(speaker.sessions)
      .map((entry) => importIdOf(typeof entry === 'object' ? entry.id : entry))
      .filter((id) => imported.has(id)),
  }));
  const warnings = unscheduled > 0 ? [`${sheet}: ${unscheduled} session(s) without a start time yet left out`] : [];
  return { format: 'sessionize', sheet, sessions, speakers, warnings };
}

/** Sessionize ids are numbers (talks) or uuids (service sessions): prefixed, they never meet a sheet's own ids. */
function importIdOf(id: string | number): string {
  return `sessionize:${id}`;
}

function speakerName(speaker: SessionizeSpeaker): string {
  return (speaker.fullName ?? `${speaker.firstName ?? ''} ${speaker.lastName ?? ''}`).trim();
}

/** "2027-03-14T09:00:00" → "2027-03-14 09:00:00": a wall clock, read in the run's zone. */
function wallClock(text: string): string {
  return text.replace('T', ' ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field the feed's shape says is a list, as a list: a feed that breaks its own shape is read, not crashed on. */
function list<T>(value: readonly T[] | null | undefined): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
