// The sources stage's one entry: the sheet argument → a SheetSource for the read/map/convert
// pipeline. A local spreadsheet goes straight to the sheet reader (this stage costs it nothing); a
// URL is fetched, "-" read from standard input, and an iCal, Sessionize or frab/pretalx feed
// (by --format, content type, extension, then content) becomes rows in the canonical columns.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, parse as parsePath } from 'node:path';
import { sha256Hex } from '../sha256.js';
import { GuidebookImportError } from '../errors.js';
import { openSheet } from '../read/open-sheet.js';
import { DEFAULT_MAX_BYTES, formatBytes } from '../read/limits.js';
import type { OpenSheetOptions, SheetSource } from '../read/types.js';
import type { FeedDays, FeedSheetSource, FeedTable } from './feed-sheet.js';
import { decideFormat, feedExtension } from './source-format.js';
import { redactUrl, sourceLocation, type SourceLocation } from './source-location.js';
import type { FetchedCopy, FetchedSource, SourceOptions } from './types.js';

/** A fetched CSV/TSV/XLSX/ODS carries the copy it was read from (`fetchedCopy`). */
export type OpenedSource = (SheetSource & { fetchedCopy?: FetchedCopy }) | FeedSheetSource;

export async function openSource(file: string, read: OpenSheetOptions, options: SourceOptions = {}): Promise<OpenedSource> {
  const location = sourceLocation(file);
  if (location.kind === 'file' && !options.fetched && !options.format && !feedExtension(file)) return openSheet(file, read);
  const fetched = options.fetched ?? (await loadSource(location, options));
  const decided = decideFormat({
    format: options.format,
    contentType: fetched.contentType,
    fileName: fetched.fileName,
    bytes: fetched.bytes,
  });
  if ('html' in decided) {
    throw new GuidebookImportError(
      'file',
      `${fetched.label}: answered a web page (HTML), not a sheet or a feed; use the link that downloads the data (an export, .csv, .ics or .json link)`,
    );
  }
  const sheetName = fetched.fileName || (location.kind === 'stdin' ? 'standard input' : 'source');
  let opened: OpenedSource;
  if (decided.format === 'ics' || decided.format === 'json') {
    const { feedSheetSource } = await import('./feed-sheet.js');
    const feed = await readFeed(decided.format, fetched, sheetName, options);
    opened = feedSheetSource(feed.table, feed.expandOver);
  } else if (location.kind === 'file' && !options.fetched) {
    opened = await openSheet(location.path, read);
  } else {
    opened = await openBytesAsSheet(fetched, decided.format, read);
  }
  opened.warnings.unshift(...fetched.notes);
  return opened;
}

/** Fetches or reads the source's bytes (for --if-source-changed, which compares them before any request). */
export async function loadSource(
  location: SourceLocation,
  options: SourceOptions,
  conditional?: { etag?: string; lastModified?: string },
): Promise<FetchedSource> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (location.kind === 'stdin') {
    const bytes = await readStdin(maxBytes);
    return { label: 'standard input', url: '-', bytes, contentType: '', fileName: '', hash: sha256Hex(bytes), notes: [] };
  }
  if (location.kind === 'file') {
    const bytes = await readLocal(location.path, maxBytes);
    return {
      label: location.path,
      url: location.path,
      bytes,
      contentType: '',
      fileName: basename(location.path),
      hash: sha256Hex(bytes),
      notes: [],
    };
  }
  const { fetchSource, isConnectionFailure } = await import('./fetch-source.js');
  const fetchFrom = (url: string, notes: string[]) =>
    fetchSource(url, { label: location.label, headers: options.headers, timeoutMs: options.timeoutMs, maxBytes, conditional, notes });
  let result: Awaited<ReturnType<typeof fetchSource>>;
  try {
    result = await fetchFrom(location.url, location.notes);
  } catch (error) {
    if (!location.fallbackUrl || !isConnectionFailure(error)) throw error;
    result = await fetchFrom(location.fallbackUrl, [
      `webcal link fetched over plain http (${redactUrl(location.fallbackUrl)}): https did not connect`,
    ]);
  }
  if (result.kind === 'not_modified') throw new NotModified();
  return result.source;
}

/** Thrown by loadSource when a conditional fetch answered 304. */
export class NotModified extends Error {
  override name = 'NotModified';
}

