import { SETTING_FIELDS } from '../map/fields.js';
import type { MappingConfig, ValueFormats } from '../map/mapping-config.js';
import type { ColumnFormats, TimeOptions } from '../time/index.js';
import type { ConvertedRow, MappedRow, RowIssue, SessionFields, SheetSession } from '../types.js';
import { collectColumnFormatEvidence } from './column-formats.js';
import {
  importIdOf,
  type ImportIdIndex,
  collectImportIds,
  type RowPlace,
  withDuplicateIssue,
  derivedIdsWarning,
  deriveImportId,
} from './import-ids.js';
import {
  readDescription,
  readImportId,
  readList,
  readName,
  readSettings,
  collectValueReaderEvidence,
  type ValueReaders,
} from './row-values.js';
import { convertCellToUtc, convertRowTimes, sheetSpanWarnings } from './row-times.js';
import { sessionRuleIssues } from './session-rules.js';
import { readSpeakerRefs } from '../speakers/speaker-cells.js';
import { cellText, isBlankCell } from '../read/cell-value.js';

/** What convertRows needs: the time stage's options plus how cell text is read. */
export interface ConvertOptions extends TimeOptions {
  formats?: ValueFormats;
}

/**
 * The mapping file's zone and date format fill in for --timezone and --date-format when those
 * are not given: a flag on the command line wins over a file.
 */
export function convertOptionsFor(time: TimeOptions, mapping?: MappingConfig): ConvertOptions {
  return Object.freeze({
    ...time,
    timezone: time.timezone ?? mapping?.timezone,
    dateFormat: time.dateFormat ?? mapping?.formats.date,
    formats: mapping?.formats ?? {},
  });
}

export interface RowContext {
  formats: ColumnFormats;
  options: ConvertOptions;
  readers: ValueReaders;
  /** Rows made all-day because they have a date and no time (no All Day cell said so): said once. */
  allDayByNoTime?: { count: number };
  /** The rows are checked and reported without their field values (see ConvertSheetOptions). */
  checkOnly?: boolean;
}

export interface ConvertSheetOptions {
  /**
   * The caller reports the rows' decisions and messages but never shows or sends their field
   * values (validate with a CSV report): what cannot raise an issue is then not worked out for a
   * value alone (a short plain-text description is not converted to HTML, and its session has no
   * description_html). Every issue is found as without it.
   */
  checkOnly?: boolean;
}

type MappedKey = SheetSession['mapped'][number];

/**
 * One mapped row to the session it would write, or every issue it has. The whole row is always
 * read, so the user sees all its problems at once, not one per run.
 */
