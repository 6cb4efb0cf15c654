// The rows of every agenda sheet a source hands out (a workbook may have one per day), each
// sheet with its own header and column map, read in sheet order into one list. On the way in, each
// sheet's rows get their days (section rows, a date carried down, the sheet's name:
// section-rows.ts) and a blank title its fallback (title-fallback.ts); a sheet's equally strong
// rival columns are checked against its rows (map/column-map.ts).
import { buildColumnMap, checkRivalColumns, knownLayoutMapping, mapRow, type ColumnMap, type MappingConfig } from '../map/index.js';
import type { SheetSource } from '../read/index.js';
import type { MappedRow, RawRow, SheetHeader } from '../types.js';
import { createRepeatedCells } from './repeated-cells.js';
import { createRowDays } from './section-rows.js';
import { createTitleFallback } from './title-fallback.js';

/** One agenda sheet: its header and how its columns map. */
export interface SheetPart {
  sheet: string;
  header: SheetHeader;
  columnMap: ColumnMap;
  /** The built-in mapping of a well-known export layout the header was recognised as, if any. */
  layoutMapping?: MappingConfig;
}

export interface AgendaRows {
  parts: SheetPart[];
  /** Every sheet's rows, in sheet order; a slot is emptied once its row is converted. */
  read: Array<RawRow | undefined>;
  /** The run-level notes of reading: the sources', the column maps', the days'. */
  warnings: string[];
  /** The part row `index` belongs to. */
  partAt(index: number): SheetPart;
  /** Row `index` mapped through its sheet's column map. */
  rowAt(index: number): MappedRow;
}

/**
 * What learns from each row as it arrives, while the reader is still reading (the sheet-wide
 * facts, the presenter rows): the rows are mapped once for it here rather than in a pass of their
 * own once the whole sheet is read.
 */
export interface AgendaWatch {
  /** Before the first row: `agenda` (its first part set) answers rowAt for every row read so far. */
  start(agenda: AgendaRows): void;
  /** Row `index`, the next one kept, as `rowAt(index)` maps it. */
  row(index: number, row: MappedRow): void;
}

/** A source as the readers hand it out: its first sheet, and the others in `more`. */
type SourceSheet = Pick<SheetSource, 'sheet' | 'header' | 'layout' | 'rows' | 'rowBatches' | 'warnings' | 'more'>;

/**
 * Reads every agenda sheet. With `watch`, each row is handed to it as it is read; `watched` then
 * says whether every row was handed over as rowAt maps it once the read is done: not when a
 * sheet's header changed after its rows (a Date column added for its section rows' days), which
 * maps its rows anew.
 */
export async function readAgendaRows(
  source: SourceSheet,
  mapping: MappingConfig | undefined,
  watch?: AgendaWatch,
): Promise<AgendaRows & { watched: boolean }> {
  const parts: SheetPart[] = [];
  const read: Array<RawRow | undefined> = [];
  // The part of each row, by where its sheet's rows start (rows stay in sheet order).
  const starts: number[] = [];
  const warnings: string[] = [];
  const partAt = (index: number): SheetPart => {
    if (parts.length === 1) return parts[0]!;
    let part = 0;
    while (part + 1 < starts.length && starts[part + 1]! <= index) part++;
    return parts[part]!;
  };
  const agenda = {
    parts,
    read,
    // A line said once for the whole read, however many sheets say it (set once all are read).
    warnings,
    partAt,
    rowAt: (index: number) => mapRow(read[index]!, partAt(index).columnMap),
    watched: watch !== undefined,
  };
  for (const sheet of [source, ...(source.more ?? [])]) {
    const start = read.length;
    const layoutMapping = mapping ? undefined : knownLayoutMapping(sheet.header.headers);
    let columnMap = buildColumnMap(sheet.header, mapping ?? layoutMapping);
    // The part is known before its rows, so that rowAt answers for them as they are read.
    const part: SheetPart = { sheet: sheet.sheet, header: sheet.header, columnMap, layoutMapping };
    starts.push(start);
    parts.push(part);
    if (watch !== undefined && parts.length === 1) watch.start(agenda);
    // A grid's rows are whole sessions already, their days settled by the grid reader.
    const days = sheet.layout === 'grid' ? null : createRowDays(sheet.sheet, columnMap);
    const titles = createTitleFallback(sheet.sheet, columnMap);
    const shareRepeats = createRepeatedCells(sheet.header.headers.length);
    for await (const batch of sheet.rowBatches ?? singleRowBatches(sheet.rows)) {
      for (const raw of batch) {
        if (days !== null && !days.take(raw)) continue;
        titles.take(raw);
        shareRepeats(raw.cells);
        read.push(raw);
        if (agenda.watched) watch!.row(read.length - 1, mapRow(raw, columnMap));
      }
    }
    let header = sheet.header;
    const notes: string[] = [...titles.notes()];
    if (days !== null) {
      const finished = days.finish(header, read.slice(start) as RawRow[]);
      notes.push(...finished.notes);
      if (finished.header !== header) {
        header = finished.header;
        columnMap = buildColumnMap(header, mapping ?? layoutMapping);
        agenda.watched = false;
      }
    }
    part.header = header;
    part.columnMap = columnMap;
    // Two equally strong columns for one field that differ in a row stop the run here (map/column-map.ts).
    const rivalNotes = checkRivalColumns(columnMap, read.slice(start));
    warnings.push(...sheet.warnings, ...columnMap.warnings, ...rivalNotes, ...notes);
  }
  agenda.warnings = [...new Set(warnings)];
  return agenda;
}

async function* singleRowBatches(rows: AsyncIterable<RawRow>): AsyncGenerator<RawRow[]> {
  for await (const raw of rows) yield [raw];
}
