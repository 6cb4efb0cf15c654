// The parse worker's thread: reads and parses a delimited file (csv-records.ts, the same code as on
// the main thread) and posts its records to the main thread in batches, which goes on mapping and
// checking rows while the next ones are parsed. Started by csv-worker-records.ts; runs nothing
// else. Batches are posted as they are (a structured clone of string arrays): measured against
// packing a batch into one string with field offsets, or into UTF-8 bytes, it costs the main
// thread least (4-8× less) and the process the least CPU.
import { parentPort, workerData } from 'node:worker_threads';
import { csvRecords, type CsvInput } from './csv-records.js';
import type { FileTail } from './file-tail.js';
import { wakeSignal } from './wake-signal.js';

/** Records per posted batch: fewer, larger messages cost less, but batches of thousands cost more GC. */
export const RECORDS_PER_BATCH = 512;
/** Characters of cell text per posted batch: long cells (a record may hold 8 MB) make smaller batches. */
export const CHARACTERS_PER_BATCH = 1024 * 1024;
/** Batches posted and not yet taken by the main thread before the parse waits (memory bound). */
export const BATCHES_AHEAD = 4;

/** An error as it crosses threads: what the reader's messages use of it (csvError in delimited-sheet.ts). */
export interface PostedError {
  message: string;
  code?: string;
  /** csv-parse's count of the records before the broken one. */
  records?: number;
}

export type ParseWorkerMessage =
  | { kind: 'records'; records: string[][] }
  | { kind: 'end'; tail: FileTail }
  | { kind: 'error'; error: PostedError };

/** The main thread posts one (any value) each time it takes a batch. */
export type TakenMessage = 1;

function postedError(error: unknown): PostedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const posted: PostedError = { message: error.message };
  const { code, records } = error as { code?: unknown; records?: unknown };
  if (typeof code === 'string') posted.code = code;
  if (typeof records === 'number') posted.records = records;
  return posted;
}

async function run(port: NonNullable<typeof parentPort>, input: CsvInput): Promise<void> {
  let credits = BATCHES_AHEAD;
  const taken = wakeSignal();
  port.on('message', () => {
    credits++;
    taken.wake();
  });
  let pending: string[][] = [];
  let characters = 0;
  const send = async (): Promise<void> => {
    while (credits === 0) await taken.wait();
    credits--;
    const message: ParseWorkerMessage = { kind: 'records', records: pending };
    port.postMessage(message);
    pending = [];
    characters = 0;
  };
  const { batches, tail } = csvRecords(input);
  let last: ParseWorkerMessage;
  try {
    for await (const batch of batches) {
      for (const record of batch) {
        pending.push(record);
        for (const cell of record) characters += cell.length;
        if (pending.length >= RECORDS_PER_BATCH || characters >= CHARACTERS_PER_BATCH) await send();
      }
    }
    last = { kind: 'end', tail: { ...tail } };
  } catch (error) {
    // The records before the error first, as on the main thread.
    last = { kind: 'error', error: postedError(error) };
  }
  if (pending.length > 0) await send();
  port.postMessage(last);
  // Nothing else keeps the thread alive: it ends, and the main thread gets every message before 'exit'.
  port.close();
}

if (parentPort !== null) await run(parentPort, workerData as CsvInput);
