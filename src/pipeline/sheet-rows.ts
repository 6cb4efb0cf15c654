// The one driver of the offline stages, for every command that reads a sheet (validate, import,
// dedupe --sheet-file): read → map → convert. Two steps, so that a command that needs the guide's
// time zone first (import) reads the sheet before any request and converts it after:
// readSheet holds the rows as read (each column's repeated texts once); convertSheet settles the
// sheet-wide facts (date formats, x-mark columns, import_ids) and then converts each row when the
// caller asks for it, letting it go once it is converted.
import {
  buildColumnMap,
  checkRivalColumns,
  headerScorer,
  knownLayoutMapping,
  mapRow,
  type ColumnMap,
  type MappingConfig,
} from '../map/index.js';
import type { SheetFormat } from '../read/index.js';
import { openSource } from '../sources/open-source.js';
import type { FeedFormat, SourceOptions } from '../sources/types.js';
import type { TimeOptions } from '../time/index.js';
import type { MappedRow, RawRow, SheetHeader, SheetSpeaker } from '../types.js';
import { collectSheetFacts, convertOptionsFor, convertSheetRows, type ConvertedSheetRows } from '../validate/index.js';
import { createRepeatedCells } from './repeated-cells.js';

export interface SheetInput {
  file: string;
  /** Sheet name or 1-based index. */
  sheet?: string | number;
  /** A mapping file path, or an already loaded mapping. */
  mapping?: string | MappingConfig;
  /** How a URL, standard input ("-") or a feed is fetched and read (src/sources/). */
  source?: SourceOptions;
}

/** A sheet read whole, its rows not yet converted. */
export interface ReadSheet {
  file: string;
  format: SheetFormat | FeedFormat;
  sheet: string;
  /** A feed's speakers (Sessionize, frab/pretalx), as a Speakers sheet would list them. */
  feedSpeakers?: SheetSpeaker[];
  header: SheetHeader;
  columnMap: ColumnMap;
  mapping?: MappingConfig;
  /** How many data rows were read. */
  count: number;
  /** The read and map stages' run-level warnings. */
  warnings: string[];
  /** Where row `index` sits in the file; asked for before its row is converted and let go. */
  placeOf(index: number): { sheet: string; row: number };
  /** Converts the rows under these time options: see convertSheet. Call once. */
  convert(time: TimeOptions): ConvertedSheetRows;
}

/**
 * Opens and reads the sheet; its header row is the one with the most known column names. The
 * rows are held as read (a RawRow is a fraction of a MappedRow's size, and mapping a row again
 * costs less than keeping it mapped), each column's repeated texts held once. Sends nothing.
 */
export async function readSheet(input: SheetInput): Promise<ReadSheet> {
  const mapping = typeof input.mapping === 'string' ? await readMappingFile(input.mapping) : input.mapping;
  const source = await openSource(input.file, { sheet: input.sheet, scoreHeader: headerScorer(mapping) }, input.source);
  // A well-known export (Google Calendar, Outlook, Sessionize, Sched) reads as its built-in mapping.
  const layoutMapping = mapping ? undefined : knownLayoutMapping(source.header.headers);
  const columnMap = buildColumnMap(source.header, mapping ?? layoutMapping);
  const read: Array<RawRow | undefined> = [];
  const shareRepeats = createRepeatedCells(source.header.headers.length);
  const batches = source.rowBatches ?? singleRowBatches(source.rows);
  for await (const batch of batches) {
    for (const raw of batch) {
      shareRepeats(raw.cells);
      read.push(raw);
    }
  }
  // Two equally strong columns for one field that differ in a row stop the run here (map/column-map.ts).
  const rivalNotes = checkRivalColumns(columnMap, read);
  const rowAt = (index: number): MappedRow => mapRow(read[index]!, columnMap);
  let converting = false;
  return {
    file: input.file,
    format: source.format,
    sheet: source.sheet,
    feedSpeakers: 'speakers' in source ? source.speakers : undefined,
    header: source.header,
    columnMap,
    mapping,
    count: read.length,
    warnings: [...source.warnings, ...columnMap.warnings, ...rivalNotes],
    placeOf: (index) => ({ sheet: read[index]!.sheet, row: read[index]!.row }),
    convert(time) {
      if (converting) throw new Error('readSheet: convert() called twice (its rows are let go as they are converted)');
      converting = true;
      // A feed's recurring instances outside the guide's dates (known only now) are not sessions.
      if ('inWindow' in source) keepRows(read, (raw) => source.inWindow(raw, time.guideWindow));
      const facts = collectSheetFacts(convertOptionsFor(time, mapping ?? layoutMapping));
      for (let index = 0; index < read.length; index++) facts.add(rowAt(index));
      return convertSheetRows(read.length, rowAt, facts, (index) => {
        read[index] = undefined;
      });
    },
  };
}

// Loaded only when a mapping file is given: its schema library is a quarter of the CLI's start-up
// time, and most runs (every cron re-sync of a standard sheet) have no mapping file.
async function readMappingFile(path: string): Promise<MappingConfig> {
  const { loadMappingFile } = await import('../options/mapping-file.js');
  return loadMappingFile(path);
}

async function* singleRowBatches(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  for await (const raw of rows) yield [raw];
}

/** Keeps, in place and in order, the rows `keep` accepts. */
function keepRows(read: Array<RawRow | undefined>, keep: (raw: RawRow) => boolean): void {
  let kept = 0;
  for (const raw of read) if (raw !== undefined && keep(raw)) read[kept++] = raw;
  read.length = kept;
}
