import { SETTING_FIELDS } from '../map/fields.js';
import type { MappingConfig, ValueFormats } from '../map/mapping-config.js';
import { DATE_TIME_FIELDS, type ColumnFormats, type TimeOptions } from '../time/index.js';
import type { ConvertedRow, MappedCell, MappedRow, RowIssue, SessionFields, SheetSession } from '../types.js';
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
  splitList,
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
  /**
   * The track and location lists by cell text, one list shared by the rows that write it, when
   * the converted rows are held (converted as read: a sheet repeats a handful of track and room
   * names over its 100k rows). The lists are read, never changed, by the stages after.
   */
  lists?: Map<string, string[]>;
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
  const tracks = cells.tracks ? listOf(cells.tracks, context) : undefined;
  const locations = cells.locations ? listOf(cells.locations, context) : undefined;

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
  // Completed in place rather than spread into a new object: fields is this row's own, and on
  // Node 20 a spread followed by more properties costs ~20x an assignment, once per row.
  const sessionFields = Object.assign(fields, { name, import_id: importId, start_time: fields.start_time });
  const mapped = mappedKeys(row, fields.all_day === true || endWritten);
  // Most rows have nothing to warn about: they share one frozen empty list.
  const warnings = issues.length === 0 ? NO_ISSUES : issues;
  const speakers = readSpeakerRefs(row, context.readers.listSeparator);
  // Only the reference here: images are loaded and checked before the first write (src/images/).
  const imageCell = row.fields.image;
  const image = imageCell !== undefined && !isBlankCell(imageCell.value) ? cellText(imageCell.value).trim() : undefined;
  // The usual row (tracks and rooms, no speakers or image) is made whole at once: a session
  // held until the sheet is read (validate converts as it reads) then has no second block for
  // the properties added after it is made. Same properties, in the same order, either way.
  if (tracks !== undefined && locations !== undefined && speakers === undefined && image === undefined) {
    const session: SheetSession = {
      sheet: row.sheet,
      row: row.row,
      fields: sessionFields,
      mapped,
      zone,
      derivedImportId: derived,
      warnings,
      tracks,
      locations,
    };
    return { ok: true, session };
  }
  const session: SheetSession = { sheet: row.sheet, row: row.row, fields: sessionFields, mapped, zone, derivedImportId: derived, warnings };
  if (tracks !== undefined) session.tracks = tracks;
  if (speakers !== undefined) session.speakers = speakers;
  if (image !== undefined) session.image = image;
  if (locations !== undefined) session.locations = locations;
  return { ok: true, session };
}

const NO_ISSUES = Object.freeze([]) as unknown as RowIssue[];

/** Distinct list texts shared (RowContext.lists): more, and each row has its own list again. */
const MAX_SHARED_LISTS = 10_000;

function listOf(cell: MappedCell, context: RowContext): string[] {
  const lists = context.lists;
  if (lists === undefined) return readList(cell, context.readers.listSeparator);
  const text = cellText(cell.value);
  let list = lists.get(text);
  if (list === undefined) {
    list = splitList(text, context.readers.listSeparator);
    if (lists.size < MAX_SHARED_LISTS) lists.set(text, list);
  }
  return list;
}

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
  /** With `asAdded`: the rows converted as they were added, for convertSheetRows to take. */
  readonly asAdded?: RowsConvertedAsAdded;
}

/**
 * Rows converted as they are added, under the facts known so far (collectSheetFacts with
 * `asAdded`). A row is handed out only when the decision it was converted under is the one
 * settle() made for the whole sheet; any other row is converted again by convertSheetRows.
 */
export interface RowsConvertedAsAdded {
  /**
   * Row `index` as converted when added, when that conversion is what `context` (settle()'s,
   * checkOnly set) makes of it; undefined otherwise. Each row is let go once asked for.
   */
  take(index: number, context: RowContext): ConvertedRow | undefined;
  /** Row `index` is not converted from the row added (a presenter row merged into it): let it go. */
  forget(index: number): void;
}

/**
 * `asAdded` converts each row as it is added, while a caller is still reading the rest (validate
 * learns the facts as the reader reads), so that little is left to do once the last row is in.
 */
export function collectSheetFacts(options: ConvertOptions, asAdded?: { checkOnly: boolean }): SheetFacts {
  const formats = collectColumnFormatEvidence(options);
  const readers = collectValueReaderEvidence(options.formats);
  const ownImportIds: Array<string | null | undefined> = [];
  const importIdIndex = collectImportIds();
  const ignored: RowIssue[] = [];
  const early = asAdded ? convertAsAdded(options, formats, readers, asAdded.checkOnly) : undefined;
  // The x-marked columns settle() decided with: part of what a row converted as added is checked against.
  let settledMarks = -1;
  return {
    add(row) {
      formats.add(row);
      readers.add(row);
      const own = readImportId(row, ignored);
      ownImportIds.push(own.id ?? (own.invalid ? undefined : null));
      // Indexed as the rows arrive (validate learns the facts while the reader is reading).
      if (own.id !== undefined) importIdIndex.add(ownImportIds.length - 1, own.id);
      ignored.length = 0;
      early?.add(ownImportIds.length - 1, row);
    },
    settle: () => {
      const context = { formats: formats.decide(), options, readers: readers.decide(), allDayByNoTime: { count: 0 } };
      settledMarks = readers.changes();
      return context;
    },
    ownImportIds,
    importIdIndex,
    ...(early ? { asAdded: { take: (index, context) => early.take(index, context, settledMarks), forget: early.forget } } : {}),
  };
}

