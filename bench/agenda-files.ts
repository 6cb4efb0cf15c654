// The benchmark agenda written to bench/.out/ (gitignored) as CSV and as an XLSX workbook with real
// date and time cells. Written once; later runs reuse the files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { AGENDA_HEADERS, agendaCsv, agendaSession, descriptionsAgendaCsv, type AgendaSession } from './agenda.js';

XLSX.set_fs(fs);

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '.out');

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function outPath(name: string): string {
  mkdirSync(OUT_DIR, { recursive: true });
  return join(OUT_DIR, name);
}

export function ensureAgendaCsv(rows: number): string {
  const path = outPath(`agenda-${rows}.csv`);
  if (!existsSync(path)) writeFileSync(path, agendaCsv(rows));
  return path;
}

/** The agenda with long multi-line descriptions (bench/agenda.ts `longDescription`). */
export function ensureDescriptionsAgendaCsv(rows: number): string {
  const path = outPath(`agenda-${rows}-descriptions.csv`);
  if (!existsSync(path)) writeFileSync(path, descriptionsAgendaCsv(rows));
  return path;
}

/**
 * The agenda with every other row ragged, as hand-made sheets are: odd rows lack their last cell
 * (Allow Rating), every fourth row also carries an extra empty cell past the header's width.
 */
export function ensureRaggedAgendaCsv(rows: number): string {
  const path = outPath(`agenda-${rows}-ragged.csv`);
  if (!existsSync(path)) {
    const lines = agendaCsv(rows).split('\r\n');
    for (let i = 1; i < lines.length - 1; i++) {
      if (i % 2 === 1) lines[i] = lines[i]!.slice(0, lines[i]!.lastIndexOf(','));
      else if (i % 4 === 0) lines[i] += ',';
    }
    writeFileSync(path, lines.join('\r\n'));
  }
  return path;
}

export function ensureAgendaXlsx(rows: number): string {
  const path = outPath(`agenda-${rows}.xlsx`);
  if (!existsSync(path)) XLSX.writeFile(agendaWorkbook(rows), path, { compression: true });
  return path;
}

/** Date cells hold the day's serial, time cells the fraction of a day, as Excel stores them. */
export function agendaWorkbook(rows: number): XLSX.WorkBook {
  const data: XLSX.CellObject[][] = [AGENDA_HEADERS.map((h) => ({ t: 's', v: h }))];
  for (let i = 0; i < rows; i++) data.push(sessionCells(agendaSession(i)));
  const sheet: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows, c: AGENDA_HEADERS.length - 1 } }),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, 'Agenda');
  return workbook;
}

function sessionCells(s: AgendaSession): XLSX.CellObject[] {
  const daySerial = (Date.UTC(s.year, s.month - 1, s.day) - EXCEL_EPOCH_MS) / DAY_MS;
  return [
    { t: 's', v: s.id },
    { t: 's', v: s.name },
    { t: 's', v: s.description },
    { t: 'n', v: daySerial, z: 'm/d/yyyy' },
    { t: 'n', v: s.startMinute / 1440, z: 'h:mm AM/PM' },
    { t: 'n', v: (s.startMinute + s.durationMinutes) / 1440, z: 'h:mm AM/PM' },
    { t: 's', v: s.zone },
    { t: 's', v: s.room },
    { t: 's', v: s.track },
    { t: 'b', v: s.allowRating },
  ];
}
