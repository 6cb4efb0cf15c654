// Agenda sheets written at test time, as an event team would write them: real CSV text and real
// XLSX workbooks (SheetJS), with local wall-clock times in guide 1's zone (America/New_York).
import * as fs from 'node:fs';
import * as XLSX from 'xlsx';

XLSX.set_fs(fs);

export interface AgendaRow {
  id: string;
  title: string;
  date: string; // yyyy-MM-dd
  start: string; // H:mm
  end: string;
  tracks?: string;
  room?: string;
  description?: string;
}

export const AGENDA_HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Track(s)', 'Room/Location', 'Description'];

const DAYS = ['2027-05-10', '2027-05-11', '2027-05-12'];

/** `count` sessions spread over guide 1's three days, 20 minutes each, ids `S-001`…. */
export function agendaRows(count: number, options: { tracks?: string[]; rooms?: string[] } = {}): AgendaRow[] {
  const rows: AgendaRow[] = [];
  for (let i = 0; i < count; i++) {
    const slot = Math.floor(i / DAYS.length);
    const minutes = 8 * 60 + (slot % 36) * 20;
    const time = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
    const row: AgendaRow = {
      id: `S-${String(i + 1).padStart(3, '0')}`,
      title: `Session ${i + 1}`,
      date: DAYS[i % DAYS.length]!,
      start: time(minutes),
      end: time(minutes + 20),
    };
    if (options.tracks?.length) row.tracks = options.tracks[i % options.tracks.length];
    if (options.rooms?.length) row.room = options.rooms[i % options.rooms.length];
    rows.push(row);
  }
  return rows;
}

function cellsOf(row: AgendaRow): string[] {
  return [row.id, row.title, row.date, row.start, row.end, row.tracks ?? '', row.room ?? '', row.description ?? ''];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV sheet; `titleRows` are lines above the header (a report title, a blank line). */
export function writeAgendaCsv(path: string, rows: readonly AgendaRow[], options: { titleRows?: string[][] } = {}): void {
  const lines = [...(options.titleRows ?? []), AGENDA_HEADER, ...rows.map(cellsOf)];
  fs.writeFileSync(path, lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n');
}

/** An XLSX workbook with one sheet named `sheetName`; cells are text, as typed. */
export function writeAgendaXlsx(
  path: string,
  rows: readonly AgendaRow[],
  options: { titleRows?: string[][]; sheetName?: string } = {},
): void {
  const sheet = XLSX.utils.aoa_to_sheet([...(options.titleRows ?? []), AGENDA_HEADER, ...rows.map(cellsOf)]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, options.sheetName ?? 'Agenda');
  XLSX.writeFile(book, path);
}
