// The one driver of the offline stages, for every command that reads a sheet (validate, import,
// dedupe --sheet-file): read → map → convert. Two steps, so that a command that needs the guide's
// time zone first (import) reads the sheet before any request and converts it after:
// readSheet holds the rows as read (each column's repeated texts once); convertSheet settles the
// sheet-wide facts (date formats, x-mark columns, import_ids) and then converts each row when the
// caller asks for it, letting it go once it is converted.
import { fieldForHeader, headerScorer, type ColumnMap, type MappingConfig } from '../map/index.js';
import type { SheetFormat } from '../read/index.js';
import { openSource } from '../sources/open-source.js';
import type { FeedFormat, FetchedCopy, SourceOptions } from '../sources/types.js';
import type { TimeOptions } from '../time/index.js';
import type { HeaderField } from '../read/index.js';
import type { ConvertedRow, MappedRow, RawRow, RowIssue, SheetHeader, SheetSpeaker } from '../types.js';
import {
  collectSheetFacts,
  convertOptionsFor,
  convertSheetRows,
  type ConvertedSheetRows,
  type ConvertSheetOptions,
  type SheetFacts,
} from '../validate/index.js';
import { readAgendaRows, type AgendaRows, type AgendaWatch, type SheetPart } from './agenda-rows.js';
import { createPresenterGrouping, type PresenterGrouping, type PresenterMerge } from './presenter-rows.js';

export interface SheetInput {
  file: string;
  /** Sheet name or 1-based index. */
  sheet?: string | number;
  /** A mapping file path, or an already loaded mapping. */
  mapping?: string | MappingConfig;
  /** How a URL, standard input ("-") or a feed is fetched and read (src/sources/). */
  source?: SourceOptions;
  /**
   * The time options the rows will be converted under, when known before the sheet is read
   * (validate; import learns the guide's zone later): what convert() learns from every row (the
   * presenter rows, the sheet-wide facts) is then learnt as the rows are read, while the reader
   * is still reading, if convert() is given this very object.
   */
  time?: TimeOptions;
}

/** A sheet read whole, its rows not yet converted. */
export interface ReadSheet {
  file: string;
  format: SheetFormat | FeedFormat;
  sheet: string;
  /** A feed's speakers (Sessionize, frab/pretalx), as a Speakers sheet would list them. */
  feedSpeakers?: SheetSpeaker[];
  /** Where the workbook's Speakers sheet is read: the file, or a fetched workbook's local copy. */
  workbook: FetchedCopy;
  header: SheetHeader;
  columnMap: ColumnMap;
  /** Every agenda sheet read (a workbook may have one per day); the first is `header` and `columnMap`. */
  parts: SheetPart[];
  mapping?: MappingConfig;
  /** How many data rows were read; once converted, how many rows after presenter rows are merged. */
  readonly count: number;
  /** The read and map stages' run-level warnings. */
  warnings: string[];
  /** Where row `index` sits in the file; asked for before its row is converted and let go. */
  placeOf(index: number): { sheet: string; row: number };
  /** Converts the rows under these time options: see convertSheet. Call once. */
  convert(time: TimeOptions, options?: ConvertSheetOptions): ConvertedSheetRows;
  /** Row `index` as mapped while it is held, before convert(): validate --explain samples it. */
  mappedRow(index: number): MappedRow | undefined;
}

/**
 * Opens and reads the sheet; its header row is the one with the most known column names. The
 * rows are held as read (a RawRow is a fraction of a MappedRow's size, and mapping a row again
 * costs less than keeping it mapped), each column's repeated texts held once. Sends nothing.
 */
