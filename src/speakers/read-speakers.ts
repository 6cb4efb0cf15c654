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
import { looksLikeEmail } from './speaker-ids.js';

/** The canonical header of each field, for an issue when the sheet's own header is blank. */
const FIELD_COLUMN: Readonly<Record<SpeakerField, string>> = {
  import_id: 'Import ID',
  name: 'Name',
  title: 'Title',
  company: 'Company',
  bio: 'Bio',
  email: 'Email',
  photo: 'Photo',
  role: 'Role',
  sessions: 'Sessions',
};

export interface SpeakersSheet {
  /** The sheet's name as the report shows it. */
  sheet: string;
  speakers: SheetSpeaker[];
  /** Rows that could not be read as a speaker (no name, an email that is not one). */
  invalid: Array<{ sheet: string; row: number; name?: string; issues: RowIssue[] }>;
  warnings: string[];
}

export interface SpeakersInput {
  /** The agenda workbook on disk: a local file, or the copy a fetched workbook was read from. */
  file: string;
  /** How messages name `file` when it is such a copy (the URL as given, or "standard input"). */
  label?: string;
  speakersFile?: string;
}

/**
 * The Speakers sheet of `file` (a workbook), or null when it has none; with `speakersFile` that
 * file's first sheet with Speakers headers (its "Speakers" sheet when it has one).
 */
export async function readSpeakers(input: SpeakersInput): Promise<SpeakersSheet | null> {
  if (input.speakersFile !== undefined) {
    // A URL is fetched like a sheet source (no --source-header: those are the agenda source's).
    const { localSheetCopy } = await import('../sources/open-source.js');
    const copy = await localSheetCopy(input.speakersFile);
    const named = await speakerSheetName(copy.path);
    return readSpeakerSheet(copy.path, copy.label, named ?? undefined);
  }
  const named = await speakerSheetName(input.file);
  return named === null ? null : readSpeakerSheet(input.file, input.label ?? input.file, named);
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

async function readSpeakerSheet(file: string, label: string, sheet: string | undefined): Promise<SpeakersSheet> {
  let source: Awaited<ReturnType<typeof openSheet>>;
  try {
    source = await openSheet(file, { sheet, scoreHeader: scoreSpeakerHeaderRow });
  } catch (error) {
    // A fetched sheet's copy has a temporary path: the message names the source instead.
    if (error instanceof GuidebookImportError && file !== label && error.message.includes(file))
      throw new GuidebookImportError(error.code, error.message.split(file).join(label), { cause: error });
    throw error;
  }
  const fields = new Map<number, SpeakerField>();
  // A fetched workbook's copy has a temporary path: messages name the source instead.
  const warnings = source.warnings.map((warning) => warning.split(file).join(label));
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
      `${label}: the speakers sheet ${JSON.stringify(source.sheet)} has no Name column (headers: ${source.header.headers.map((h) => JSON.stringify(h)).join(', ')})`,
    );
  }
  const speakers: SheetSpeaker[] = [];
  const invalid: SpeakersSheet['invalid'] = [];
  for await (const raw of source.rows) {
    const read = speakerOfRow(raw, fields, source.header.headers);
    if ('issues' in read) invalid.push(read);
    else speakers.push(read);
  }
  return { sheet: source.sheet, speakers, invalid, warnings };
}

/** One Speakers-sheet row as a SheetSpeaker, or its issues (naming the sheet's own column headers). */
export function speakerOfRow(
  raw: RawRow,
  fields: ReadonlyMap<number, SpeakerField>,
  headers: readonly string[] = [],
): SheetSpeaker | { sheet: string; row: number; issues: RowIssue[] } {
  const texts: Partial<Record<SpeakerField, { text: string; column: string }>> = {};
  const columnOf = (index: number, field: SpeakerField): string => headers[index]?.trim() || FIELD_COLUMN[field];
  let nameColumn = FIELD_COLUMN.name;
  for (const [index, field] of fields) {
    const text = cellText(raw.cells[index] ?? null).trim();
    if (field === 'name') nameColumn = columnOf(index, field);
    if (text !== '') texts[field] = { text, column: columnOf(index, field) };
  }
  const issues: RowIssue[] = [];
  const name = texts.name?.text;
  if (name === undefined) {
    issues.push({
      code: 'required',
      severity: 'error',
      message: `Row ${raw.row}: a speaker needs a name (column ${JSON.stringify(nameColumn)} is empty)`,
      sheet: raw.sheet,
      row: raw.row,
      column: nameColumn,
    });
  }
  // The email is the speaker's contact and tells two people of one name apart: never guessed at.
  if (texts.email && !looksLikeEmail(texts.email.text)) {
    issues.push({
      code: 'bad_email',
      severity: 'error',
      message: `Row ${raw.row}, column ${JSON.stringify(texts.email.column)}: ${JSON.stringify(texts.email.text)} is not an email address`,
      sheet: raw.sheet,
      row: raw.row,
      column: texts.email.column,
      value: texts.email.text,
    });
  }
  if (name === undefined || issues.length > 0) {
    const invalid: { sheet: string; row: number; name?: string; issues: RowIssue[] } = { sheet: raw.sheet, row: raw.row, issues };
    if (name !== undefined) invalid.name = name;
    return invalid;
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
