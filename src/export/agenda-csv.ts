import { csvText } from '../sheet-cells/index.js';
import { EXPORT_CLOCK } from './export-cell.js';
import type { ExportedAgenda } from './types.js';

/**
 * The agenda as CSV bytes: UTF-8 with a BOM (so Excel reads it as UTF-8, not the machine's code
 * page), RFC 4180 quoting, CRLF between records; cells as they are (no formula guard), since the
 * file is meant to be imported again.
 */
export function agendaCsvBytes(agenda: ExportedAgenda): Buffer {
  return Buffer.from(`\uFEFF${csvText([agenda.headers, ...agenda.rows], EXPORT_CLOCK)}`, 'utf8');
}
