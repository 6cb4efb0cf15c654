// The records of a delimited file, as csv-parse hands them out, a batch at a time; with how the
// file ends (file-tail.ts). One place for csv-parse's options and the bytes it is fed, whether the
// parse runs on the main thread or in the parse worker (csv-parse-worker.ts).
import { createReadStream } from 'node:fs';
import { Readable, finished, pipeline } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { acceptEveryRecordLength } from './csv-parse-patch.js';
import { watchFileTail, type FileTail } from './file-tail.js';
import { MAX_CSV_RECORD_BYTES } from './limits.js';
import type { Delimiter } from './sniff-delimiter.js';
import type { TextEncoding } from './text-encoding.js';
import { wakeSignal } from './wake-signal.js';

/** What the parse needs to know of the file; plain data, so it can be handed to the worker. */
export interface CsvInput {
  path: string;
  encoding: TextEncoding;
  /** The file starts with a UTF-8 byte-order mark (3 bytes csv-parse must not see). */
  utf8Bom: boolean;
  delimiter: Delimiter;
}

export interface CsvRecords {
  /**
   * Records in file order, a batch at a time. Stopping early (`return()`) stops the parse. A
   * parse or read error is thrown after the batches of the records before it.
   */
  batches: AsyncGenerator<string[][], void, undefined>;
  /** Filled in once `batches` is done. */
  tail: FileTail;
}

/** The records, parsed on this thread. */
export function csvRecords(input: CsvInput): CsvRecords {
  const { stream: tailWatch, tail } = watchFileTail();
  const parser = parse({
    delimiter: input.delimiter,
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
    input.encoding === 'utf-8'
      ? createReadStream(input.path, { highWaterMark: 64 * 1024, start: input.utf8Bom ? 3 : 0 })
      : // One decoded chunk in flight: Readable.from would otherwise buffer 16 of them ahead of the parser.
        Readable.from(decodeChunks(input.path, input.encoding), { highWaterMark: 1 });
  pipeline(source, tailWatch, parser, () => {
    // Errors reach the reader through the parser's iterator.
  });
  return { batches: recordBatches(parser), tail };
}

/**
 * The parser's records a batch at a time: every record it holds is taken at once (`read()` until it
 * has none), then one wait for the next. Its own async iterator costs a promise and a turn of the
 * event loop per record. Stopping early destroys the parser (and so the file stream).
 */
async function* recordBatches(parser: Parser): AsyncGenerator<string[][], void, undefined> {
  const { wait, wake: notify } = wakeSignal();
  let done = false;
  let failure: unknown = null;
  const stopWatching = finished(parser, (error) => {
    done = true;
    failure = error ?? null;
    notify();
  });
  parser.on('readable', notify);
  try {
    for (;;) {
      const batch: string[][] = [];
      let record: string[] | null;
      // As Node's own iterator: nothing more is taken from a destroyed parser.
      while (!parser.destroyed && (record = parser.read() as string[] | null) !== null) batch.push(record);
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure !== null) throw failure;
      if (done) return;
      await wait();
    }
  } finally {
    parser.off('readable', notify);
    stopWatching();
    if (!done) parser.destroy();
  }
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
