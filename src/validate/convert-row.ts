import type { ColumnFormats } from '../time/index.js';
import type { ConvertedRow, MappedRow, RowIssue, SessionFields, SheetSession } from '../types.js';
import type { ConvertOptions } from './convert-options.js';
import { deriveImportId } from './import-ids.js';
import { readDescription, readImportId, readList, readName, readSettings } from './read-row-values.js';
import { convertCellToUtc, convertRowTimes } from './row-times.js';
import { sessionRuleIssues } from './session-rules.js';
import type { ValueReaders } from './value-readers.js';

export interface RowContext {
  formats: ColumnFormats;
  options: ConvertOptions;
  readers: ValueReaders;
}

type MappedKey = SheetSession['mapped'][number];

const SETTING_FIELDS = [
  'allow_rating',
  'add_to_schedule',
  'rank',
  'require_login',
  'max_capacity',
  'waitlist',
  'registration_start_date',
  'registration_end_date',
] as const;

/**
 * One mapped row to the session it would write, or every issue it has. The whole row is always
 * read, so the user sees all its problems at once, not one per run.
 */
export function convertRow(row: MappedRow, context: RowContext): ConvertedRow {
  const issues: RowIssue[] = [];
  const fields: Partial<SessionFields> = {};
  const cells = row.fields;

  const name = readName(row, issues);
  const ownId = readImportId(row, issues);
  if (cells.description) {
    const html = readDescription(row, cells.description, issues);
    if (html !== undefined) fields.description_html = html;
  }
  readSettings(row, context.readers, fields, issues);
  const tracks = cells.tracks ? readList(cells.tracks, context.readers.listSeparator) : undefined;
  const locations = cells.locations ? readList(cells.locations, context.readers.listSeparator) : undefined;

  const times = convertRowTimes(row, context.formats, context.options, context.readers.allDay);
  let zone = '';
  if (times.ok) {
    fields.start_time = times.start_time;
    fields.end_time = times.end_time;
    fields.all_day = times.all_day;
    zone = times.zone;
    issues.push(...times.warnings);
  } else {
    issues.push(...times.issues);
  }
  for (const field of ['registration_start_date', 'registration_end_date'] as const) {
    if (!cells[field]) continue;
    const converted = convertCellToUtc(row, field, context.formats, context.options);
    if (converted.ok) fields[field] = converted.value;
    else issues.push(converted.issue);
  }
  issues.push(...sessionRuleIssues(row, fields));

  const derived = ownId.id === undefined && !ownId.invalid;
  const importId = ownId.id ?? (derived && name !== undefined && fields.start_time ? deriveImportId(name, fields.start_time) : undefined);

  if (issues.some((issue) => issue.severity === 'error') || name === undefined || importId === undefined || !fields.start_time) {
    return { ok: false, sheet: row.sheet, row: row.row, name, import_id: importId, issues };
  }
  const session: SheetSession = {
    sheet: row.sheet,
    row: row.row,
    // Completed in place rather than spread into a new object: fields is this row's own, and on
    // Node 20 a spread followed by more properties costs ~20x an assignment, once per row.
    fields: Object.assign(fields, { name, import_id: importId, start_time: fields.start_time }),
    mapped: mappedKeys(row, fields.all_day === true),
    zone,
    derivedImportId: derived,
    // Most rows have nothing to warn about: they share one frozen empty list.
    warnings: issues.length === 0 ? NO_ISSUES : issues,
  };
  if (tracks !== undefined) session.tracks = tracks;
  if (locations !== undefined) session.locations = locations;
  return { ok: true, session };
}

const NO_ISSUES = Object.freeze([]) as unknown as RowIssue[];

/**
 * The session fields this row sets. all_day always: the sheet's times decide it. end_time only
 * when the sheet says how a session ends (or it is all-day), so a sheet without end times never
 * clears the ones set in Builder. The rows of a sheet share a handful of such lists: each is
 * built once and frozen.
 */
function mappedKeys(row: MappedRow, allDay: boolean): readonly MappedKey[] {
  const cells = row.fields;
  let shape = cells.end || cells.datetime_end || cells.duration || allDay ? 1 : 0;
  if (cells.description) shape |= 2;
  for (let i = 0; i < SETTING_FIELDS.length; i++) if (cells[SETTING_FIELDS[i]!]) shape |= 4 << i;
  if (cells.tracks) shape |= 4 << SETTING_FIELDS.length;
  if (cells.locations) shape |= 8 << SETTING_FIELDS.length;
  let keys = MAPPED_KEYS.get(shape);
  if (keys === undefined) {
    const list: MappedKey[] = ['import_id', 'name', 'start_time', 'all_day'];
    if (shape & 1) list.push('end_time');
    if (shape & 2) list.push('description_html');
    SETTING_FIELDS.forEach((field, i) => {
      if (shape & (4 << i)) list.push(field);
    });
    if (shape & (4 << SETTING_FIELDS.length)) list.push('schedule_tracks');
    if (shape & (8 << SETTING_FIELDS.length)) list.push('locations');
    keys = Object.freeze(list);
    MAPPED_KEYS.set(shape, keys);
  }
  return keys;
}

const MAPPED_KEYS = new Map<number, readonly MappedKey[]>();
