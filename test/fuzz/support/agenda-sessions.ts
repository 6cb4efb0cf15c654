// Random valid agenda sessions, and the same sessions written as a CSV file and as an XLSX
// workbook with real date and time cells, in one of two layouts a team might use.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import * as XLSX from 'xlsx';

export const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
];

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface AgendaSession {
  id: string;
  name: string;
  description: string;
  start: LocalDateTime;
  /** Minutes; ignored for all-day sessions. */
  durationMinutes: number;
  allDay: boolean;
  zone: string;
  tracks: string[];
  rooms: string[];
  allowRating: boolean | null;
  addToSchedule: boolean | null;
}

/** 'datetime': "Start Date Time"/"End Date Time"; 'date+times': "Date", "Start Time", "End Time". */
export type Layout = 'datetime' | 'date+times';

export interface Agenda {
  layout: Layout;
  sessions: AgendaSession[];
}

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,7}$/);
const names = (max: number) =>
  fc.uniqueArray(
    fc.array(word, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    { maxLength: max, selector: (n) => n.toLowerCase() },
  );

const printable = fc.string({ unit: fc.constantFrom(...Array.from('abcdefghij ABC.,;:!?&<>"\'é€😀-_/()#@')), minLength: 1, maxLength: 40 });

/** Plain text (with blank-line paragraphs) or HTML already inside Guidebook's allowlist. */
const description: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.array(printable, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
  fc.array(printable, { minLength: 1, maxLength: 3 }).map((paragraphs) => paragraphs.join('\n\n')),
  fc
    .array(fc.tuple(fc.constantFrom('p', 'b', 'i', 'em', 'strong', 'h2', 'blockquote'), fc.stringMatching(/^[a-zA-Z0-9 .,!?]{1,20}$/)), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => parts.map(([tag, text]) => `<${tag}>${text}</${tag}>`).join('')),
  fc.stringMatching(/^[a-z]{1,10}$/).map((text) => `<p><a href="https://example.com/${text}">${text}</a></p><ul><li>${text}</li></ul>`),
);

const localStart: fc.Arbitrary<LocalDateTime> = fc.record({
  year: fc.integer({ min: 2020, max: 2035 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 22 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

const session: fc.Arbitrary<AgendaSession> = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/),
  // Trimmed, as the importer trims names.
  name: fc.stringMatching(/^[A-Za-z0-9&'"(),.:!?é€-]([A-Za-z0-9&'"(),.:!?é€ -]{0,60}[A-Za-z0-9&'"().:!?é€-])?$/),
  description,
  start: localStart,
  durationMinutes: fc.integer({ min: 5, max: 600 }),
  allDay: fc.boolean(),
  zone: fc.constantFrom(...ZONES),
  tracks: names(3),
  rooms: names(2),
  allowRating: fc.option(fc.boolean(), { nil: null }),
  addToSchedule: fc.option(fc.boolean(), { nil: null }),
});

/**
 * Sessions whose local start and end are plain times of their zone: none within 3 hours of a
 * clock change (no gap, no repeated hour to choose in), and in the date+times layout no end
 * past midnight (a bare end time is read on the start's day).
 */
function isPlain(s: AgendaSession, layout: Layout): boolean {
  const start = DateTime.fromObject(s.start, { zone: s.zone });
  const end = start.plus({ minutes: s.durationMinutes });
  if (s.allDay)
    return nearNoClockChange(DateTime.fromObject({ year: s.start.year, month: s.start.month, day: s.start.day }, { zone: s.zone }));
  if (layout === 'date+times' && s.start.hour * 60 + s.start.minute + s.durationMinutes >= 24 * 60) return false;
  return nearNoClockChange(start) && nearNoClockChange(end);
}

function nearNoClockChange(t: DateTime): boolean {
  return t.minus({ hours: 3 }).offset === t.plus({ hours: 3 }).offset;
}

export const agenda: fc.Arbitrary<Agenda> = fc.constantFrom<Layout>('datetime', 'date+times').chain((layout) =>
  fc
    .uniqueArray(session, { minLength: 1, maxLength: 5, selector: (s) => s.id })
    .filter((sessions) => sessions.every((s) => isPlain(s, layout)))
    .map((sessions) => ({ layout, sessions })),
);

/** The UTC instants the sheet means, worked out with luxon on the generated wall-clock values. */
export function expectedTimes(s: AgendaSession): { start: string; end: string | null } {
  if (s.allDay) {
    const midnight = DateTime.fromObject({ year: s.start.year, month: s.start.month, day: s.start.day }, { zone: s.zone });
    return { start: midnight.toUTC().toISO()!, end: null };
  }
  const start = DateTime.fromObject(s.start, { zone: s.zone });
  const end = DateTime.fromObject(endWall(s), { zone: s.zone });
  return { start: start.toUTC().toISO()!, end: end.toUTC().toISO()! };
}

/** The end as the sheet writes it: the start's wall clock plus the duration, as a wall clock. */
function endWall(s: AgendaSession): LocalDateTime {
  const end = DateTime.fromObject(s.start, { zone: 'UTC' }).plus({ minutes: s.durationMinutes });
  return { year: end.year, month: end.month, day: end.day, hour: end.hour, minute: end.minute };
}

const HEADERS: Record<Layout, string[]> = {
  datetime: [
    'Import ID',
    'Session Name',
    'Description',
    'Start Date Time',
    'End Date Time',
    'Time Zone',
    'Track',
    'Room',
    'Allow Rating',
    'Add to Schedule',
  ],
  'date+times': [
    'Import ID',
    'Session Name',
    'Description',
    'Date',
    'Start Time',
    'End Time',
    'Time Zone',
    'Track',
    'Room',
    'Allow Rating',
    'Add to Schedule',
  ],
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (t: LocalDateTime) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const clock = (t: LocalDateTime) => `${pad(t.hour)}:${pad(t.minute)}`;
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no');

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function agendaCsv({ layout, sessions }: Agenda): string {
  const lines = [HEADERS[layout].join(',')];
  for (const s of sessions) {
    const end = endWall(s);
    const times =
      layout === 'datetime'
        ? s.allDay
          ? [isoDate(s.start), '']
          : [`${isoDate(s.start)} ${clock(s.start)}`, `${isoDate(end)} ${clock(end)}`]
        : s.allDay
          ? [isoDate(s.start), '', '']
          : [isoDate(s.start), clock(s.start), clock(end)];
    const cells = [
      s.id,
      s.name,
      s.description,
      ...times,
      s.zone,
      s.tracks.join('; '),
      s.rooms.join('; '),
      yesNo(s.allowRating),
      yesNo(s.addToSchedule),
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const daySerial = (t: LocalDateTime) => (Date.UTC(t.year, t.month - 1, t.day) - EXCEL_EPOCH) / 86_400_000;
const timeSerial = (t: LocalDateTime) => (t.hour * 60 + t.minute) / 1440;

export function agendaWorkbook({ layout, sessions }: Agenda): Buffer {
  const text = (v: string): XLSX.CellObject | undefined => (v === '' ? undefined : { t: 's', v });
  const flag = (v: boolean | null): XLSX.CellObject | undefined => (v === null ? undefined : { t: 'b', v });
  const rows: Array<Array<XLSX.CellObject | undefined>> = [HEADERS[layout].map(text)];
  for (const s of sessions) {
    const end = endWall(s);
    const day: XLSX.CellObject = { t: 'n', v: daySerial(s.start), z: 'yyyy-mm-dd' };
    const times: Array<XLSX.CellObject | undefined> =
      layout === 'datetime'
        ? s.allDay
          ? [day, undefined]
          : [
              { t: 'n', v: daySerial(s.start) + timeSerial(s.start), z: 'yyyy-mm-dd hh:mm' },
              { t: 'n', v: daySerial(end) + timeSerial(end), z: 'yyyy-mm-dd hh:mm' },
            ]
        : s.allDay
          ? [{ ...day, z: 'm/d/yyyy' }, undefined, undefined]
          : [
              { ...day, z: 'm/d/yyyy' },
              { t: 'n', v: timeSerial(s.start), z: 'h:mm AM/PM' },
              { t: 'n', v: timeSerial(end), z: 'h:mm AM/PM' },
            ];
    rows.push([
      text(s.id),
      text(s.name),
      text(s.description),
      ...times,
      text(s.zone),
      text(s.tracks.join('; ')),
      text(s.rooms.join('; ')),
      flag(s.allowRating),
      flag(s.addToSchedule),
    ]);
  }
  const sheet: XLSX.WorkSheet = {
    '!data': rows as XLSX.CellObject[][],
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: HEADERS[layout].length - 1 } }),
  };
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Agenda');
  // Shared strings, as Excel writes text. (SheetJS's default inline "str" cells are unescaped
  // twice when read back: "&amp;amp;" in the file comes back as "&", not "&amp;".)
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true }) as Buffer;
}
