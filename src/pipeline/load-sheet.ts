// read → map: a sheet file becomes mapped rows, once, with the run-level warnings of both stages.
import { buildColumnMap, mapRow, normaliseHeader, scoreHeaderRow, type ColumnMap, type MappingConfig } from '../map/index.js';
import { openSheet, type SheetFormat } from '../read/index.js';
import type { MappedRow, RawRow, SheetHeader } from '../types.js';

export interface SheetInput {
  file: string;
  /** Sheet name or 1-based index. */
  sheet?: string | number;
  /** A mapping file path, or an already loaded mapping. */
  mapping?: string | MappingConfig;
}

export interface LoadedSheet {
  file: string;
  format: SheetFormat;
  sheet: string;
  header: SheetHeader;
  columnMap: ColumnMap;
  mapping?: MappingConfig;
  rows: MappedRow[];
  warnings: string[];
}

export async function loadSheet(input: SheetInput): Promise<LoadedSheet> {
  const opened = await openMappedSheet(input);
  const rows: MappedRow[] = [];
  for await (const batch of opened.rowBatches) for (const raw of batch) rows.push(mapRow(raw, opened.columnMap));
  const { file, format, sheet, header, columnMap, mapping } = opened;
  return { file, format, sheet, header, columnMap, mapping, rows, warnings: opened.warnings() };
}

/** A sheet opened with its column map, its rows still to be read (as read, not yet mapped). */
export interface OpenedMappedSheet extends Omit<LoadedSheet, 'rows' | 'warnings'> {
  /** Iterate once; map each row with `columnMap`. */
  rows: AsyncIterable<RawRow>;
  /** The same rows a batch at a time (one await per batch for CSV); iterate `rows` or this, once. */
  rowBatches: AsyncIterable<RawRow[]>;
  /** The read and map stages' run-level warnings, complete once the rows have been read. */
  warnings(): string[];
}

export async function openMappedSheet(input: SheetInput): Promise<OpenedMappedSheet> {
  const mapping = typeof input.mapping === 'string' ? await readMappingFile(input.mapping) : input.mapping;
  const source = await openSheet(input.file, { sheet: input.sheet, scoreHeader: headerScorer(mapping) });
  const columnMap = buildColumnMap(source.header, mapping);
  return {
    file: input.file,
    format: source.format,
    sheet: source.sheet,
    header: source.header,
    columnMap,
    mapping,
    rows: source.rows,
    rowBatches: source.rowBatches ?? singleRowBatches(source.rows),
    warnings: () => [...source.warnings, ...columnMap.warnings],
  };
}

/**
 * The header is the row with the most known column names. A mapping file exists for sheets whose
 * headers are not known ("Kennung", "Beginn"), so the columns it names count as known too.
 */
function headerScorer(mapping: MappingConfig | undefined): (cells: string[]) => number {
  const named = new Set(Object.keys(mapping?.columns ?? {}).map(normaliseHeader).filter((key) => key !== ''));
  if (named.size === 0) return scoreHeaderRow;
  return (cells) => {
    let extra = 0;
    for (const cell of cells) if (typeof cell === 'string' && named.has(normaliseHeader(cell)) && scoreHeaderRow([cell]) === 0) extra++;
    return scoreHeaderRow(cells) + extra;
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
