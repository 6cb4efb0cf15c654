import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSheet } from '../../src/read/index.js';
import { BATCHES_AHEAD, CHARACTERS_PER_BATCH, type ParseWorkerMessage, RECORDS_PER_BATCH } from '../../src/read/csv-parse-worker.js';
import { csvRecords, type CsvInput } from '../../src/read/csv-records.js';
import { CSV_WORKER_MIN_BYTES, csvWorkersStarted, workerCsvRecords } from '../../src/read/csv-worker-records.js';
import type { OpenSheetOptions } from '../../src/read/types.js';
import type { RawRow } from '../../src/types.js';
import { scoreHeader } from './helpers.js';

// A large CSV is parsed on a worker thread (src/read/csv-worker-records.ts). Whatever the file, the
// rows, header, warnings and errors must be those of the parse on the main thread, in the same
// order; GUIDEBOOK_IMPORT_CSV_WORKER=0/1 forces either path. (The whole of test/read also passes
// with GUIDEBOOK_IMPORT_CSV_WORKER=1.)

const tmp = mkdtempSync(join(tmpdir(), 'read-csv-worker-'));
function tempFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

interface ReadOutcome {
  header: unknown;
  encoding: string | undefined;
  warnings: string[];
  rows: RawRow[];
  error: string | null;
}

/** Everything a read gives, rows up to an error included, with the worker forced on or off. */
async function readWith(worker: '0' | '1', path: string, options: Partial<OpenSheetOptions> = {}): Promise<ReadOutcome> {
  vi.stubEnv('GUIDEBOOK_IMPORT_CSV_WORKER', worker);
  const rows: RawRow[] = [];
  try {
    const source = await openSheet(path, { scoreHeader, ...options });
    try {
      for await (const batch of source.rowBatches!) rows.push(...batch);
    } catch (error) {
      return { header: source.header, encoding: source.encoding, warnings: source.warnings, rows, error: (error as Error).message };
    }
    return { header: source.header, encoding: source.encoding, warnings: source.warnings, rows, error: null };
  } catch (error) {
    return { header: null, encoding: undefined, warnings: [], rows, error: (error as Error).message };
  } finally {
    vi.unstubAllEnvs();
  }
}

async function expectSameBothWays(path: string, options: Partial<OpenSheetOptions> = {}): Promise<ReadOutcome> {
  const before = csvWorkersStarted();
  const onWorker = await readWith('1', path, options);
  expect(csvWorkersStarted()).toBe(before + 1);
  const inProcess = await readWith('0', path, options);
  expect(csvWorkersStarted()).toBe(before + 1);
  expect(onWorker).toEqual(inProcess);
  return onWorker;
}

/** An agenda of `rows` rows with quoted multi-line, comma and quote cells, CRLF line ends. */
function agendaText(rows: number, newline = '\r\n'): string {
  const lines = ['Title,Date,Start,Room,Description'];
  for (let i = 0; i < rows; i++) {
    const description = i % 3 === 0 ? `"Part one, ""quoted""${newline}${newline}- part two ${i} — café"` : i % 3 === 1 ? '' : `plain ${i}`;
    lines.push(`Session ${i},2027-03-0${1 + (i % 9)},09:${String(i % 60).padStart(2, '0')},"Room ${i % 7}, East",${description}`);
  }
  return `${lines.join(newline)}${newline}`;
}

