import type { CellValue, RawRow } from '../types.js';
import { csvRecords, type CsvInput } from './csv-records.js';
import { useCsvWorker, workerCsvRecords, type WorkerCsvRecords } from './csv-worker-records.js';
import { fileError, tooManyRows } from './file-error.js';
import type { FileTail } from './file-tail.js';
import { isEmptyRow, noHeaderMessage, alignCells, type HeaderCandidate } from './header-row.js';
import { chooseLayout, layOutRows, type SheetRowCells } from './sheet-layout.js';
import { isAllSheets } from './sheet-choice.js';
import { HEADER_SCAN_ROWS } from './limits.js';
import type { OpenedFile, ReadSettings, SheetSource } from './types.js';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter.js';
import { detectTextEncoding, encodingFromBom, headIsUtf8, type TextEncoding } from './text-encoding.js';

/**
 * A CSV/TSV/TXT file as a sheet, streamed: records are parsed and handed out as the file is read,
 * so a 100k-row file never sits in memory whole. Row numbers count records (a quoted cell that
 * spans lines is one row, as a spreadsheet shows it), empty lines included.
 */
export async function openDelimitedSheet(
  file: OpenedFile,
  settings: ReadSettings,
  preferred: Delimiter,
  warnings: string[],
): Promise<SheetSource> {
  // Telling UTF-8 from Windows-1252 reads the whole file (60-80 ms for the 22-90 MB bench
  // agendas). A large file whose head is UTF-8 starts on the parse worker as UTF-8 meanwhile
  // (the worker's start-up and first batches overlap the check); nothing it parsed is taken
  // before the check agrees, and it is stopped when the check does not.
  const early = useCsvWorker(file.size) && headIsUtf8(file.head) ? startUtf8Parse(file, preferred) : null;
  let detected: Awaited<ReturnType<typeof detectTextEncoding>>;
  try {
    detected = await detectTextEncoding(file.path, file.head);
  } catch (error) {
    early?.stop();
    throw error;
  }
  const { encoding, warning } = detected;
  if (warning !== undefined) warnings.push(warning);
  const delimiter = sniffDelimiter(decodeSample(file.head, encoding), preferred);
  if (settings.sheet !== undefined && !namesThisFile(settings.sheet, file.baseName) && !isAllSheets(settings.sheet)) {
    warnings.push(`--sheet ${JSON.stringify(String(settings.sheet))} ignored: a ${delimiterName(delimiter)} file has one sheet`);
  }

  // A large file is parsed on a worker thread while this one maps and checks its rows.
  const input: CsvInput = { path: file.path, encoding, utf8Bom: encodingFromBom(file.head) === 'utf-8', delimiter };
  // Found to be UTF-8, the file is what the early parse took it for: the same head decoded the same
  // way gives the same delimiter, and a head without a byte-order mark has none to skip.
  const kept = encoding === 'utf-8' ? early : null;
  if (kept === null) early?.stop();
  const { batches: records, tail } = kept ?? (useCsvWorker(file.size) ? workerCsvRecords(input) : csvRecords(input));
  const candidates: HeaderCandidate[] = [];
  const pending: Array<{ row: number; record: string[] }> = [];
  // Records of the batch the header scan stopped in, not yet scanned.
  let carried: string[][] = [];
  let recordNumber = 0;
  try {
    scan: while (recordNumber < HEADER_SCAN_ROWS) {
      const next = await records.next();
      if (next.done === true) break;
      const batch = next.value;
      for (let i = 0; i < batch.length; i++) {
        if (recordNumber >= HEADER_SCAN_ROWS) {
          carried = batch.slice(i);
          break scan;
        }
        const record = batch[i]!;
        recordNumber++;
        pending.push({ row: recordNumber, record });
        const texts = record.map((cell) => cell.trim());
        if (texts.some((text) => text !== '')) candidates.push({ row: recordNumber, texts });
      }
    }
  } catch (error) {
    await records.return();
    throw csvError(file, error);
  }

  const layout = chooseLayout(candidates, settings.scoreHeader, settings.headerField);
  if (layout === null) {
    await records.return();
    throw fileError(file.label, noHeaderMessage(candidates));
  }
  const sheet = file.baseName;
  const format = delimiter === '\t' ? 'tsv' : 'csv';
  if (layout.kind !== 'table') {
    const whole = await wholeRecords(file, records, pending, carried, recordNumber, settings.maxRows);
    const laidOut = layOutRows(layout, file.label, sheet, whole, []);
    warnings.push(...laidOut.warnings);
    return { format, sheet, header: laidOut.header, layout: layout.kind, rows: fromArray(laidOut.rows), encoding, delimiter, warnings };
  }
  const { header } = layout;
  const headers = header.headers;
  const width = headers.length;
  const afterHeader = pending.filter((entry) => entry.row > header.row);

  let count = 0;
  // The last record read and how many cells it had, for the warning about a file cut short.
  let lastRecord = { row: 0, cells: 0 };
  const toRawRow = (rowNumber: number, record: string[]): RawRow | null => {
    lastRecord = { row: rowNumber, cells: record.length };
    // The record is csv-parse's new array for this row: its empty cells become null in place.
    const values: CellValue[] = record;
    for (let i = 0; i < values.length; i++) if (values[i] === '') values[i] = null;
    const cells = alignCells(values, width);
    if (isEmptyRow(cells)) return null;
    if (++count > settings.maxRows) throw tooManyRows(file.label, settings.maxRows);
    return { sheet, row: rowNumber, cells };
  };

  /** The data rows a batch at a time, as csv-parse hands them over: one await per batch, not per row. */
  async function* rowBatches(): AsyncGenerator<RawRow[]> {
    let row = recordNumber;
    // An error on a row (too many rows) comes after the rows before it, as row by row.
    let failure: { error: unknown } | null = null;
    const toRawRows = (batch: string[][]): RawRow[] => {
      const out: RawRow[] = [];
      try {
        for (const record of batch) {
          const raw = toRawRow(++row, record);
          if (raw !== null) out.push(raw);
        }
      } catch (error) {
        failure = { error };
      }
      return out;
    };
    const rethrow = (): void => {
      if (failure !== null) throw failure.error;
    };
    try {
      const first: RawRow[] = [];
      try {
        for (const entry of afterHeader) {
          const raw = toRawRow(entry.row, entry.record);
          if (raw !== null) first.push(raw);
        }
      } catch (error) {
        failure = { error };
      }
      if (failure === null) first.push(...toRawRows(carried));
      carried = [];
      if (first.length > 0) yield first;
      rethrow();
      for (;;) {
        let next: IteratorResult<string[][]>;
        try {
          next = await records.next();
        } catch (error) {
          throw csvError(file, error);
        }
        if (next.done === true) {
          const warning = cutShortWarning(tail, lastRecord, headers);
          if (warning !== null) warnings.push(warning);
          return;
        }
        const raws = toRawRows(next.value);
        if (raws.length > 0) yield raws;
        rethrow();
      }
    } finally {
      await records.return();
    }
  }

  const batches = rowBatches();
  async function* rows(): AsyncGenerator<RawRow> {
    for await (const batch of batches) yield* batch;
  }

  return {
    format,
    sheet,
    header: { sheet, row: header.row, headers: header.headers },
    layout: 'table',
    rows: rows(),
    rowBatches: batches,
    encoding,
    delimiter,
    warnings,
  };
}