export async function readSheet(input: SheetInput): Promise<ReadSheet> {
  const mapping = typeof input.mapping === 'string' ? await readMappingFile(input.mapping) : input.mapping;
  const source = await openSource(
    input.file,
    { sheet: input.sheet, scoreHeader: headerScorer(mapping), headerField: headerFieldFor(mapping) },
    input.source,
  );
  // What convert() learns from every row, learnt as the rows are read when the time options are
  // known; not for a feed whose recurring events are expanded only then.
  let early: { facts: SheetFacts; grouping: PresenterGrouping } | undefined;
  const time = input.time;
  const watch: AgendaWatch | undefined =
    time === undefined || 'rowsInWindow' in source
      ? undefined
      : {
          start(reading) {
            early = learnRows(time, mapping, reading);
          },
          row: (index, row) => early!.grouping.add(index, row),
        };
  // Every agenda sheet's rows, their days and blank titles settled (agenda-rows.ts). A well-known
  // export (Google Calendar, Outlook, Sessionize, Sched) reads as its built-in mapping.
  const agenda = await readAgendaRows(source, mapping, watch);
  const { read, rowAt } = agenda;
  const rawAt = (index: number): RawRow => read[index]!;
  const [first] = agenda.parts as [SheetPart];
  const { columnMap } = first;
  const learnt = agenda.watched ? early : undefined;
  // Set by convert(): the rows with one row per presenter merged into one session.
  let merged: PresenterMerge | null = null;
  let converting = false;
  return {
    file: input.file,
    format: source.format,
    sheet: source.sheet,
    feedSpeakers: 'speakers' in source ? source.speakers : undefined,
    workbook: ('fetchedCopy' in source && source.fetchedCopy) || { path: input.file, label: input.file },
    header: first.header,
    columnMap,
    parts: agenda.parts,
    mapping,
    get count() {
      return merged?.count ?? read.length;
    },
    warnings: agenda.warnings,
    mappedRow: (index) => (read[index] === undefined ? undefined : rowAt(index)),
    placeOf: (index) => {
      const raw = rawAt(merged === null ? index : merged.members(index)[0]!);
      return { sheet: raw.sheet, row: raw.row };
    },
    convert(time, options) {
      if (converting) throw new Error('readSheet: convert() called twice (its rows are let go as they are converted)');
      converting = true;
      // A feed's recurring events are expanded over the guide's dates, known only now.
      if ('rowsInWindow' in source) replaceRows(read, source.rowsInWindow(time.guideWindow));
      // Rows with the same title, date, times and room are one session (presenter-rows.ts). The
      // facts learn each session's row as the grouping maps it: the sheet is mapped once for both.
      // They read no speaker or moderator cell, the only cells a merged row has that its first
      // row has not. Both were learnt as the rows were read when these options were known then.
      let learning = learnt !== undefined && time === input.time ? learnt : undefined;
      if (learning === undefined) {
        learning = learnRows(time, mapping, agenda);
        for (let index = 0; index < read.length; index++) learning.grouping.add(index, rowAt(index));
      }
      const { facts } = learning;
      const rows = learning.grouping.finish();
      merged = rows;
      const readNotes = notesByPlace(read);
      const converted = convertSheetRows(
        rows.count,
        rows.rowAt,
        facts,
        (index) => {
          for (const member of rows.members(index)) read[member] = undefined;
        },
        options,
      );
      return {
        importIds: converted.importIds,
        importIdIndex: converted.importIdIndex,
        // Most sheets have no such notes: their rows are handed on without one more step each.
        rows: readNotes.size === 0 ? rows.withNotes(converted.rows) : withReadNotes(rows.withNotes(converted.rows), readNotes),
        warnings: () => converted.warnings(),
        formats: converted.formats,
      };
    },
  };
}

// Loaded only when a mapping file is given: its schema library is a quarter of the CLI's start-up
// time, and most runs (every cron re-sync of a standard sheet) have no mapping file.
async function readMappingFile(path: string): Promise<MappingConfig> {
  const { loadMappingFile } = await import('../options/mapping-file.js');
  return loadMappingFile(path);
}

/** Which field a header names: the mapping file's own columns first, then the field table's aliases. */
function headerFieldFor(mapping: MappingConfig | undefined): HeaderField {
  const columns: Readonly<Record<string, string | null>> = mapping?.columns ?? {};
  return (text) => (Object.hasOwn(columns, text) ? ((columns[text] as ReturnType<HeaderField>) ?? undefined) : fieldForHeader(text));
}

/**
 * What convert() learns from every row under `time`: the sheet-wide facts, fed each session's
 * row as the presenter grouping keeps it. Handed the rows as they are read or once all are.
 */
function learnRows(
  time: TimeOptions,
  mapping: MappingConfig | undefined,
  agenda: Pick<AgendaRows, 'parts' | 'read' | 'partAt' | 'rowAt'>,
): { facts: SheetFacts; grouping: PresenterGrouping } {
  const facts = collectSheetFacts(convertOptionsFor(time, mapping ?? agenda.parts[0]!.layoutMapping));
  const grouping = createPresenterGrouping(
    agenda.rowAt,
    (index) => agenda.read[index]!,
    (index) => agenda.partAt(index).header.headers,
    (row) => facts.add(row),
  );
  return { facts, grouping };
}

/** The read stage's notes on rows (a grid's last sessions have no end), by the row's place. */
function notesByPlace(read: ReadonlyArray<RawRow | undefined>): Map<string, readonly string[]> {
  const notes = new Map<string, readonly string[]>();
  for (const raw of read) if (raw?.notes && raw.notes.length > 0) notes.set(`${raw.sheet}\u0000${raw.row}`, raw.notes);
  return notes;
}

/** Each converted row with the read stage's notes on it, as row warnings (never silent). */
function* withReadNotes(rows: IterableIterator<ConvertedRow>, notes: ReadonlyMap<string, readonly string[]>): Generator<ConvertedRow> {
  for (const row of rows) {
    const place = row.ok ? row.session : row;
    const said = notes.get(`${place.sheet}\u0000${place.row}`);
    if (said === undefined) {
      yield row;
      continue;
    }
    const issues: RowIssue[] = said.map((note) => ({
      code: 'open_end',
      severity: 'warning',
      message: `Row ${place.row}: ${note}`,
      sheet: place.sheet,
      row: place.row,
    }));
    if (row.ok) yield { ok: true, session: { ...row.session, warnings: [...row.session.warnings, ...issues] } };
    else yield { ...row, issues: [...row.issues, ...issues] };
  }
}

/** The rows as read, replaced by `rows` (null: kept). */
function replaceRows(read: Array<RawRow | undefined>, rows: RawRow[] | null): void {
  if (rows === null) return;
  read.length = 0;
  for (const row of rows) read.push(row);
}
