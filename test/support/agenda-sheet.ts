// Generated agendas for end-to-end checks: a sheet written at test time, plus what the guide must
// hold once it is imported. The expected values are worked out here independently of the
// importer: local times in the sandbox's guide 1 (America/New_York, in May on UTC-4), HTML
// descriptions the importer has no reason to change, tracks and rooms by name.
import { writeFileSync } from 'node:fs';
import type { SandboxState } from '../../src/sandbox/index.js';
import { guideSessions } from './sandbox-process.js';

export interface AgendaRow {
  importId: string;
  name: string;
  /** yyyy-MM-dd, inside guide 1's dates (2027-05-10 to 12). */
  date: string;
  /** HH:mm, local time of the guide. */
  start: string;
  end: string;
  tracks: string[];
  location: string;
  description: string;
}

const TRACKS = ['Data', 'Web', 'Cloud', 'Security', 'Design', 'Keynote'];
const ROOMS = ['Main Hall', 'Room 101', 'Room 102', 'Room 201', 'Salle Érable', 'Studio B'];
const TOPICS = ['Streaming joins', 'Schema drift', 'Edge caching', 'Zero-trust networks', 'Design tokens', 'Build caches'];
const SPEAKERS = ['Ada Park', 'Bram de Vries', 'Chiara Conti', 'Dev Patel', 'Eun-ji Kim', 'Farah Haddad'];
/** Guide 1's zone in May 2027 (daylight time), written out rather than computed by a time library. */
const GUIDE_OFFSET = '-04:00';

/** A small seeded generator (mulberry32), so a seed always makes the same agenda. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAgenda(count: number, options: { seed?: number; prefix?: string } = {}): AgendaRow[] {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const prefix = options.prefix ?? 'chaos';
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const startMinute = 8 * 60 + 5 * (i % 120);
    const length = pick([30, 45, 50]);
    const firstTrack = pick(TRACKS);
    const secondTrack = pick(TRACKS);
    const topic = pick(TOPICS);
    return {
      importId: `${prefix}-${String(i + 1).padStart(width, '0')}`,
      // Some names hold a comma and a quote, so the CSV writer and reader must quote them.
      name: i % 7 === 0 ? `Panel "${topic}", part ${i + 1}` : `${topic} #${i + 1}`,
      date: `2027-05-${String(10 + (i % 3)).padStart(2, '0')}`,
      start: clock(startMinute),
      end: clock(startMinute + length),
      tracks: firstTrack === secondTrack || i % 2 === 0 ? [firstTrack] : [firstTrack, secondTrack],
      location: pick(ROOMS),
      description: `<p>Talk ${i + 1} of ${count}, with <b>${pick(SPEAKERS)}</b></p>`,
    };
  });
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export const AGENDA_HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Track(s)', 'Room/Location', 'Description'];

export function agendaCsv(rows: readonly AgendaRow[]): string {
  const lines = [AGENDA_HEADER, ...rows.map((r) => [r.importId, r.name, r.date, r.start, r.end, r.tracks.join('; '), r.location, r.description])];
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function writeAgendaCsv(path: string, rows: readonly AgendaRow[]): string {
  writeFileSync(path, agendaCsv(rows));
  return path;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** An API datetime such as `2027-05-10T13:00:00.000000+0000` as epoch milliseconds. */
export function apiTimeMs(value: string | null): number | null {
  if (value === null) return null;
  const iso = value.replace(/(\.\d{3})\d*/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an API datetime: ${JSON.stringify(value)}`);
  return ms;
}

function isoOf(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function expectedStartMs(row: AgendaRow): number {
  return Date.parse(`${row.date}T${row.start}:00${GUIDE_OFFSET}`);
}

export function expectedEndMs(row: AgendaRow): number {
  return Date.parse(`${row.date}T${row.end}:00${GUIDE_OFFSET}`);
}

/**
 * Every way guide 1 differs from the agenda: missing, extra or duplicated sessions, and each
 * field that is not what the sheet says. Empty when the import converged exactly.
 */
export function agendaMismatches(state: SandboxState, rows: readonly AgendaRow[], guide = 1): string[] {
  const problems: string[] = [];
  const sessions = guideSessions(state, guide);
  const trackName = new Map(state.schedule_tracks.map((t) => [t.id, t.name]));
  const roomName = new Map(state.locations.map((l) => [l.id, l.name]));
  const byImportId = new Map<string, typeof sessions>();
  for (const session of sessions) {
    const key = session.import_id ?? '(none)';
    byImportId.set(key, [...(byImportId.get(key) ?? []), session]);
  }
  for (const [importId, held] of byImportId) if (held.length > 1) problems.push(`${importId}: ${held.length} sessions`);
  if (sessions.length !== rows.length) problems.push(`guide ${guide} holds ${sessions.length} sessions, the sheet ${rows.length} rows`);

  for (const row of rows) {
    const session = byImportId.get(row.importId)?.[0];
    if (session === undefined) {
      problems.push(`${row.importId}: no session`);
      continue;
    }
    const differ = (field: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${row.importId}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    };
    differ('name', session.name, row.name);
    differ('start_time', isoOf(apiTimeMs(session.start_time)), isoOf(expectedStartMs(row)));
    differ('end_time', isoOf(apiTimeMs(session.end_time)), isoOf(expectedEndMs(row)));
    differ('tracks', session.schedule_tracks.map((id) => trackName.get(id)).sort(), [...row.tracks].sort());
    differ('locations', session.locations.map((id) => roomName.get(id)), [row.location]);
    differ('description_html', session.description_html, row.description);
  }
  return problems;
}
