// The least work any `validate` of the bench agenda must do, built on the product's own CSV reader
// (the build's read/csv-records.js, or its parse worker read/csv-worker-records.js): the floor under
// issue 15's goals, measured beside them (bench/validate-floor.bench.ts). Per record it does
// only what no validate can skip, each in the cheapest form, and nothing a real one also does
// (no mapping by header, no cell model, no time zones, no messages, no HTML, no plan):
//   - each field's cell taken into one row object;
//   - the import_id checked unique (a Map of every id: duplicates must be found);
//   - every row held until the end (as one string of its cells: the cheapest form measured), as
//     validate holds its rows until the sheet-wide column facts are decided;
//   - the row's session key (title, date, times, room) hashed and grouped (presenter rows: a Map);
//   - the date, start, end and zone texts looked up in per-column memos (a column repeats a few
//     hundred texts; each is worked out once, here by a trivial parse);
//   - one report line written.
// It checks the bench agenda's own columns only, so it measures this file, not any sheet.
import { createWriteStream } from 'node:fs';
import { AGENDA_HEADERS } from './agenda.js';
import { importMeasured } from './measured-import.js';
import type { CsvInput, CsvRecords } from '../src/read/csv-records.js';

type CsvReaders = typeof import('../src/read/csv-records.js') & typeof import('../src/read/csv-worker-records.js');

/** The reader of the build in BENCH_VALIDATE_DIST (the parse worker needs a built file), else src/. */
export async function loadCsvReaders(): Promise<CsvReaders> {
  const [records, worker] = await Promise.all([importMeasured('read/csv-records.js'), importMeasured('read/csv-worker-records.js')]);
  return { ...records, ...worker } as CsvReaders;
}

/** The bench agenda as read by the product's reader, its data rows counted and nothing else done. */
export async function countCsvRecords(readers: CsvReaders, file: string, onWorker: boolean): Promise<number> {
  let records = 0;
  for await (const batch of openRecords(readers, file, onWorker).batches) records += batch.length;
  return records - 1;
}

function openRecords(readers: CsvReaders, file: string, onWorker: boolean): CsvRecords {
  const input: CsvInput = { path: file, encoding: 'utf-8', utf8Bom: false, delimiter: ',' };
  return onWorker ? readers.workerCsvRecords(input) : readers.csvRecords(input);
}

interface MinimalRow {
  id: string;
  name: string;
  description: string;
  date: string;
  start: string;
  end: string;
  zone: string;
  room: string;
  track: string;
  rating: string;
}

/** FNV-1a over a text, continuing from `hash`, with a separator after it. */
function mix(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0xffff, 0x01000193);
}

/** A memo of what each distinct text of one column says, worked out once per text. */
function columnMemo<T>(work: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) memo.set(text, (value = work(text)));
    return value;
  };
}

/** Minutes after midnight of "7:05 AM", or NaN. */
function clockMinutes(text: string): number {
  const match = /^(\d{1,2}):(\d{2})\s*([AP]M)$/i.exec(text.trim());
  if (match === null) return Number.NaN;
  return ((Number(match[1]) % 12) + (match[3]!.toUpperCase() === 'PM' ? 12 : 0)) * 60 + Number(match[2]);
}

/** Returns the rows checked; writes the report to `reportPath`. */
export async function minimalValidate(readers: CsvReaders, file: string, reportPath: string, onWorker: boolean): Promise<number> {
  const records = openRecords(readers, file, onWorker);
  const out = createWriteStream(reportPath);
  const ids = new Map<string, number>();
  // Every row is held until the end, as validate holds its rows until the column facts are
  // decided, in the cheapest form measured: one string of its cells (the bench agenda has no NUL).
  const held: string[] = [];
  // Each session's first row by its key's hash; a hash shared by two keys (~5 in 100k) is told
  // apart by the held row's cells.
  const sessions = new Map<number, number>();
  const dates = columnMemo((text) => text.split('/').map(Number));
  const times = columnMemo(clockMinutes);
  const zones = columnMemo((text) => text.includes('/'));
  let header: string[] | null = null;
  let rows = 0;
  let problems = 0;
  let pending = 'sheet,row,import_id,name,action,outcome,session_id,http_status,changed_fields,message\n';
  for await (const batch of records.batches) {
    for (const cells of batch) {
      if (header === null) {
        header = cells;
        if (header.join() !== AGENDA_HEADERS.join()) throw new Error(`minimal validate reads the bench agenda only, not ${file}`);
        continue;
      }
      rows++;
      const row: MinimalRow = {
        id: cells[0] ?? '',
        name: cells[1] ?? '',
        description: cells[2] ?? '',
        date: cells[3] ?? '',
        start: cells[4] ?? '',
        end: cells[5] ?? '',
        zone: cells[6] ?? '',
        room: cells[7] ?? '',
        track: cells[8] ?? '',
        rating: cells[9] ?? '',
      };
      const [month, day] = dates(row.date);
      const start = times(row.start);
      const end = times(row.end);
      if (!(month! >= 1 && day! >= 1 && start < end && zones(row.zone))) problems++;
      if (ids.has(row.id)) problems++;
      else ids.set(row.id, rows);
      const key = mix(mix(mix(mix(mix(0x811c9dc5, row.name), row.date), row.start), row.end), row.room) & 0x3fffffff;
      held.push(cells.join('\u0000'));
      const firstAt = sessions.get(key);
      if (firstAt === undefined) sessions.set(key, held.length - 1);
      else {
        const first = held[firstAt]!.split('\u0000');
        if (first[1] === row.name && first[3] === row.date && first[4] === row.start && first[5] === row.end && first[7] === row.room)
          problems++;
      }
      pending += `agenda.csv,${rows + 1},${row.id},${row.name},create,planned,,,,\n`;
      if (pending.length > 64 * 1024) {
        out.write(pending);
        pending = '';
      }
    }
  }
  out.end(pending);
  await new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  if (problems > 0) throw new Error(`minimal validate: ${problems} rows with problems in the bench agenda`);
  return rows;
}
