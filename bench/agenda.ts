// The benchmark agenda: 30 days of 5-minute slots in 20 rooms, local times in 3 zones given by a
// "Time Zone" column, quoted descriptions with commas. Deterministic, so every run reads the same.

export const AGENDA_HEADERS = [
  'Session ID',
  'Session Name',
  'Description',
  'Date',
  'Start Time',
  'End Time',
  'Time Zone',
  'Room',
  'Track',
  'Allow Rating',
] as const;

export const DAYS = 30;
export const ROOMS = 20;
export const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney'] as const;
export const TRACKS = ['Keynote', 'Data', 'Web', 'Cloud', 'Security', 'Design'] as const;
/** 5-minute slots from 7:00 to 21:55. */
const DAY_SLOTS = (15 * 60) / 5;

const TOPICS = [
  'Streaming joins',
  'Schema drift',
  'Edge caching',
  'Zero-trust networks',
  'Design tokens',
  'Query planners',
  'Build caches',
];
const SPEAKERS = ['Ada Park', 'Bram de Vries', 'Chiara Conti', 'Dev Patel', 'Eun-ji Kim', 'Farah Haddad'];

/** One agenda session as the sheet writes it: local wall-clock parts and the zone they are in. */
export interface AgendaSession {
  id: string;
  name: string;
  description: string;
  /** March 2027 (two DST changes inside for the zones used). */
  year: number;
  month: number;
  day: number;
  /** Minutes after local midnight. */
  startMinute: number;
  durationMinutes: number;
  zone: string;
  room: string;
  track: string;
  allowRating: boolean;
}

export function roomName(index: number): string {
  return `Room ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`;
}

/**
 * Row i takes room i mod 20; the rows of one room-group go round the 30 days first and then step
 * 5 minutes later, so even the first 2,000 rows span the month (and days 13+ settle d/M vs M/d).
 * Starts stay within 7:00-21:55, so none falls in a DST gap at 2:00-3:00.
 */
export function agendaSession(i: number): AgendaSession {
  const room = i % ROOMS;
  const group = Math.floor(i / ROOMS);
  const day = 1 + (group % DAYS);
  const startMinute = 7 * 60 + (Math.floor(group / DAYS) % DAY_SLOTS) * 5;
  const topic = TOPICS[i % TOPICS.length]!;
  const speaker = SPEAKERS[i % SPEAKERS.length]!;
  return {
    id: `S${String(i + 1).padStart(6, '0')}`,
    name: `${topic} in practice #${i + 1}`,
    description: `${speaker} on ${topic.toLowerCase()}: what broke, what held, and what we would do again, with numbers, code and a live demo.`,
    year: 2027,
    month: 3,
    day,
    startMinute,
    durationMinutes: 25 + (i % 4) * 10,
    zone: ZONES[i % ZONES.length]!,
    room: roomName(room),
    track: TRACKS[i % TRACKS.length]!,
    allowRating: i % 5 !== 0,
  };
}

export function clock12(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  return `${h % 12 === 0 ? 12 : h % 12}:${m < 10 ? '0' : ''}${m} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The session as CSV cells, in AGENDA_HEADERS order. Dates are M/d/yyyy (days 13+ settle the order). */
export function agendaCells(s: AgendaSession): string[] {
  return [
    s.id,
    s.name,
    s.description,
    `${s.month}/${s.day}/${s.year}`,
    clock12(s.startMinute),
    clock12(s.startMinute + s.durationMinutes),
    s.zone,
    s.room,
    s.track,
    s.allowRating ? 'yes' : 'no',
  ];
}

export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The agenda as CSV text; `edit` may change a session before it is written (a re-sync's edits). */
export function agendaCsv(rows: number, edit?: (session: AgendaSession, index: number) => AgendaSession): string {
  const lines: string[] = [AGENDA_HEADERS.join(',')];
  for (let i = 0; i < rows; i++) {
    const session = agendaSession(i);
    lines.push(
      agendaCells(edit ? edit(session, i) : session)
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
