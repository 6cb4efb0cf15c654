import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { cellCountExcess } from './cell-count-guard.js';
import { openDelimitedSheet } from './delimited-sheet.js';
import {
  KNOWN_EXTENSIONS,
  compoundDocumentKind,
  foreignDocument,
  kindFromContent,
  kindFromExtension,
  zipDocumentKind,
  zipWorkbookKind,
  type NamedKind,
} from './detect-format.js';
import { fileError, tooManyRows } from './file-error.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, HEADER_SCAN_ROWS, MAX_WORKBOOK_CELLS, MAX_ZIP_ENTRIES, formatBytes } from './limits.js';
import type { OpenedFile, ReadSettings, OpenSheetOptions, SheetFormat, SheetSource } from './types.js';
import type { WorkbookFormat } from './workbook-sheet.js';
import { ZipFormatError, readZipDirectory } from './zip-directory.js';
import { zipBombReason } from './zip-guard.js';

const HEAD_BYTES = 64 * 1024;

const FORMAT_NAMES: Record<SheetFormat, string> = {
  csv: 'a CSV file',
  tsv: 'a TSV file',
  xlsx: 'an XLSX workbook',
  xls: 'an XLS workbook',
  ods: 'an ODS spreadsheet',
};

/** The first (for most files the only) agenda sheet, the others in its `more`: see openSheets. */
export async function openSheet(path: string, options: OpenSheetOptions): Promise<SheetSource> {
  const [first, ...more] = await openSheets(path, options);
  return more.length === 0 ? first! : { ...first!, more };
}

/**
 * Opens the agenda sheets of a CSV, TSV, TXT, XLSX, XLS or ODS file (a workbook may have several,
 * one per day): finds each one's layout (read/sheet-layout.ts) and hands out its data rows. The
 * format is told by the content when the name says otherwise. Every run-level problem is a
 * GuidebookImportError 'file' naming the file. The first sheet carries the run's warnings.
 */
export async function openSheets(path: string, options: OpenSheetOptions): Promise<SheetSource[]> {
  const { settings, maxBytes } = normaliseOptions(options);
  const file = await openFile(path, maxBytes);
  const named = kindFromExtension(extname(file.baseName));
  if (named === undefined) {
    throw fileError(file.label, `unknown file type ${JSON.stringify(extname(file.baseName))} (expected ${KNOWN_EXTENSIONS})`);
  }
  const warnings: string[] = [];
  const content = kindFromContent(file.head);
  const foreign = foreignDocument(file.head, named);
  if (foreign !== null) throw fileError(file.label, foreign);

  if (content === 'binary') throw fileError(file.label, 'is not a spreadsheet or a text file (unknown content)');
  if (content === 'text' || (content === 'markup' && named !== 'xls')) {
    if (named === 'xlsx' || named === 'xls' || named === 'ods') warnings.push(misnamed(file, named, 'csv'));
    return [await openDelimitedSheet(file, settings, named === 'tsv' ? '\t' : ',', warnings)];
  }

  const bytes = await readWhole(file);
  const document = content === 'cfb' ? compoundDocumentKind(bytes) : null;
  if (document !== null) throw fileError(file.label, document);
  const format = content === 'zip' ? zipFormat(file, bytes) : 'xls';
  if (named !== 'none' && named !== 'text' && named !== format) warnings.push(misnamed(file, named, format));
  if (format !== 'xls') await refuseTooManyCells(file, bytes, format, settings.maxRows);
  // Loaded here, not at the top: SheetJS is a large module that a CSV run never needs.
  const { openWorkbookSheets } = await import('./workbook-sheet.js');
  return openWorkbookSheets(file, bytes, format, settings, warnings);
}

/** Before SheetJS holds the whole workbook in memory: a cell count it can hold in bounded memory. */
async function refuseTooManyCells(file: OpenedFile, bytes: Buffer, format: 'xlsx' | 'ods', maxRows: number): Promise<void> {
  const excess = await cellCountExcess(bytes, readZipDirectory(bytes, MAX_ZIP_ENTRIES), format, {
    maxCells: MAX_WORKBOOK_CELLS,
    // Rows above the header (titles, notes) are not data rows.
    maxRowsPerSheet: maxRows + HEADER_SCAN_ROWS,
  });
  if (excess?.kind === 'rows') throw tooManyRows(file.label, maxRows);
  if (excess?.kind === 'cells') {
    throw fileError(
      file.label,
      `is not read: it holds more than ${excess.limit.toLocaleString('en-US')} cells, more than one import reads (refused as a possible zip bomb)`,
    );
  }
}

function normaliseOptions(options: OpenSheetOptions): { settings: ReadSettings; maxBytes: number } {
  if (typeof options.scoreHeader !== 'function') {
    throw new GuidebookImportError('usage', 'openSheet: scoreHeader must be a function');
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const [name, value] of [
    ['maxRows', maxRows],
    ['maxBytes', maxBytes],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new GuidebookImportError('usage', `openSheet: ${name} must be a positive whole number, got ${JSON.stringify(value)}`);
    }
  }
  return {
    settings: Object.freeze({ sheet: options.sheet, scoreHeader: options.scoreHeader, headerField: options.headerField, maxRows }),
    maxBytes,
  };
}

async function openFile(path: string, maxBytes: number): Promise<OpenedFile> {
  const label = path;
  let size: number;
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw fileError(label, 'is a folder, not a file');
    size = stats.size;
  } catch (error) {
    throw error instanceof GuidebookImportError ? error : fileError(label, describeFsError(error), error);
  }
  if (size === 0) throw fileError(label, 'is empty');
  if (size > maxBytes) {
    throw fileError(label, `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} a sheet may be`);
  }
  let head: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileError(label, describeFsError(error), error);
  }
  return { path, label, baseName: basename(path), size, head };
}

async function readWhole(file: OpenedFile): Promise<Buffer> {
  try {
    return await readFile(file.path);
  } catch (error) {
    throw fileError(file.label, describeFsError(error), error);
  }
}

/** XLSX or ODS by the zip's entries, once the zip's declared sizes are known to be sane. */
function zipFormat(file: OpenedFile, bytes: Buffer): WorkbookFormat {
  let entries: ReturnType<typeof readZipDirectory>;
  try {
    entries = readZipDirectory(bytes, MAX_ZIP_ENTRIES);
  } catch (error) {
    if (error instanceof ZipFormatError) throw fileError(file.label, `is a damaged workbook: ${error.message}`, error);
    throw error;
  }
  const bomb = zipBombReason(bytes, entries);
  if (bomb !== null) throw fileError(file.label, `is not read: ${bomb}`);
  const kind = zipWorkbookKind(bytes, entries);
  if (kind === null) throw fileError(file.label, zipDocumentKind(entries));
  return kind;
}

function misnamed(file: OpenedFile, named: NamedKind, actual: SheetFormat): string {
  return `${file.baseName} is ${FORMAT_NAMES[actual]} despite its name (.${named}): read as ${actual.toUpperCase()}`;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (the file cannot be read)';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}
