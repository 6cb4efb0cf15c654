import { createReadStream } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import type { CellValue, RawRow } from '../types.js';
import { fileError } from './file-error.js';
import { findHeaderRow, isEmptyRow, noHeaderMessage, alignCells, type HeaderCandidate } from './header-row.js';
import { HEADER_SCAN_ROWS, MAX_CSV_RECORD_BYTES } from './limits.js';
import type { OpenedFile, ReadSettings } from './opened-file.js';
import { tooManyRows } from './row-limit.js';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter.js';
import { detectTextEncoding, encodingFromBom, type TextEncoding } from './text-encoding.js';
import type { SheetSource } from './types.js';

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
  const { encoding, warning } = await detectTextEncoding(file.path, file.head);
  if (warning !== undefined) warnings.push(warning);
  const delimiter = sniffDelimiter(decodeSample(file.head, encoding), preferred);
  if (settings.sheet !== undefined && !namesThisFile(settings.sheet, file.baseName)) {
    warnings.push(`--sheet ${JSON.stringify(String(settings.sheet))} ignored: a ${delimiterName(delimiter)} file has one sheet`);
  }

  const records: AsyncIterator<string[]> = parseRecords(file, encoding, delimiter)[Symbol.asyncIterator]();
  const candidates: HeaderCandidate[] = [];
  const pending: Array<{ row: number; record: string[] }> = [];
  let recordNumber = 0;
  try {
    while (recordNumber < HEADER_SCAN_ROWS) {
      const next = await records.next();
      if (next.done === true) break;
      recordNumber++;
      pending.push({ row: recordNumber, record: next.value });
      const texts = next.value.map((cell) => cell.trim());
      if (texts.some((text) => text !== '')) candidates.push({ row: recordNumber, texts });
    }
  } catch (error) {
    await records.return?.();
    throw csvError(file, error);
  }

  const header = findHeaderRow(candidates, settings.scoreHeader);
  if (header === null) {
    await records.return?.();
    throw fileError(file.label, noHeaderMessage(candidates));
  }

  const sheet = file.baseName;
  const width = header.headers.length;
  const afterHeader = pending.filter((entry) => entry.row > header.row);

  async function* rows(): AsyncGenerator<RawRow> {
    let count = 0;
    let row = recordNumber;
    const toRawRow = (rowNumber: number, record: string[]): RawRow | null => {
      // The record is csv-parse's new array for this row: its empty cells become null in place.
      const values: CellValue[] = record;
      for (let i = 0; i < values.length; i++) if (values[i] === '') values[i] = null;
      const cells = alignCells(values, width);
      if (isEmptyRow(cells)) return null;
      if (++count > settings.maxRows) throw tooManyRows(file.label, settings.maxRows);
      return { sheet, row: rowNumber, cells };
    };
    try {
      for (const entry of afterHeader) {
        const raw = toRawRow(entry.row, entry.record);
        if (raw !== null) yield raw;
      }
      for (;;) {
        let next: IteratorResult<string[]>;
        try {
          next = await records.next();
        } catch (error) {
          throw csvError(file, error);
        }
        if (next.done === true) return;
        const raw = toRawRow(++row, next.value);
        if (raw !== null) yield raw;
      }
    } finally {
      await records.return?.();
    }
  }

  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    sheet,
    header: { sheet, row: header.row, headers: header.headers },
    rows: rows(),
    encoding,
    delimiter,
    warnings,
  };
}

function parseRecords(file: OpenedFile, encoding: TextEncoding, delimiter: Delimiter): Parser {
  const parser = parse({
    delimiter,
    // Mixed line endings happen when rows are pasted from elsewhere; a fixed CRLF would leave \r in cells.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_CSV_RECORD_BYTES,
  });
  acceptEveryRecordLength(parser);
  // csv-parse reads UTF-8 bytes: a file found to be valid UTF-8 goes to it as it is on disk (past
  // its byte-order mark), without being decoded to text and encoded back.
  const source =
    encoding === 'utf-8'
      ? createReadStream(file.path, { highWaterMark: 64 * 1024, start: encodingFromBom(file.head) === 'utf-8' ? 3 : 0 })
      : // One decoded chunk in flight: Readable.from would otherwise buffer 16 of them ahead of the parser.
        Readable.from(decodeChunks(file.path, encoding), { highWaterMark: 1 });
  pipeline(source, parser, () => {
    // Errors reach the reader through the parser's iterator.
  });
  return parser;
}

/** The part of csv-parse 7's parser state this reader touches (`parser.api`, not a public API). */
interface ParserInternals {
  state: { record: unknown[]; expectedRecordLength: number | undefined };
  __onRecord: (this: ParserInternals, ...args: unknown[]) => unknown;
}

/**
 * csv-parse 7.0.3 builds a CsvError for every record whose length differs from the first record's
 * (`__onRecord`: a stack trace and a JSON copy of the record), before it looks at
 * relax_column_count, which then only counts it; no option skips the check. A ragged 100k-row file
 * parsed 3-4× slower for it. The reader pads short rows and drops extra cells itself (alignCells),
 * so each record is declared the expected length just before csv-parse compares it: records come
 * out exactly as before, with no error built. Should a later csv-parse not have this shape, nothing
 * is changed and ragged files are only slower (test/read/csv.test.ts notices).
 */
function acceptEveryRecordLength(parser: Parser): void {
  const api = (parser as unknown as { api?: Partial<ParserInternals> }).api;
  const onRecord = api?.__onRecord;
  const state = api?.state;
  if (typeof onRecord !== 'function' || state === undefined || !('expectedRecordLength' in state)) return;
  api!.__onRecord = function (this: ParserInternals, ...args: unknown[]): unknown {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

async function* decodeChunks(path: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    stream.destroy();
  }
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
