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

const PARAGRAPHS = [
  'We start from the incident that made us rethink {topic}: a Friday deploy, a queue that grew by 40,000 messages an hour, and a dashboard that said "all green" the whole time.',
  'The talk walks through the three designs we tried, what each cost in latency, memory and on-call hours, and why the second one — the "obvious" one — was the worst of them.',
  '{speaker} has run {topic} in production since 2019, at two companies and one very loud start-up; before that, {speaker} wrote compilers, which explains the slides.',
  'Bring a laptop if you want to follow the demo: the repository is public, the data set is synthetic, and every number on the slides can be reproduced in about ten minutes.',
  'Expect a frank Q&A at the end. Café, thé and pastries are served in the foyer afterwards; the organisers say "no questions are too basic", and they mean it.',
  'Not covered: vendor comparisons, pricing, or anything under NDA. Covered at length: failure modes, rollbacks, and the one config flag that saved a weekend (you will groan, "of course").',
];
const BULLETS = [
  '- why at-least-once is a promise, not a guarantee',
  '- the cost model, in euros (€) and in pages of the runbook',
  '- what "eventually consistent" meant for the support team',
  '• a checklist you can take home, and a few you should not',
  '- naïve retries, back-off, and the thundering herd',
  '- measuring, not guessing: p50, p99, and "the one customer"',
];

/**
 * A long description of several paragraphs, as organisers paste them from a CFP tool: 2-6
 * paragraphs with blank lines between them, on every other row a bullet list of 2-5 lines, quotes,
 * commas and non-ASCII text; about 350-1,300 characters (800 on average). Deterministic in i.
 */
export function longDescription(i: number): string {
  const topic = TOPICS[i % TOPICS.length]!.toLowerCase();
  const speaker = SPEAKERS[i % SPEAKERS.length]!;
  const fill = (text: string): string => text.replaceAll('{topic}', topic).replaceAll('{speaker}', speaker);
  const parts: string[] = [];
  const paragraphs = 2 + (i % 5);
  for (let p = 0; p < paragraphs; p++) parts.push(fill(PARAGRAPHS[(i + p * 2) % PARAGRAPHS.length]!));
  if (i % 2 === 0) {
    const bullets = 2 + (i % 4);
    const list: string[] = [];
    for (let b = 0; b < bullets; b++) list.push(BULLETS[(i + b) % BULLETS.length]!);
    parts.splice(1, 0, `In this session:\n${list.join('\n')}`);
  }
  return parts.join('\n\n');
}

/** The agenda with long multi-line descriptions (the second sheet of issue 15's validate goal). */
export function descriptionsAgendaCsv(rows: number): string {
  return agendaCsv(rows, (session, i) => ({ ...session, description: longDescription(i) }));
}