async function readFeed(
  format: 'ics' | 'json',
  fetched: FetchedSource,
  sheet: string,
  options: SourceOptions,
): Promise<{ table: FeedTable; expandOver?: (days: FeedDays) => FeedTable }> {
  const text = decodeText(fetched.bytes);
  if (format === 'ics') {
    const { readIcalFeed } = await import('./ical-feed.js');
    const read = (from?: string, to?: string) => readIcalFeed(text, { sheet, label: fetched.label, from, to });
    // Without --from/--to, import expands the recurring events again over the guide's dates.
    const userDays = options.from !== undefined || options.to !== undefined;
    return { table: read(options.from, options.to), expandOver: userDays ? undefined : (days) => read(days.from, days.to) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GuidebookImportError(
      'file',
      `${fetched.label}: is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const [{ isSessionizeAll, readSessionizeFeed }, { isFrabSchedule, readFrabFeed }] = await Promise.all([
    import('./sessionize-feed.js'),
    import('./frab-feed.js'),
  ]);
  // An endpoint's last path part ("All") names the report's rows poorly: the feed's kind does better.
  const named = (fallback: string) => (/\.json$/i.test(sheet) ? sheet : fallback);
  if (isSessionizeAll(json)) return { table: readSessionizeFeed(json, named('Sessionize')) };
  if (isFrabSchedule(json)) return { table: readFrabFeed(json, named('schedule.json')) };
  if (Array.isArray(json) && json.length > 0 && json.every((group) => Array.isArray((group as { sessions?: unknown } | null)?.sessions))) {
    throw new GuidebookImportError(
      'file',
      `${fetched.label}: is a Sessionize view grouped by day or room (…/view/Sessions or …/view/GridSmart); use the event's …/view/All endpoint, which carries its rooms, categories and speakers`,
    );
  }
  throw new GuidebookImportError(
    'file',
    `${fetched.label}: is JSON, but neither a Sessionize event (sessions with rooms/speakers/categories: the …/view/All endpoint) nor a frab/pretalx schedule (schedule.conference.days)`,
  );
}

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * A sheet the reader can open as a file: a local path as it is; a URL or standard input fetched
 * (format by content type, extension, then content) and written to a private temporary copy
 * (--speakers URL). A feed or a web page is refused: only a sheet lists speakers.
 */
export async function localSheetCopy(file: string, options: SourceOptions = {}): Promise<FetchedCopy> {
  const location = sourceLocation(file);
  if (location.kind === 'file') return { path: location.path, label: location.path };
  const fetched = await loadSource(location, options);
  const decided = decideFormat({ contentType: fetched.contentType, fileName: fetched.fileName, bytes: fetched.bytes });
  if ('html' in decided || decided.format === 'ics' || decided.format === 'json') {
    throw new GuidebookImportError(
      'file',
      `${fetched.label}: is not a sheet (CSV, TSV, XLSX or ODS)${'html' in decided ? ' but a web page (HTML); use the link that downloads the data' : ''}`,
    );
  }
  return { path: writeCopy(fetched, decided.format), label: fetched.label };
}

/**
 * Fetched bytes written to a private temporary folder under the source's own name (a CSV's sheet
 * is named after it), removed when the process ends.
 */
function writeCopy(fetched: FetchedSource, format: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'guidebook-import-source-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const stem = parsePath(fetched.fileName).name.replace(/[^\w.-]+/g, '_') || (fetched.url === '-' ? 'stdin' : 'source');
  const path = join(dir, `${stem}.${format === 'tsv' ? 'tsv' : format}`);
  writeFileSync(path, fetched.bytes, { mode: 0o600 });
  return path;
}

/**
 * Fetched CSV/TSV/XLSX/ODS bytes go through the sheet reader like a file, from a temporary copy
 * (writeCopy). Messages name the source, never the temporary path.
 */
async function openBytesAsSheet(
  fetched: FetchedSource,
  format: string,
  read: OpenSheetOptions,
): Promise<SheetSource & { fetchedCopy: FetchedCopy }> {
  const path = writeCopy(fetched, format);
  try {
    const source = await openSheet(path, read);
    source.warnings.splice(0, source.warnings.length, ...source.warnings.map((warning) => warning.split(path).join(fetched.label)));
    return Object.assign(source, { fetchedCopy: { path, label: fetched.label } });
  } catch (error) {
    if (error instanceof GuidebookImportError && error.message.includes(path)) {
      throw new GuidebookImportError(error.code, error.message.split(path).join(fetched.label), { cause: error });
    }
    throw error;
  }
}

async function readLocal(path: string, maxBytes: number): Promise<Buffer> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw new GuidebookImportError('file', `${path}: is a folder, not a file`);
    if (stats.size > maxBytes)
      throw new GuidebookImportError(
        'file',
        `${path}: is ${formatBytes(stats.size)}, more than the ${formatBytes(maxBytes)} a source may be`,
      );
    const bytes = await readFile(path);
    if (bytes.length === 0) throw new GuidebookImportError('file', `${path}: is empty`);
    return bytes;
  } catch (error) {
    if (error instanceof GuidebookImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new GuidebookImportError(
      'file',
      `${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied (the file cannot be read)' : 'cannot be read'}`,
      {
        cause: error,
      },
    );
  }
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  if (process.stdin.isTTY) {
    throw new GuidebookImportError(
      'usage',
      '"-" reads the sheet from standard input, but nothing is piped in (e.g. curl … | guidebook-import import - --format csv)',
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes)
      throw new GuidebookImportError('file', `standard input: is more than the ${formatBytes(maxBytes)} a source may be`);
    chunks.push(chunk);
  }
  if (total === 0) throw new GuidebookImportError('file', 'standard input: is empty');
  return Buffer.concat(chunks, total);
}
