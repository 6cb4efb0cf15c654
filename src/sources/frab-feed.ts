// A frab-compatible schedule (pretalx's schedule/export/schedule.json, the C3VOC schema):
// schedule.conference.days[].rooms{name: events[]}. Each event's `date` carries its UTC offset, so
// its start is an exact instant; the end is start + `duration` (HH:MM, or D:HH:MM), written in the
// same offset. guid → import_id (else the event id), persons → speakers, abstract + description →
// the description, track → track, room → location.
import type { SheetSpeaker } from '../types.js';
import { plainTextToHtml } from '../validate/description-html.js';
import type { FeedSession, FeedTable } from './feed-sheet.js';

interface FrabSchedule {
  schedule: { conference: { acronym?: string; title?: string; time_zone_name?: string; days: FrabDay[] } };
}

interface FrabDay {
  date?: string;
  rooms: Record<string, FrabEvent[]>;
}

interface FrabEvent {
  guid?: string;
  id?: number | string;
  code?: string;
  date: string;
  start?: string;
  duration?: string;
  room?: string;
  title?: string;
  subtitle?: string | null;
  track?: string | null;
  abstract?: string | null;
  description?: string | null;
  logo?: string | null;
  persons?: FrabPerson[];
}

interface FrabPerson {
  id?: number | string;
  code?: string;
  guid?: string;
  public_name?: string;
  name?: string;
  full_public_name?: string;
  biography?: string | null;
  avatar?: string | null;
}

/** True for the shape of a frab/pretalx schedule.json. */
export function isFrabSchedule(json: unknown): json is FrabSchedule {
  const days = (json as FrabSchedule | null)?.schedule?.conference?.days;
  return (
    Array.isArray(days) &&
    days.every((day) => typeof day === 'object' && day !== null && typeof day.rooms === 'object' && day.rooms !== null)
  );
}

export function readFrabFeed(json: FrabSchedule, sheet: string): FeedTable {
  const sessions: FeedSession[] = [];
  const speakers = new Map<string, SheetSpeaker>();
  const warnings: string[] = [];
  for (const day of json.schedule.conference.days) {
    for (const [roomName, events] of Object.entries(day.rooms)) {
      for (const event of list(events).filter((entry) => typeof entry === 'object' && entry !== null)) {
        const date = typeof event.date === 'string' ? event.date : '';
        const importId = event.guid ?? (event.code ? `pretalx:${event.code}` : event.id !== undefined ? `frab:${event.id}` : '');
        const persons = list(event.persons).filter((person) => typeof person === 'object' && person !== null);
        const names = persons.map(personName).filter((name) => name !== '');
        const end = endOf(date, typeof event.duration === 'string' ? event.duration : undefined);
        if (event.duration && end === undefined)
          warnings.push(`${sheet}: event ${importId || event.title}: duration ${JSON.stringify(event.duration)} is not HH:MM; no end time`);
        sessions.push({
          importId,
          title: String(event.title ?? ''),
          start: date,
          end,
          // A date without its offset (older frab exports) is a wall clock in the conference's zone.
          zone: hasOffset(date) ? undefined : json.schedule.conference.time_zone_name,
          tracks: event.track ? [event.track] : [],
          locations: [event.room ?? roomName],
          descriptionHtml: descriptionOf(event),
          speakers: names,
          image: event.logo && /^https?:\/\//i.test(event.logo) ? event.logo : undefined,
        });
        for (const person of persons) {
          const name = personName(person);
          if (!name) continue;
          const key = String(person.code ?? person.guid ?? person.id ?? name);
          const known = speakers.get(key);
          if (known) {
            if (importId) known.sessions!.push(importId);
            continue;
          }
          speakers.set(key, {
            sheet: `${sheet} speakers`,
            row: speakers.size + 2,
            import_id: `frab-person:${key}`,
            name,
            bio: person.biography ? plainTextToHtml(person.biography) : undefined,
            photo: person.avatar && /^https?:\/\//i.test(person.avatar) ? person.avatar : undefined,
            role: 'Speaker',
            sessions: importId ? [importId] : [],
          });
        }
      }
    }
  }
  return { format: 'frab', sheet, sessions, speakers: [...speakers.values()], warnings };
}

function personName(person: FrabPerson): string {
  return (person.public_name ?? person.full_public_name ?? person.name ?? '').trim();
}

function descriptionOf(event: FrabEvent): string | undefined {
  const parts = [event.subtitle, event.abstract, event.description].map((text) => text?.trim()).filter((text): text is string => !!text);
  // pretalx often repeats the abstract as the start of the description.
  const distinct = parts.filter((text, index) => parts.indexOf(text) === index);
  return distinct.length > 0 ? distinct.map((text) => plainTextToHtml(text)).join('') : undefined;
}

/** The end as a date-time in the start's own offset: start + duration ("00:45", "1:30", "1:02:00" = 1 day 2 h). */
export function endOf(start: string, duration: string | undefined): string | undefined {
  if (!duration) return undefined;
  const parts = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(duration.trim());
  const offset = /([+-]\d{2}:?\d{2}|Z)$/.exec(start)?.[1];
  // Without an offset the start is a wall clock: so is the end (the wall clock plus the duration).
  const startMs = Date.parse(offset === undefined ? `${start}Z` : start);
  if (!parts || Number.isNaN(startMs)) return undefined;
  if (offset === undefined) {
    const [, days = '0', hours, minutes] = parts;
    return new Date(startMs + ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000).toISOString().slice(0, 19);
  }
  const [, days = '0', hours, minutes] = parts;
  const endMs = startMs + ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000;
  const offsetMinutes =
    offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
  const local = new Date(endMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`}`;
}

function hasOffset(dateTime: string): boolean {
  return /([+-]\d{2}:?\d{2}|Z)$/.test(dateTime);
}

/** A field the feed's shape says is a list, as a list: a feed that breaks its own shape is read, not crashed on. */
function list<T>(value: readonly T[] | null | undefined): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