/** Decisions made while rows are added before converting as added stops (the rest wait for the end). */
const MAX_DECISIONS_AS_ADDED = 500;
/** Rows held while no decision can be made yet (an ambiguous date column's first rows). */
const MAX_WAITING_AS_ADDED = 20_000;

/**
 * The conversion of rows as they are added (see collectSheetFacts). The facts are decided again
 * only when a row brought evidence that can change them (column-formats' changes(), the x-marked
 * columns), and a decision equal to the last one (decisionKey) keeps the rows converted under it.
 * While no decision can be made (a date column still ambiguous, a day number with no first day),
 * the rows wait, up to a limit, and are converted once one can.
 */
function convertAsAdded(
  options: ConvertOptions,
  formats: ReturnType<typeof collectColumnFormatEvidence>,
  readers: ReturnType<typeof collectValueReaderEvidence>,
  checkOnly: boolean,
) {
  // A valid row is held as its session alone, its { ok: true } wrapper made when it is taken.
  const converted: Array<ConvertedRow | SheetSession | undefined> = [];
  // The decision each row was converted under, and whether it counted in allDayByNoTime.
  const keys: Array<string | undefined> = [];
  const allDay: number[] = [];
  let context: RowContext | null = null;
  let key = '';
  let formatChanges = -1;
  let readerChanges = -1;
  let decisions = 0;
  let waiting: Array<{ index: number; row: MappedRow }> = [];
  // One list per track or room text, for every decision's rows (the separator is the options').
  const lists = new Map<string, string[]>();
  // The key of the last context take() was asked about: settle()'s, asked about once per row.
  let asked: { context: RowContext; key: string } | null = null;

  function convert(index: number, row: MappedRow, under: RowContext): void {
    const counter = under.allDayByNoTime!;
    const before = counter.count;
    try {
      const done = convertRow(row, under);
      converted[index] = done.ok ? done.session : done;
    } catch {
      // A run-level error (no time zone for the row): thrown by convertSheetRows in its turn.
      counter.count = before;
      return;
    }
    keys[index] = key;
    allDay[index] = counter.count - before;
  }

  function decide(): void {
    if (++decisions > MAX_DECISIONS_AS_ADDED) {
      // A sheet whose facts keep changing: the rest is converted once the sheet is read.
      context = null;
      waiting = [];
      return;
    }
    let next: RowContext;
    try {
      next = { formats: formats.decide(), options, readers: readers.decide(), allDayByNoTime: { count: 0 }, checkOnly, lists };
    } catch {
      // Not decidable yet (an ambiguous date column, so far): the rows wait for a fact that settles it.
      context = null;
      return;
    }
    const nextKey = decisionKey(next.formats, readers.changes(), checkOnly);
    // The same decision: the rows converted under the last one stay as they are.
    if (context === null || nextKey !== key) {
      context = next;
      key = nextKey;
    }
    for (const { index, row } of waiting) convert(index, row, context);
    waiting = [];
  }

  return {
    add(index: number, row: MappedRow): void {
      converted.push(undefined);
      keys.push(undefined);
      allDay.push(0);
      if (decisions > MAX_DECISIONS_AS_ADDED) return;
      if (!formats.decidesRowsSoFar()) {
        if (waiting.length < MAX_WAITING_AS_ADDED) waiting.push({ index, row });
        return;
      }
      if (formats.changes() !== formatChanges || readers.changes() !== readerChanges) {
        formatChanges = formats.changes();
        readerChanges = readers.changes();
        decide();
      }
      if (context !== null) convert(index, row, context);
      else if (waiting.length < MAX_WAITING_AS_ADDED && decisions <= MAX_DECISIONS_AS_ADDED) waiting.push({ index, row });
    },
    take(index: number, settled: RowContext, settledMarks: number): ConvertedRow | undefined {
      const held = converted[index];
      if (held === undefined) return undefined;
      converted[index] = undefined;
      if (asked?.context !== settled) {
        asked = { context: settled, key: decisionKey(settled.formats, settledMarks, settled.checkOnly === true) };
      }
      if (keys[index] !== asked.key) return undefined;
      settled.allDayByNoTime!.count += allDay[index]!;
      return 'ok' in held ? held : { ok: true, session: held };
    },
    forget(index: number): void {
      converted[index] = undefined;
    },
  };
}

/**
 * What of a decision a row's conversion depends on, as one string: two decisions with the same
 * key convert every row alike. The first day and --date-format come from the options, the same
 * for every decision of a sheet; the 12-hour clock order is null in every decision made as rows
 * are added (it is decided only once the column shows it needs none: decidesRowsSoFar).
 */
function decisionKey(formats: ColumnFormats, xMarkedColumns: number, checkOnly: boolean): string {
  let key = `${checkOnly ? 1 : 0}|${xMarkedColumns}|${formats.clockOrder ? `clock ${formats.clockOrder.column}` : ''}|`;
  key += `${(formats.unmappedTimeColumns ?? []).join('\u0001')}|${(formats.timedColumns ?? []).join('\u0001')}|`;
  for (const field of DATE_TIME_FIELDS) {
    const parser = formats.parsers[field];
    key += `${parser.order ?? ''},${parser.locale ?? ''},${parser.dayFractions ? 1 : 0},${formats.dayMonthOrder[field] ?? ''};`;
  }
  return key;
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
  // The rows converted as they were read, each taken when its decision is this one (else converted here).
  const asAdded = facts.asAdded;
  const convertAt = (index: number): ConvertedRow => asAdded?.take(index, context) ?? convertRow(rowAt(index), context);
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
      row = convertAt(index);
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
      else row = convertAt(index);
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
