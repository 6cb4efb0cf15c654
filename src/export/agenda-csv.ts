import { exportCellText } from './export-cell.js';
import type { ExportedAgenda } from './types.js';

// A data file meant to be imported again, so cells are written as they are: no formula guard
// (a description beginning with "=" must come back unchanged); the importer never evaluates.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The agenda as CSV bytes: UTF-8 with a BOM (so Excel reads it as UTF-8, not the machine's code
 * page), RFC 4180 quoting, CRLF between records.
 */
export function agendaCsvBytes(agenda: ExportedAgenda): Buffer {
  const lines = [agenda.headers.map(csvField).join(',')];
  for (const row of agenda.rows) lines.push(row.map((cell) => csvField(exportCellText(cell))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
