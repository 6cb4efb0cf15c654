// Which reader a fetched source goes to: --format if given, else the answer's content type, else the
// file name's extension, else the content itself. Pure.
import type { SourceFormat } from './types.js';

const BY_CONTENT_TYPE: Readonly<Record<string, SourceFormat>> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'tsv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'text/calendar': 'ics',
  'application/json': 'json',
  'text/json': 'json',
  'application/schema+json': 'json',
};

const BY_EXTENSION: Readonly<Record<string, SourceFormat>> = {
  csv: 'csv',
  txt: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  ods: 'ods',
  ics: 'ics',
  ical: 'ics',
  ifb: 'ics',
  json: 'json',
};

export type DecidedFormat = { format: SourceFormat | 'xls'; by: 'option' | 'content type' | 'extension' | 'content' } | { html: true };

export function decideFormat(input: { format?: SourceFormat; contentType: string; fileName: string; bytes: Buffer }): DecidedFormat {
  if (input.format) return { format: input.format, by: 'option' };
  const byType = BY_CONTENT_TYPE[input.contentType] ?? (input.contentType === 'application/vnd.ms-excel' ? 'xls' : undefined);
  if (byType) return { format: byType, by: 'content type' };
  const extension = /\.([A-Za-z0-9]+)$/.exec(input.fileName)?.[1]?.toLowerCase();
  const byExtension = extension === 'xls' ? 'xls' : extension ? BY_EXTENSION[extension] : undefined;
  if (byExtension) return { format: byExtension, by: 'extension' };
  const byContent = formatFromContent(input.bytes);
  if (byContent === 'html') return { html: true };
  return { format: byContent, by: 'content' };
}

/** A local file name's extension says it is a feed (read by the sources stage, not as a sheet). */
export function feedExtension(path: string): 'ics' | 'json' | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return extension === 'ics' || extension === 'ical' || extension === 'ifb' ? 'ics' : extension === 'json' ? 'json' : undefined;
}

function formatFromContent(bytes: Buffer): SourceFormat | 'xls' | 'html' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx'; // a zip: the sheet reader tells XLSX from ODS by its entries
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return 'xls';
  const head = bytes
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (/^<(!doctype html|html|head|body)/i.test(head)) return 'html';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}