/** The parse worker started on a file before its encoding is known, as if it were UTF-8. */
function startUtf8Parse(file: OpenedFile, preferred: Delimiter): WorkerCsvRecords {
  const delimiter = sniffDelimiter(decodeSample(file.head, 'utf-8'), preferred);
  return workerCsvRecords({ path: file.path, encoding: 'utf-8', utf8Bom: false, delimiter });
}

/**
 * Every non-empty record of a file whose layout is read whole (a time grid, a sheet without a
 * header row): the ones the header scan read, then the rest. Empty cells become null.
 */
async function wholeRecords(
  file: OpenedFile,
  records: AsyncGenerator<string[][], void, undefined>,
  pending: ReadonlyArray<{ row: number; record: string[] }>,
  carried: string[][],
  scanned: number,
  maxRows: number,
): Promise<SheetRowCells[]> {
  const rows: SheetRowCells[] = [];
  const add = (row: number, record: string[]): void => {
    const cells: CellValue[] = record.map((cell) => (cell === '' ? null : cell));
    if (isEmptyRow(cells)) return;
    if (rows.length >= maxRows) throw tooManyRows(file.label, maxRows);
    rows.push({ row, cells });
  };
  let row = scanned;
  try {
    for (const entry of pending) add(entry.row, entry.record);
    for (const record of carried) add(++row, record);
    for (;;) {
      let next: IteratorResult<string[][]>;
      try {
        next = await records.next();
      } catch (error) {
        throw csvError(file, error);
      }
      if (next.done === true) break;
      for (const record of next.value) add(++row, record);
    }
  } finally {
    await records.return();
  }
  return rows;
}

async function* fromArray(rows: readonly RawRow[]): AsyncGenerator<RawRow> {
  yield* rows;
}

/** A warning naming the last row when the file ends without a line break and that row looks cut short. */
function cutShortWarning(tail: FileTail, last: { row: number; cells: number }, headers: readonly string[]): string | null {
  if (tail.endsWithLineBreak || last.row === 0) return null;
  if (tail.closedOpenQuote) {
    return `row ${last.row}: the file ends inside a quoted cell, with no line break after the last row: the file may have been cut short; check row ${last.row} (its last cell is read up to the end of the file)`;
  }
  if (last.cells < headers.length) {
    const missing = headers
      .slice(last.cells)
      .map((name) => JSON.stringify(name))
      .join(', ');
    return `row ${last.row}: the last row has ${last.cells} of ${headers.length} cells and no line break after it: the file may have been cut short; ${missing} ${headers.length - last.cells === 1 ? 'is' : 'are'} read as empty`;
  }
  return null;
}

/** The head decoded for sniffing; a character cut at the end of the head is dropped. */
function decodeSample(head: Buffer, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(head, { stream: true });
}

function csvError(file: OpenedFile, error: unknown): Error {
  if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
    // csv-parse counts the records it finished; the broken one is the next, as a spreadsheet numbers it.
    const records = (error as { records?: unknown }).records;
    const where = typeof records === 'number' ? `row ${records + 1}: ` : '';
    return fileError(file.label, `could not be read as CSV: ${where}${error.message}`, error);
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E')) {
    return fileError(file.label, `could not be read: ${error.message}`, error);
  }
  return error instanceof Error ? error : new Error(String(error));
}

function namesThisFile(sheet: string | number, baseName: string): boolean {
  return sheet === 1 || sheet === '1' || sheet === baseName;
}

function delimiterName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'TSV' : 'CSV';
}
