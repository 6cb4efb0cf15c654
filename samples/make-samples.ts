// Writes the sample agendas of samples/ (the README says what each is for).
// Run: npx tsx samples/make-samples.ts   (deterministic: a re-run changes no byte)
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { csvText, date, time, workbookBytes, type SheetCell } from '../src/sheet-cells/index.js';
import { sheetFromCells } from '../src/template/template-workbook.js';
import { devconSessions, editedDevconSessions, speakerRows, type AgendaSession } from './devcon-2027-agenda.js';
import { SCHED_SESSIONS, schedSessionId, type ExportedSession } from './sched-export-sessions.js';

const here = dirname(fileURLToPath(import.meta.url));

export const DEVCON_HEADERS = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Track(s)', 'Room/Location', 'Description', 'Speakers'];
export const SCHED_HEADERS = ['Session ID', 'Session Name', 'Start Date Time', 'End Date Time', 'Venue', 'Category', 'Abstract'];

function agendaRow(session: AgendaSession): SheetCell[] {
  return [
    session.id,
    session.title,
    date(2027, 5, session.day),
    time(...session.start),
    time(...session.end),
    session.tracks,
    session.room,
    session.description,
    session.speakers.join('; '),
  ];
}

/** A hand-made agenda workbook: a title row and a blank row above the header, a Speakers sheet. */
function devconWorkbook(sessions: AgendaSession[]): Buffer {
  const agenda = sheetFromCells([
    ['DevCon 2027 Agenda: May 18-20, 2027, Hudson Convention Center, New York (all times Eastern)'],
    [],
    DEVCON_HEADERS,
    ...sessions.map(agendaRow),
  ]);
  agenda['!cols'] = [10, 52, 12, 10, 10, 18, 14, 70, 40].map((wch) => ({ wch }));
  const speakers = sheetFromCells([['Name', 'Title', 'Company', 'Email', 'Sessions'], ...speakerRows(sessions)]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, agenda, 'Agenda');
  XLSX.utils.book_append_sheet(workbook, speakers, 'Speakers');
  return workbookBytes(workbook);
}

/** "9/14/2027 9:00 AM", the export's US-style date-time. */
function usDateTime(day: number, [hour, minute]: [number, number]): string {
  return `9/${day}/2027 ${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

function schedRow(session: ExportedSession): string[] {
  return [
    schedSessionId(session),
    session.title,
    usDateTime(session.day, session.start),
    usDateTime(session.day, session.end),
    session.venue,
    session.category,
    session.abstract,
  ];
}

/** Every file the script writes and its bytes. */
export function sampleFiles(): Array<{ name: string; bytes: Buffer }> {
  return [
    { name: 'devcon-2027.xlsx', bytes: devconWorkbook(devconSessions()) },
    { name: 'devcon-2027-edited.xlsx', bytes: devconWorkbook(editedDevconSessions()) },
    { name: 'sched-export.csv', bytes: Buffer.from(csvText([SCHED_HEADERS, ...SCHED_SESSIONS.map(schedRow)], '12-hour'), 'utf8') },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of sampleFiles()) {
    await writeFile(join(here, file.name), file.bytes);
    process.stdout.write(`samples/${file.name}\n`);
  }
}
