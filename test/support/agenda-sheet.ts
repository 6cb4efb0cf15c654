// Agenda sheets written at test time, as an event team would write them: real CSV text and real
// XLSX workbooks (SheetJS), with local wall-clock times in guide 1's zone (America/New_York), plus
// what the guide must hold once a sheet is imported. The expected values are worked out here
// independently of the importer: local times in the sandbox's guide 1 (in May on UTC-4), HTML
// descriptions the importer has no reason to change, tracks and rooms by name.
import * as fs from 'node:fs';
import * as XLSX from 'xlsx';
import type { SandboxState } from '../../src/sandbox/index.js';
import { mulberry32 } from '../../src/sandbox/prng.js';
import { guideSessions } from './sandbox-process.js';

XLSX.set_fs(fs);

/** One sheet row, its cells as typed. */
export interface AgendaRow {
  /** Import ID */
  id: string;
  title: string;
  /** yyyy-MM-dd, inside guide 1's dates (2027-05-10 to 12). */
  date: string;
  /** H:mm or HH:mm, local time of the guide. */
  start: string;
  end: string;
  /** The Track(s) cell: one name or several, `Data; Web`. */
  tracks?: string;
  room?: string;
  description?: string;
}

export const AGENDA_HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Track(s)', 'Room/Location', 'Description'];

const DAYS = ['2027-05-10', '2027-05-11', '2027-05-12'];
const TRACKS = ['Data', 'Web', 'Cloud', 'Security', 'Design', 'Keynote'];
const ROOMS = ['Main Hall', 'Room 101', 'Room 102', 'Room 201', 'Salle Érable', 'Studio B'];
const TOPICS = ['Streaming joins', 'Schema drift', 'Edge caching', 'Zero-trust networks', 'Design tokens', 'Build caches'];
const SPEAKERS = ['Ada Park', 'Bram de Vries', 'Chiara Conti', 'Dev Patel', 'Eun-ji Kim', 'Farah Haddad'];
/** Guide 1's zone in May 2027 (daylight time), written out rather than computed by a time library. */
const GUIDE_OFFSET = '-04:00';

export interface AgendaOptions {
  /** Import IDs `<prefix>-001`, …; default `S`. */
  prefix?: string;
  /** Track(s) cells, cycled over the rows (a cell may name several: `AI; Cloud`). */
  tracks?: string[];
  /** Room/Location cells, cycled over the rows. */
  rooms?: string[];
  /**
   * Without a seed: `Session 1`, `Session 2`, … in 20-minute slots (H:mm), no tracks, rooms or
   * descriptions unless given. With one: varied rows, the same for the same seed — topics, names
   * holding a comma and a quote, 30 to 50 minutes (HH:mm), random tracks and rooms, HTML descriptions.
   */
  seed?: number;
}

/** `count` sessions spread over guide 1's three days. */
export function agendaRows(count: number, options: AgendaOptions = {}): AgendaRow[] {
  // Seeded (mulberry32, the sandbox's own generator): a seed always makes the same agenda.
  const random = options.seed === undefined ? undefined : mulberry32(options.seed);
  const prefix = options.prefix ?? 'S';
  const width = Math.max(3, String(count).length);
  return Array.from({ length: count }, (_, i) => {
    const row: AgendaRow = {
      id: `${prefix}-${String(i + 1).padStart(width, '0')}`,
      ...(random ? variedSession(i, count, random) : plainSession(i)),
    };
    if (options.tracks?.length) row.tracks = options.tracks[i % options.tracks.length];
    if (options.rooms?.length) row.room = options.rooms[i % options.rooms.length];
    return row;
  });
}

function plainSession(i: number): Omit<AgendaRow, 'id'> {
  const slot = Math.floor(i / DAYS.length);
  const minutes = 8 * 60 + (slot % 36) * 20;
  const time = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  return { title: `Session ${i + 1}`, date: DAYS[i % DAYS.length]!, start: time(minutes), end: time(minutes + 20) };
}

function variedSession(i: number, count: number, random: () => number): Omit<AgendaRow, 'id'> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const startMinute = 8 * 60 + 5 * (i % 120);
  const length = pick([30, 45, 50]);
  const firstTrack = pick(TRACKS);
  const secondTrack = pick(TRACKS);
  const topic = pick(TOPICS);
  return {
    // Some names hold a comma and a quote, so the CSV writer and reader must quote them.
    title: i % 7 === 0 ? `Panel "${topic}", part ${i + 1}` : `${topic} #${i + 1}`,
    date: DAYS[i % DAYS.length]!,
    start: clock(startMinute),
    end: clock(startMinute + length),
    tracks: firstTrack === secondTrack || i % 2 === 0 ? firstTrack : `${firstTrack}; ${secondTrack}`,
    room: pick(ROOMS),
    description: `<p>Talk ${i + 1} of ${count}, with <b>${pick(SPEAKERS)}</b></p>`,
  };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function cellsOf(row: AgendaRow): string[] {
  return [row.id, row.title, row.date, row.start, row.end, row.tracks ?? '', row.room ?? '', row.description ?? ''];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface SheetOptions {
  /** Lines above the header (a report title, a blank line). */
  titleRows?: string[][];
}

/** The CSV text of a sheet. */
export function agendaCsv(rows: readonly AgendaRow[], options: SheetOptions = {}): string {
  const lines = [...(options.titleRows ?? []), AGENDA_HEADER, ...rows.map(cellsOf)];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Writes a CSV sheet; returns its path. */
export function writeAgendaCsv(path: string, rows: readonly AgendaRow[], options: SheetOptions = {}): string {
  fs.writeFileSync(path, agendaCsv(rows, options));
  return path;
}

/** An XLSX workbook with one sheet named `sheetName`; cells are text, as typed. Returns its path. */
export function writeAgendaXlsx(path: string, rows: readonly AgendaRow[], options: SheetOptions & { sheetName?: string } = {}): string {
  const sheet = XLSX.utils.aoa_to_sheet([...(options.titleRows ?? []), AGENDA_HEADER, ...rows.map(cellsOf)]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, options.sheetName ?? 'Agenda');
  XLSX.writeFile(book, path);
  return path;
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

function localMs(date: string, time: string): number {
  return Date.parse(`${date}T${time.padStart(5, '0')}:00${GUIDE_OFFSET}`);
}

export function expectedStartMs(row: AgendaRow): number {
  return localMs(row.date, row.start);
}

export function expectedEndMs(row: AgendaRow): number {
  return localMs(row.date, row.end);
}

function trackNames(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * Every way guide 1 differs from the agenda: missing, extra or duplicated sessions, and each
 * field that is not what the sheet says (a row without a description leaves it unchecked).
 * Empty when the import converged exactly.
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
    const session = byImportId.get(row.id)?.[0];
    if (session === undefined) {
      problems.push(`${row.id}: no session`);
      continue;
    }
    const differ = (field: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${row.id}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
      }
    };
    differ('name', session.name, row.title);
    differ('start_time', isoOf(apiTimeMs(session.start_time)), isoOf(expectedStartMs(row)));
    differ('end_time', isoOf(apiTimeMs(session.end_time)), isoOf(expectedEndMs(row)));
    differ('tracks', session.schedule_tracks.map((id) => trackName.get(id)).sort(), trackNames(row.tracks).sort());
    differ(
      'locations',
      session.locations.map((id) => roomName.get(id)),
      row.room === undefined ? [] : [row.room],
    );
    if (row.description !== undefined) differ('description_html', session.description_html, row.description);
  }
  return problems;
}