function convertRow(row: MappedRow, context: RowContext): ConvertedRow {
  const issues: RowIssue[] = [];
  const fields: Partial<SessionFields> = {};
  const cells = row.fields;

  const name = readName(row, issues);
  const ownId = readImportId(row, issues);
  if (cells.description) {
    const html = readDescription(row, cells.description, issues, context.checkOnly !== true);
    if (html !== undefined) fields.description_html = html;
  }
  readSettings(row, context.readers, fields, issues);
  const tracks = cells.tracks ? readList(cells.tracks, context.readers.listSeparator) : undefined;
  const locations = cells.locations ? readList(cells.locations, context.readers.listSeparator) : undefined;

  const times = convertRowTimes(row, context.formats, context.options, context.readers.allDay);
  let zone = '';
  // A range in the start cell ("9:00-10:30", "18:00 - open end") says how the session ends.
  const endWritten = times.ok && times.endInStart;
  if (times.ok) {
    fields.start_time = times.start_time;
    fields.end_time = times.end_time;
    fields.all_day = times.all_day;
    zone = times.zone;
    issues.push(...times.warnings);
    if (times.all_day && context.allDayByNoTime && isBlankCell(cells.all_day?.value ?? null)) context.allDayByNoTime.count++;
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
    mapped: mappedKeys(row, fields.all_day === true || endWritten),
    zone,
    derivedImportId: derived,
    // Most rows have nothing to warn about: they share one frozen empty list.
    warnings: issues.length === 0 ? NO_ISSUES : issues,
  };
  if (tracks !== undefined) session.tracks = tracks;
  const speakers = readSpeakerRefs(row, context.readers.listSeparator);
  if (speakers !== undefined) session.speakers = speakers;
  // Only the reference here: images are loaded and checked before the first write (src/images/).
  const imageCell = row.fields.image;
  if (imageCell !== undefined && !isBlankCell(imageCell.value)) session.image = cellText(imageCell.value).trim();
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
function mappedKeys(row: MappedRow, endKnown: boolean): readonly MappedKey[] {
  const cells = row.fields;
  let shape = cells.end || cells.datetime_end || cells.duration || cells.end_date || endKnown ? 1 : 0;
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

/**
 * Mapped rows to sessions (or their issues), plus run-level warnings. Problems of a row are
 * RowIssues; only a sheet-wide failure throws (an ambiguous date column, no time zone at all).
 * Everything that depends on the whole sheet (date formats, x-mark columns) is settled once.
 */
export function convertRows(rows: readonly MappedRow[], options: ConvertOptions): { rows: ConvertedRow[]; warnings: string[] } {
  const facts = collectSheetFacts(options);
  for (const row of rows) facts.add(row);
  const sheet = convertSheetRows(rows.length, (index) => rows[index]!, facts);
  const converted = [...sheet.rows];
  return { rows: converted, warnings: sheet.warnings() };
}

/**
 * What every row is converted under and must be known before the first is: the column-wide
 * facts (date formats, x-mark columns) and which rows carry an import_id of their own (a
 * duplicate anywhere makes every row involved invalid). Each row is added once, in sheet order,
 * so a caller holding its rows in another form (the validate pipeline keeps what it read) adds
 * each row as it maps it.
 */
export interface SheetFacts {
  add(row: MappedRow): void;
  /** Throws the sheet-wide failures convertRows throws. */
  settle(): RowContext;
  /** Per row added: its own import_id, null when its cell is blank (one is derived), undefined when unusable. */
  readonly ownImportIds: ReadonlyArray<string | null | undefined>;
  /** The own import_ids indexed as they are added; convertSheetRows adds the derived ones. */
  readonly importIdIndex: ReturnType<typeof collectImportIds>;
}

export function collectSheetFacts(options: ConvertOptions): SheetFacts {
  const formats = collectColumnFormatEvidence(options);
  const readers = collectValueReaderEvidence(options.formats);
  const ownImportIds: Array<string | null | undefined> = [];
  const importIdIndex = collectImportIds();
  const ignored: RowIssue[] = [];
  return {
    add(row) {
      formats.add(row);
      readers.add(row);
      const own = readImportId(row, ignored);
      ownImportIds.push(own.id ?? (own.invalid ? undefined : null));
      // Indexed as the rows arrive (validate learns the facts while the reader is reading).
      if (own.id !== undefined) importIdIndex.add(ownImportIds.length - 1, own.id);
      ignored.length = 0;
    },
    settle: () => ({ formats: formats.decide(), options, readers: readers.decide(), allDayByNoTime: { count: 0 } }),
    ownImportIds,
    importIdIndex,
  };
}

/** A sheet's rows converted one at a time: see convertSheetRows. */
export interface ConvertedSheetRows {
  /** Every row's import_id (undefined: none) once converted, known before the first row is. */
  readonly importIds: ReadonlyArray<string | undefined>;
  /** The same import_ids indexed, as the duplicate check found them (the plan's index reuses it). */
  readonly importIdIndex: ImportIdIndex;
  /** The converted rows in sheet order, duplicates marked, each converted when asked for. Iterate once. */
  readonly rows: IterableIterator<ConvertedRow>;
  /** The run-level warnings, once `rows` has been read to the end. */
  warnings(): string[];
  /** How the sheet's date/time columns are read (validate --explain names what was detected). */
  readonly formats: ColumnFormats;
}

/**
 * convertRows for a caller that hands its rows out by index and takes the converted rows one at
 * a time, so neither form of a 100k-row sheet need be held whole. `facts` must have had every
 * row added. Each row's import_id is settled first: a row's own id is known from its cell, and
 * only rows without one are converted now (their id derives from title and start) and kept
 * until their turn; the rest are converted as `rows` reaches them. `rowAt(i)` may be asked for
 * row i more than once; `release(i)` says row i will not be asked for again.
 */
export function convertSheetRows(
  count: number,
  rowAt: (index: number) => MappedRow,
  facts: SheetFacts,
  release: (index: number) => void = () => {},
  options: ConvertSheetOptions = {},
): ConvertedSheetRows {
  const context = facts.settle();
  if (options.checkOnly) context.checkOnly = true;
  const own = facts.ownImportIds;
  if (own.length !== count) throw new Error(`convertSheetRows: facts of ${own.length} rows for ${count} rows`);

  const early = new Map<number, ConvertedRow>();
  const importIds: Array<string | undefined> = [];
  let derived = 0;
  for (let index = 0; index < count; index++) {
    const id = own[index];
    if (id !== null) {
      importIds.push(id);
      continue;
    }
    let row: ConvertedRow;
    try {
      row = convertRow(rowAt(index), context);
    } catch (error) {
      throw firstRunLevelError(error, index, own, rowAt, context);
    }
    early.set(index, row);
    const derivedId = importIdOf(row);
    importIds.push(derivedId);
    if (derivedId !== undefined) {
      derived++;
      facts.importIdIndex.add(index, derivedId);
    }
  }

  const importIdIndex = facts.importIdIndex.finish();
  const shared = importIdIndex.shared;
  const placesOf = new Map<string, RowPlace[]>();
  const starts: string[] = [];
  let finished = false;

  function* rows(): Generator<ConvertedRow> {
    for (let index = 0; index < count; index++) {
      let row = early.size === 0 ? undefined : early.get(index);
      if (row) early.delete(index);
      else row = convertRow(rowAt(index), context);
      const id = importIds[index];
      const group = id === undefined || shared.size === 0 ? undefined : shared.get(id);
      if (group) {
        // The rows of a shared id stay asked-for until the end: each one's message names the others.
        let places = placesOf.get(id!);
        if (!places) {
          places = group.map((member) => placeOf(rowAt(member)));
          placesOf.set(id!, places);
        }
        const at = group.indexOf(index);
        row = withDuplicateIssue(
          row,
          rowAt(index),
          id!,
          places.filter((_, n) => n !== at),
        );
      } else {
        release(index);
      }
      if (row.ok) starts.push(row.session.fields.start_time);
      yield row;
    }
    finished = true;
  }

  return {
    importIds,
    importIdIndex,
    rows: rows(),
    formats: context.formats,
    warnings() {
      if (!finished) throw new Error('convertSheetRows: warnings() before every row was read');
      const warnings: string[] = [];
      if (derived > 0) warnings.push(derivedIdsWarning(derived));
      warnings.push(...sheetSpanWarnings(starts));
      const allDay = context.allDayByNoTime?.count ?? 0;
      const timeColumns = (context.formats.timedColumns?.length ?? 0) + (context.formats.unmappedTimeColumns?.length ?? 0);
      if (allDay > 0 && timeColumns === 0) warnings.push(allDayByNoTimeWarning(allDay));
      return warnings;
    },
  };
}

function allDayByNoTimeWarning(count: number): string {
  const rows = count === 1 ? '1 row has' : `${count} rows have`;
  return `${rows} a date and no time and ${count === 1 ? 'is' : 'are'} imported as all-day: no column of the sheet holds times (add a start time column if the sessions have times)`;
}

function placeOf(row: MappedRow): RowPlace {
  return { sheet: row.sheet, row: row.row };
}

/**
 * Rows without an import_id of their own are converted ahead of the others: when one of them
 * stops the run (no time zone at all), the row named must still be the first in sheet order that
 * does, as converting every row in order would find.
 */
function firstRunLevelError(
  error: unknown,
  failedAt: number,
  own: ReadonlyArray<string | null | undefined>,
  rowAt: (index: number) => MappedRow,
  context: RowContext,
): unknown {
  for (let index = 0; index < failedAt; index++) {
    if (own[index] === null) continue;
    try {
      convertRow(rowAt(index), context);
    } catch (earlier) {
      return earlier;
    }
  }
  return error;
}
