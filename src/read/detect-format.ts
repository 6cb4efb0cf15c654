import { looksBinary, encodingFromBom, utf16WithoutBom } from './text-encoding.js';
import type { ZipEntry } from './zip-directory.js';

/** What a file's name says it is. */
export type NamedKind = 'csv' | 'tsv' | 'text' | 'xlsx' | 'xls' | 'ods' | 'none';

const EXTENSIONS: Record<string, NamedKind> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'text',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.ods': 'ods',
  '': 'none',
};

export const KNOWN_EXTENSIONS = '.csv, .tsv, .txt, .xlsx, .xls or .ods';

export function kindFromExtension(extension: string): NamedKind | undefined {
  return EXTENSIONS[extension.toLowerCase()];
}

/** What a file's first bytes say it is. */
type ContentKind = 'zip' | 'cfb' | 'markup' | 'text' | 'binary';

export function kindFromContent(head: Uint8Array): ContentKind {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'cfb';
  if (looksBinary(head) && encodingFromBom(head) === null && utf16WithoutBom(head) === null) return 'binary';
  return startsWithMarkup(head) ? 'markup' : 'text';
}

/** Excel also saves "XLS" files as HTML tables or XML Spreadsheet 2003; SheetJS reads both. */
function startsWithMarkup(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x3c; // "<"
}

/** Which workbook a zip holds, by the entries each format must have (a .docx or .odt is neither). */
export function zipWorkbookKind(zip: Buffer, entries: readonly ZipEntry[]): 'xlsx' | 'ods' | null {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  if (byName.has('xl/workbook.xml') || byName.has('xl/workbook.bin')) return 'xlsx';
  if (!byName.has('content.xml')) return null;
  const mimetype = byName.get('mimetype');
  // OpenDocument stores its mimetype uncompressed so it can be read in place.
  if (mimetype === undefined || mimetype.method !== 0) return 'ods';
  const type = zip.toString('latin1', mimetype.dataOffset, mimetype.dataOffset + Math.min(mimetype.compressedSize, 200));
  return type.includes('spreadsheet') ? 'ods' : null;
}
