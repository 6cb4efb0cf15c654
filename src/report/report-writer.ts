import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { redactSecrets } from '../redact.js';
import type { ReportRow } from '../types.js';
import { csvHeaderLine, reportRowToCsvLine } from './csv.js';
import { finishedDocument, renderJsonReport } from './finished-document.js';
import { reportFormatFor, type ReportFormat } from './report-path.js';
import type { ReportDocument } from './types.js';

export interface ReportWriter {
  readonly path: string;
  readonly format: ReportFormat;
  /**
   * Where rows land as they arrive: the report itself for CSV, `<path>.partial.csv` otherwise;
   * for an in-order writer, a temporary file beside the report (CSV) or nowhere ('').
   */
  readonly journalPath: string;
  /** Appends one row to the journal at once (synchronously), so it survives a crash or Ctrl-C. */
  write(row: ReportRow): void;
  /** Writes the complete, ordered report atomically and removes the journal. */
  finish(doc: ReportDocument): Promise<void>;
  /** Stops writing and leaves the partial report as it is (a run that cannot finish). */
  close(): void;
}

export interface ReportWriterOptions {
  format?: ReportFormat;
  /**
   * The rows come once each, already in report order, from a run that writes nothing anywhere
   * else (validate): there is nothing to recover after a crash, so rows are not journalled one
   * write at a time. A CSV is written in large chunks to a temporary file that finish() renames
   * over the path, and finish() takes the rows written, not `doc.rows` (which may be empty);
   * JSON and HTML keep the rows written until finish() renders them. close() removes the
   * temporary file: a report is there complete or not at all.
   */
  inOrder?: boolean;
}

/**
 * Rows are appended as results arrive, each with one synchronous write to an open descriptor:
 * the bytes are in the operating system's hands before the next request starts, so a crash,
 * a kill or Ctrl-C leaves a valid CSV with every row finished so far (a header, then whole
 * lines; no fsync per row, as surviving power loss is not worth 100k disk flushes).
 * A CSV report is its own journal. JSON and HTML cannot be appended to and stay valid, so their
 * rows go to a sibling `<path>.partial.csv` until finish() renders the whole document, writes it
 * to a temporary file, renames it over the path and deletes the journal. finish() rewrites the
 * CSV the same way, in sheet order, since rows arrive in completion order.
 */
export function createReportWriter(reportPath: string, options: ReportWriterOptions = {}): ReportWriter {
  const format = options.format ?? reportFormatFor(reportPath);
  if (options.inOrder) return createInOrderWriter(reportPath, format);
  const journalPath = format === 'csv' ? reportPath : `${reportPath}.partial.csv`;
  let fd: number | null = attempt(journalPath, () => openJournal(journalPath));

  const closeJournal = () => {
    if (fd === null) return;
    const open = fd;
    fd = null;
    closeSync(open);
  };

  return {
    path: reportPath,
    format,
    journalPath,
    write(row) {
      if (fd === null) throw new Error(`The report ${reportPath} is already finished or closed`);
      const open = fd;
      attempt(journalPath, () => writeSync(open, redactSecrets(reportRowToCsvLine(row))));
    },
    async finish(doc) {
      closeJournal();
      const content = await render(format, doc);
      attempt(reportPath, () => writeAtomically(reportPath, content));
      if (journalPath !== reportPath) rmSync(journalPath, { force: true });
    },
    close: closeJournal,
  };
}

// One write per this many characters of CSV: a 100k-row report in ~400 writes, not 100k.
const CHUNK_CHARS = 64 * 1024;

function createInOrderWriter(reportPath: string, format: ReportFormat): ReportWriter {
  const temporary = `${reportPath}.${process.pid}.tmp`;
  const streamsCsv = format === 'csv';
  let fd: number | null = streamsCsv ? attempt(reportPath, () => openJournal(temporary)) : null;
  let open = true;
  let pending: string[] = [];
  let pendingChars = 0;
  const kept: ReportRow[] = [];

  const flush = () => {
    if (fd === null || pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingChars = 0;
    const descriptor = fd;
    attempt(reportPath, () => writeSync(descriptor, chunk));
  };
  const closeFile = () => {
    open = false;
    if (fd === null) return;
    const descriptor = fd;
    fd = null;
    closeSync(descriptor);
  };

  return {
    path: reportPath,
    format,
    journalPath: streamsCsv ? temporary : '',
    write(row) {
      if (!open) throw new Error(`The report ${reportPath} is already finished or closed`);
      if (!streamsCsv) {
        kept.push(row);
        return;
      }
      const line = redactSecrets(reportRowToCsvLine(row));
      pending.push(line);
      pendingChars += line.length;
      if (pendingChars >= CHUNK_CHARS) flush();
    },
    async finish(doc) {
      if (!open) throw new Error(`The report ${reportPath} is already finished or closed`);
      if (streamsCsv) {
        try {
          flush();
          closeFile();
          attempt(reportPath, () => renameSync(temporary, reportPath));
        } catch (error) {
          closeFile();
          rmSync(temporary, { force: true });
          throw error;
        }
        return;
      }
      closeFile();
      const content = await render(format, { ...doc, rows: kept });
      attempt(reportPath, () => writeAtomically(reportPath, content));
    },
    close() {
      const wasOpen = fd !== null;
      closeFile();
      pending = [];
      if (wasOpen) rmSync(temporary, { force: true });
    },
  };
}

function openJournal(journalPath: string): number {
  mkdirSync(path.dirname(journalPath), { recursive: true });
  const opened = openSync(journalPath, 'w');
  writeSync(opened, csvHeaderLine());
  return opened;
}

/** The whole report, its secrets hidden in the form the format wrote them (escaped, encoded). */
async function render(format: ReportFormat, doc: ReportDocument): Promise<string> {
  return redactSecrets(await renderUnredacted(format, doc));
}

async function renderUnredacted(format: ReportFormat, doc: ReportDocument): Promise<string> {
  if (format === 'json') return renderJsonReport(doc);
  const finished = finishedDocument(doc);
  if (format === 'html') {
    // Loaded only when asked for: the HTML renderer is the largest part of the report code.
    const { renderHtmlReport } = await import('./html/render.js');
    return renderHtmlReport(finished);
  }
  return csvHeaderLine() + finished.rows.map(reportRowToCsvLine).join('');
}

function writeAtomically(target: string, content: string): void {
  // A device or a pipe (/dev/stdout, a FIFO a script reads) cannot be replaced by a rename, and a
  // temporary file beside it would land in /dev: it is written in place.
  if (isSpecialFile(target)) {
    writeFileSync(target, content);
    return;
  }
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function isSpecialFile(target: string): boolean {
  try {
    const stats = statSync(target);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

function attempt<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GuidebookImportError('file', `Cannot write the report ${JSON.stringify(file)}: ${reason}`, { cause: error });
  }
}
