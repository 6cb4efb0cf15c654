// The records of a large delimited file parsed on a second thread (csv-parse-worker.ts), so the
// main thread maps and checks rows while the next ones are parsed: a 100k-row validate's wall time
// moves towards the parse alone. The records, their order, errors and the file's tail are the same
// as csvRecords' on this thread (test/read/csv-worker.test.ts).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ParseWorkerMessage, PostedError, TakenMessage } from './csv-parse-worker.js';
import type { CsvInput, CsvRecords } from './csv-records.js';
import type { FileTail } from './file-tail.js';
import { wakeSignal } from './wake-signal.js';

/**
 * Files from this size on are parsed on the worker. On the 22 MB bench agenda the worker took
 * ~25 ms of main-thread CPU per MB off (2.25 s → 1.72 s) for ~10 % more CPU in all (records are
 * copied between threads once); starting it costs ~30-50 ms. Below a few MB (~20k agenda rows)
 * that start is not won back.
 */
export const CSV_WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Whether a file of `size` bytes is parsed on the worker. GUIDEBOOK_IMPORT_CSV_WORKER is a
 * diagnostic switch (benchmarks, tests): "0" never, "1" always, unset by size (and cores).
 */
export function useCsvWorker(size: number): boolean {
  const forced = process.env.GUIDEBOOK_IMPORT_CSV_WORKER;
  if (forced === '0') return false;
  if (forced === '1') return true;
  // With one core the two threads only take turns: the copying between them is all the worker adds.
  return size >= CSV_WORKER_MIN_BYTES && availableParallelism() > 1 && existsSync(workerFile());
}

let started = 0;

/** How many parse workers this process started (tests check which path a read took). */
export function csvWorkersStarted(): number {
  return started;
}

/** The records of a parse worker, with a way to stop it that holds whether or not `batches` was started. */
export interface WorkerCsvRecords extends CsvRecords {
  /** Stops the worker and drops what it parsed (a generator never started runs no `finally` on `return()`). */
  stop(): void;
}

/**
 * The records, parsed on a worker thread started now (so that it boots and parses while this
 * thread does something else). `onStart` sees the worker (tests stop it to check that a lost
 * worker is an error, never a short read).
 */
export function workerCsvRecords(input: CsvInput, onStart?: (worker: Worker) => void): WorkerCsvRecords {
  const tail: FileTail = { endsWithLineBreak: true, closedOpenQuote: false };
  const worker = startWorker(input);
  started++;
  // The worker keeps the process alive only while a batch is awaited: a read abandoned without
  // `return()` must not hold the process open.
  worker.unref();
  const queue: string[][][] = [];
  let outcome: { failure: Error | null } | null = null;
  const { wait, wake: notify } = wakeSignal();
  const settle = (failure: Error | null): void => {
    outcome ??= { failure };
    notify();
  };
  worker.on('message', (message: ParseWorkerMessage) => {
    if (message.kind === 'records') {
      queue.push(message.records);
      notify();
    } else if (message.kind === 'end') {
      Object.assign(tail, message.tail);
      settle(null);
    } else settle(errorFrom(message.error));
  });
  worker.on('error', (error: Error) => settle(new Error(`the CSV parse thread failed: ${error.message}`, { cause: error })));
  // Every message the worker posted arrives before 'exit': an exit before its last message is a lost worker.
  worker.on('exit', (code) => settle(new Error(`the CSV parse thread stopped before the end of the file (exit code ${code})`)));
  onStart?.(worker);
  const stop = (): void => {
    if (outcome === null) void worker.terminate();
  };

  async function* batches(): AsyncGenerator<string[][], void, undefined> {
    const taken: TakenMessage = 1;
    try {
      for (;;) {
        const records = queue.shift();
        if (records !== undefined) {
          worker.postMessage(taken);
          yield records;
          continue;
        }
        if (outcome !== null) {
          const { failure } = outcome;
          if (failure !== null) throw failure;
          return;
        }
        worker.ref();
        await wait();
        worker.unref();
      }
    } finally {
      stop();
    }
  }
  return { batches: batches(), tail, stop };
}

/** The error the worker posted, with the fields the reader's messages use. */
function errorFrom(posted: PostedError): Error {
  const error = new Error(posted.message) as Error & { code?: string; records?: number };
  if (posted.code !== undefined) error.code = posted.code;
  if (posted.records !== undefined) error.records = posted.records;
  return error;
}

/**
 * The worker's file is beside this module, with its extension: `.js` in dist/ (a bundle must keep
 * csv-parse-worker.js as an entry of its own, in the directory of the code that starts it), `.ts`
 * when run from the sources (tsx, vitest).
 */
function workerFile(): URL {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new URL(`./csv-parse-worker.${extension}`, import.meta.url);
}

function startWorker(input: CsvInput): Worker {
  // node:worker_threads is asked for here, not imported: a small CSV starts no worker, and loading
  // it cost ~4 ms of every start-up (issue 15).
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const file = workerFile();
  // No execArgv of the process: its preloads (--import/--require hooks meant for the application,
  // a loader, an agent) would run again in a thread that only parses (measured: ~15-30 MB of RSS).
  if (file.pathname.endsWith('.js')) return new Worker(file, { workerData: input, execArgv: [] });
  // From the sources: Node 20 gives a worker none of the main thread's module hooks, and tsx's
  // --import entry registers nothing off the main thread; so the worker registers tsx's ESM hooks
  // itself (tsx/esm/api's ESM build: its CommonJS build cannot find its own files when loaded so)
  // before it loads the TypeScript.
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(code, { eval: true, workerData: input });
}
