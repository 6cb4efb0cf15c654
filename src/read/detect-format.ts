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

// Files people rename to .csv or .xlsx that are no spreadsheet at all: told by their first bytes,
// so the message says what the file is and what to do, instead of a parser's complaint about it.
const SAVE_AS = 'export or save the agenda as CSV or XLSX from the program that made it';

const MAGIC: ReadonlyArray<{ bytes: readonly number[]; what: string; advice: string }> = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46, 0x2d],
    what: 'a PDF document',
    advice: 'copy its table into a spreadsheet, or export the agenda as CSV or XLSX from the program that made it',
  },
  {
    bytes: [0x89, 0x50, 0x4e, 0x47],
    what: 'a PNG image',
    advice: 'an agenda must be a sheet of text cells: type or export it as CSV or XLSX',
  },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', advice: 'an agenda must be a sheet of text cells: type or export it as CSV or XLSX' },
  {
    bytes: [0x47, 0x49, 0x46, 0x38],
    what: 'a GIF image',
    advice: 'an agenda must be a sheet of text cells: type or export it as CSV or XLSX',
  },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document', advice: SAVE_AS },
];

/**
 * What a file that is no spreadsheet is, from its first bytes ("is a PDF document, not a
 * spreadsheet: ..."), or null when it may be one. An HTML page counts only when it is named as
 * something else than .xls (Excel saves "XLS" files as HTML tables, and those are read).
 */
export function foreignDocument(head: Uint8Array, named: NamedKind): string | null {
  for (const { bytes, what, advice } of MAGIC) {
    if (bytes.every((byte, i) => head[i] === byte)) return `is ${what}, not a spreadsheet: ${advice}`;
  }
  if (named !== 'xls' && isHtmlPage(head)) {
    return 'is an HTML page, not a spreadsheet: save the agenda table as CSV or XLSX (a page saved by Excel can be named .xls)';
  }
  return null;
}

function isHtmlPage(head: Uint8Array): boolean {
  const text = Buffer.from(head.subarray(0, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  return text.startsWith('<!doctype html') || text.startsWith('<html');
}

/** What a zip that is no workbook is (a .docx, .pptx, .odt...), for its one-line refusal. */
export function zipDocumentKind(entries: readonly ZipEntry[]): string {
  const names = new Set(entries.map((entry) => entry.name));
  const what = names.has('word/document.xml')
    ? 'a Word document (.docx)'
    : names.has('ppt/presentation.xml')
      ? 'a PowerPoint presentation (.pptx)'
      : names.has('content.xml')
        ? 'an OpenDocument text or presentation, not a spreadsheet'
        : 'a zip archive';
  return `is ${what}, not an XLSX or ODS workbook: ${SAVE_AS}`;
}

/**
 * An OLE compound file is an XLS workbook, or a Word .doc / PowerPoint .ppt: their directory
 * names the main stream ("Workbook"/"Book" for Excel), written in UTF-16LE.
 */
export function compoundDocumentKind(bytes: Buffer): string | null {
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('Workbook') || has('Book')) return null;
  if (has('WordDocument')) return `is a Word document (.doc), not a spreadsheet: ${SAVE_AS}`;
  if (has('PowerPoint Document')) return `is a PowerPoint presentation (.ppt), not a spreadsheet: ${SAVE_AS}`;
  return null;
}
