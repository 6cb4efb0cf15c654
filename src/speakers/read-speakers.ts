// The Speakers sheet: a sheet named "Speakers" (or a translation) in the agenda workbook, or a
// file of its own (--speakers FILE, any format the sessions sheet may have). Its rows become
// SheetSpeaker records; a row without a name is a row issue, not a crash.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { isSpeakerSheetName, scoreSpeakerHeaderRow, speakerFieldForHeader, type SpeakerField } from '../map/speaker-fields.js';
import { cellText } from '../read/cell-value.js';
import { openSheet } from '../read/index.js';
import type { RawRow, RowIssue, SheetSpeaker } from '../types.js';
import { splitList } from '../validate/row-values.js';

export interface SpeakersSheet {
  /** The sheet's name as the report shows it. */
  sheet: string;
  speakers: SheetSpeaker[];
  /** Rows that could not be read as a speaker (no name). */
  invalid: Array<{ sheet: string; row: number; issues: RowIssue[] }>;
  warnings: string[];
}

/**
 * The Speakers sheet of `file` (a workbook), or null when it has none; with `speakersFile` that
 * file's first sheet with Speakers headers (its "Speakers" sheet when it has one).
 */
export async function readSpeakers(input: { file: string; speakersFile?: string }): Promise<SpeakersSheet | null> {
  if (input.speakersFile !== undefined) {
    const named = await speakerSheetName(input.speakersFile);
    return readSpeakerSheet(input.speakersFile, named ?? undefined);
  }
  const named = await speakerSheetName(input.file);
  return named === null ? null : readSpeakerSheet(input.file, named);
}

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

/** The workbook's speakers sheet name, read from the workbook's sheet list only; null for text files. */
async function speakerSheetName(file: string): Promise<string | null> {
  if (!WORKBOOK_EXTENSIONS.has(extname(file).toLowerCase())) return null;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null; // The sessions reader has already said what is wrong with the file.
  }
  const XLSX = await import('xlsx');
  let names: string[];
  try {
    names = XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
  } catch {
    return null;
  }
  return names.find(isSpeakerSheetName) ?? null;
}

async function readSpeakerSheet(file: string, sheet: string | undefined): Promise<SpeakersSheet> {
  const source = await openSheet(file, { sheet, scoreHeader: scoreSpeakerHeaderRow });
  const fields = new Map<number, SpeakerField>();
  const warnings = [...source.warnings];
  source.header.headers.forEach((header, index) => {
    const field = speakerFieldForHeader(header);
    if (field === undefined) return;
    if ([...fields.values()].includes(field)) {
      warnings.push(`Speakers sheet ${JSON.stringify(source.sheet)}: two columns map to ${field}; using the first`);
      return;
    }
    fields.set(index, field);
  });
  if (![...fields.values()].includes('name')) {
    throw new GuidebookImportError(
      'file',
      `${file}: the speakers sheet ${JSON.stringify(source.sheet)} has no Name column (headers: ${source.header.headers.map((h) => JSON.stringify(h)).join(', ')})`,
    );
  }
  const speakers: SheetSpeaker[] = [];
  const invalid: SpeakersSheet['invalid'] = [];
  for await (const raw of source.rows) {
    const read = speakerOfRow(raw, fields);
    if ('issues' in read) invalid.push(read);
    else speakers.push(read);
  }
  return { sheet: source.sheet, speakers, invalid, warnings };
}

/** One Speakers-sheet row as a SheetSpeaker, or its issues. */
export function speakerOfRow(
  raw: RawRow,
  fields: ReadonlyMap<number, SpeakerField>,
): SheetSpeaker | { sheet: string; row: number; issues: RowIssue[] } {
  const texts: Partial<Record<SpeakerField, { text: string; column: string }>> = {};
  let nameColumn = 'Name';
  for (const [index, field] of fields) {
    const text = cellText(raw.cells[index] ?? null).trim();
    if (field === 'name') nameColumn = String(index);
    if (text !== '') texts[field] = { text, column: String(index) };
  }
  const name = texts.name?.text;
  if (name === undefined) {
    return {
      sheet: raw.sheet,
      row: raw.row,
      issues: [
        {
          code: 'required',
          severity: 'error',
          message: `Row ${raw.row}: a speaker needs a name (column Name is empty)`,
          sheet: raw.sheet,
          row: raw.row,
          column: nameColumn === 'Name' ? 'Name' : undefined,
        },
      ],
    };
  }
  const speaker: SheetSpeaker = { sheet: raw.sheet, row: raw.row, name };
  if (texts.import_id) speaker.import_id = texts.import_id.text;
  if (texts.title) speaker.title = texts.title.text;
  if (texts.company) speaker.company = texts.company.text;
  if (texts.bio) speaker.bio = texts.bio.text;
  if (texts.email) speaker.email = texts.email.text;
  if (texts.photo) speaker.photo = texts.photo.text;
  if (texts.role) speaker.role = texts.role.text;
  if (texts.sessions) speaker.sessions = splitList(texts.sessions.text, undefined);
  return speaker;
}