describe('CSV parse worker', () => {
  it('parses a file over the size threshold on the worker by default, with the same rows as on the main thread', async () => {
    let rows = 0;
    let text = agendaText(0);
    while (Buffer.byteLength(text) < CSV_WORKER_MIN_BYTES) text = agendaText((rows += 20_000));
    const path = tempFile('big.csv', text);
    const small = tempFile('small.csv', agendaText(100));
    // Unset: the size decides (whatever the environment the tests run in).
    vi.stubEnv('GUIDEBOOK_IMPORT_CSV_WORKER', '');
    const before = csvWorkersStarted();
    const source = await openSheet(path, { scoreHeader });
    const byDefault: RawRow[] = [];
    for await (const batch of source.rowBatches!) byDefault.push(...batch);
    // On one core the two threads would only take turns: the default then keeps the main thread.
    const started = availableParallelism() > 1 ? 1 : 0;
    expect(csvWorkersStarted()).toBe(before + started);
    expect(byDefault).toHaveLength(rows);
    expect(byDefault[0]).toEqual({
      sheet: 'big.csv',
      row: 2,
      cells: ['Session 0', '2027-03-01', '09:00', 'Room 0, East', 'Part one, "quoted"\r\n\r\n- part two 0 — café'],
    });
    // An empty cell is null, as on the main thread.
    expect(byDefault[1]!.cells[4]).toBeNull();
    await collectRows(small);
    expect(csvWorkersStarted()).toBe(before + started);
    expect(byDefault).toEqual((await readWith('0', path)).rows);
    expect(csvWorkersStarted()).toBe(before + 1);
  });

  it('gives the same rows for multi-line quoted cells, LF and CRLF, a byte-order mark, UTF-16 and Windows-1252', async () => {
    const text = agendaText(3000);
    await expectSameBothWays(tempFile('crlf.csv', text));
    await expectSameBothWays(tempFile('lf.csv', agendaText(3000, '\n')));
    await expectSameBothWays(tempFile('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])));
    const utf16 = await expectSameBothWays(tempFile('utf16.csv', Buffer.from(`\ufeff${text}`, 'utf16le')));
    expect(utf16.encoding).toBe('utf-16le');
    const latin = await expectSameBothWays(tempFile('latin.csv', Buffer.from(text.replaceAll('—', '-'), 'latin1')));
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.rows).toHaveLength(3000);
  });

  it('drops the parse started as UTF-8 when a byte past the head is not UTF-8, and reads the file as Windows-1252', async () => {
    // The head is plain ASCII, so the worker starts parsing as UTF-8 while the whole file is checked.
    const text = `${agendaText(3000).replaceAll('—', '-').replaceAll('café', 'cafe')}Caf\u00e9 night,2027-03-02,20:00,Bar,late\r\n`;
    const path = tempFile('late-latin.csv', Buffer.from(text, 'latin1'));
    const before = csvWorkersStarted();
    const onWorker = await readWith('1', path);
    // The worker started on the head's guess and the one started for the file as it is.
    expect(csvWorkersStarted()).toBe(before + 2);
    const inProcess = await readWith('0', path);
    expect(onWorker).toEqual(inProcess);
    expect(onWorker.encoding).toBe('windows-1252');
    expect(onWorker.rows.at(-1)!.cells[0]).toBe('Caf\u00e9 night');
    expect(onWorker.rows).toHaveLength(3001);
  });

  it('keeps the parse started as UTF-8 when the whole file is UTF-8: one worker', async () => {
    const before = csvWorkersStarted();
    const read = await readWith('1', tempFile('utf8.csv', agendaText(3000)));
    expect(csvWorkersStarted()).toBe(before + 1);
    expect(read.encoding).toBe('utf-8');
    expect(read.rows[0]!.cells[4]).toBe('Part one, "quoted"\r\n\r\n- part two 0 — café');
  });

  it('gives the same rows, header and warnings for a ragged file, title rows and a file cut short', async () => {
    const lines = ['Programme', '', 'Title,Room,Track'];
    for (let i = 0; i < 5000; i++) lines.push(i % 2 === 0 ? `T${i},R` : i % 4 === 1 ? `T${i},R,K,extra` : `T${i},R,K`);
    const ragged = await expectSameBothWays(tempFile('ragged.csv', `${lines.join('\n')}\n`));
    expect(ragged.rows[0]).toEqual({ sheet: 'ragged.csv', row: 4, cells: ['T0', 'R', null] });

    const cut = await expectSameBothWays(tempFile('cut.csv', `${agendaText(2000)}Last,2027-03-01,"09:00`));
    expect(cut.warnings.at(-1)).toMatch(/the file ends inside a quoted cell/);
    const short = await expectSameBothWays(tempFile('short.csv', `${agendaText(2000)}Last,2027-03-01`));
    expect(short.warnings.at(-1)).toMatch(/the last row has 2 of 5 cells/);
  });

  it('gives the rows before a CSV error, then the same error naming its row', async () => {
    const outcome = await expectSameBothWays(tempFile('error.csv', `${agendaText(4000)}"unclosed,2027-03-01\n`));
    expect(outcome.error).toMatch(/could not be read as CSV: row 4002: Quote Not Closed/);
    expect(outcome.rows).toHaveLength(4000);
  });

  it('stops past maxRows with the same rows and error, and past a record over the size limit', async () => {
    const capped = await expectSameBothWays(tempFile('capped.csv', agendaText(5000)), { maxRows: 3000 });
    expect(capped.rows).toHaveLength(3000);
    expect(capped.error).toMatch(/has more than 3,?000 data rows/);
    const runaway = await expectSameBothWays(tempFile('runaway.csv', `Title,Room\nA,"${'x'.repeat(9 * 1024 * 1024)}\n`));
    expect(runaway.error).toMatch(/could not be read as CSV: row 2: Max Record Size/);
  });
});

describe('CSV parse worker, failures and backpressure', () => {
  const input = (path: string): CsvInput => ({ path, encoding: 'utf-8', utf8Bom: false, delimiter: ',' });

  it('throws when the worker is lost mid-file, after the batches it sent: never a short read', async () => {
    const path = tempFile('lost.csv', agendaText(20_000));
    let worker: { terminate(): Promise<number> } | undefined;
    const { batches } = workerCsvRecords(input(path), (started) => {
      worker = started;
    });
    let records = 0;
    const read = (async () => {
      for await (const batch of batches) {
        records += batch.length;
        if (worker !== undefined) {
          await worker.terminate();
          worker = undefined;
        }
      }
    })();
    await expect(read).rejects.toThrow(/the CSV parse thread stopped before the end of the file/);
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(20_001);
  });

  it('parses at most a few batches ahead of the main thread, and stops when the read is left', async () => {
    const path = tempFile('ahead.csv', agendaText(50_000));
    let posted = 0;
    let exited = false;
    const { batches } = workerCsvRecords(input(path), (worker) => {
      worker.on('message', () => posted++);
      worker.on('exit', () => {
        exited = true;
      });
    });
    const first = await batches.next();
    expect(first.done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The first batch was taken: at most BATCHES_AHEAD more are posted until more are taken.
    expect(posted).toBeLessThanOrEqual(BATCHES_AHEAD + 1);
    expect(posted * RECORDS_PER_BATCH * 2).toBeLessThan(50_000);
    await batches.return();
    await vi.waitFor(() => expect(exited).toBe(true));
  });

  it('posts long cells in smaller batches, so a batch never holds much more than a megabyte of text', async () => {
    const long = 'x'.repeat(300_000);
    const path = tempFile('long-cells.csv', `Title,Notes\n${Array.from({ length: 40 }, (_, i) => `T${i},"${long}"`).join('\n')}\n`);
    const sizes: number[] = [];
    const { batches } = workerCsvRecords(input(path), (worker) => {
      worker.on('message', (message: ParseWorkerMessage) => {
        if (message.kind === 'records') sizes.push(message.records.flat().reduce((sum, cell) => sum + cell.length, 0));
      });
    });
    let records = 0;
    for await (const batch of batches) records += batch.length;
    expect(records).toBe(41);
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBeLessThan(CHARACTERS_PER_BATCH + long.length + 100);
  });

  it('ends with the same tail as the parse on the main thread', async () => {
    const path = tempFile('tail.csv', `${agendaText(1000)}Last,2027-03-01,"09:00`);
    const onWorker = workerCsvRecords(input(path));
    const here = csvRecords(input(path));
    const all = async (batches: AsyncIterable<string[][]>) => {
      const out: string[][] = [];
      for await (const batch of batches) out.push(...batch);
      return out;
    };
    expect(await all(onWorker.batches)).toEqual(await all(here.batches));
    expect(onWorker.tail).toEqual({ endsWithLineBreak: false, closedOpenQuote: true });
    expect(onWorker.tail).toEqual(here.tail);
  });
});

async function collectRows(path: string): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of (await openSheet(path, { scoreHeader })).rows) rows.push(row);
  return rows;
}
