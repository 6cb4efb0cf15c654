import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import * as XLSX from 'xlsx';
import { fileWriteError, GuidebookImportError } from '../errors.js';
import { AGENDA_SHEET, csvText, sheetOfCells, styleHeaderRow, workbookBytes } from '../sheet-cells/index.js';
import { notesRows } from './agenda-notes.js';
import { EXPORT_CLOCK } from './session-cells.js';
import type { ExportedAgenda, ExportFormat } from './types.js';

// The agenda as a file: the format asked for, its bytes (CSV or XLSX) and writing them safely.

/** --format, else the output's ending; the two must agree when both are given. */
export function resolveExportFormat(output: string, format?: ExportFormat): ExportFormat {
  const ending = extname(output).toLowerCase();
  const named = ending === '.csv' ? 'csv' : ending === '.xlsx' ? 'xlsx' : undefined;
  if (format && named && format !== named) {
    throw new GuidebookImportError('usage', `--format ${format} does not match the ${ending} ending of --output ${output}`);
  }
  const resolved = format ?? named;
  if (!resolved) {
    throw new GuidebookImportError('usage', `--output ${output}: name a .csv or .xlsx file, or pass --format csv or --format xlsx`);
  }
  return resolved;
}

/**
 * The agenda as CSV bytes: UTF-8 with a BOM (so Excel reads it as UTF-8, not the machine's code
 * page), RFC 4180 quoting, CRLF between records; cells as they are (no formula guard), since the
 * file is meant to be imported again.
 */
function agendaCsvBytes(agenda: ExportedAgenda): Buffer {
  return Buffer.from(`\uFEFF${csvText([agenda.headers, ...agenda.rows], EXPORT_CLOCK)}`, 'utf8');
}

export const NOTES_SHEET = 'Notes';
export const SPEAKERS_SHEET = 'Speakers';
const MAX_COLUMN_WIDTH = 60;

/**
 * The agenda as XLSX bytes: the "Agenda" sheet (bold, frozen header row with filters; real date
 * and time cells) and the "Notes" sheet explaining the file. The same agenda gives the same bytes,
 * in any process.
 */
function agendaWorkbookBytes(agenda: ExportedAgenda): Buffer {
  const agendaSheet = sheetOfCells([agenda.headers, ...agenda.rows], { clock: EXPORT_CLOCK, maxWidth: MAX_COLUMN_WIDTH });
  agendaSheet['!autofilter'] = {
    ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: agenda.rows.length, c: agenda.headers.length - 1 } }),
  };
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, agendaSheet, AGENDA_SHEET);
  if (agenda.speakerRows.length > 0) {
    const speakers = sheetOfCells([agenda.speakerHeaders, ...agenda.speakerRows], { clock: EXPORT_CLOCK, maxWidth: MAX_COLUMN_WIDTH });
    XLSX.utils.book_append_sheet(workbook, speakers, SPEAKERS_SHEET);
  }
  XLSX.utils.book_append_sheet(workbook, sheetOfCells(notesRows(agenda), { clock: EXPORT_CLOCK, maxWidth: 110 }), NOTES_SHEET);
  return styleHeaderRow(workbookBytes(workbook, { sharedStrings: true }), 1);
}

export interface WriteAgendaOptions {
  /** Replace a file that already exists (default: refuse, with a 'file' error). */
  overwrite?: boolean;
}

/** The agenda's bytes in a format. */
export function agendaBytes(agenda: ExportedAgenda, format: ExportFormat): Buffer {
  return format === 'xlsx' ? agendaWorkbookBytes(agenda) : agendaCsvBytes(agenda);
}

/** The Speakers sheet of a CSV export, as a file of its own: `agenda.csv` → `agenda-speakers.csv`. */
export function speakersCsvPath(agendaPath: string): string {
  const ending = extname(agendaPath);
  return join(dirname(agendaPath), `${basename(agendaPath, ending)}-speakers${ending || '.csv'}`);
}

function speakersCsvBytes(agenda: ExportedAgenda): Buffer {
  return Buffer.from(`\uFEFF${csvText([agenda.speakerHeaders, ...agenda.speakerRows], EXPORT_CLOCK)}`, 'utf8');
}

/**
 * Writes the agenda to `path`. Without `overwrite` an existing file is refused, checked in the
 * same system call that creates the file. With it, the file is written beside the target and
 * renamed over it, so a reader (or a crash) never sees half a file.
 */
export async function writeAgenda(
  agenda: ExportedAgenda,
  path: string,
  format: ExportFormat,
  options: WriteAgendaOptions = {},
): Promise<void> {
  // A CSV holds one sheet: the speakers go in a file beside it (written first: the agenda names them).
  if (format === 'csv' && agenda.speakerRows.length > 0) await writeFileSafely(speakersCsvPath(path), speakersCsvBytes(agenda), options);
  await writeFileSafely(path, agendaBytes(agenda, format), options);
}

async function writeFileSafely(path: string, bytes: Buffer, options: WriteAgendaOptions): Promise<void> {
  if (!options.overwrite) {
    try {
      await writeFile(path, bytes, { flag: 'wx' });
    } catch (error) {
      // A failure after the name was claimed (disk full) must not leave a stub that blocks the re-run.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(path, { force: true });
      throw fileWriteError(path, error);
    }
    return;
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw fileWriteError(path, error);
  }
}
