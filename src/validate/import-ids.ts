import { createHash } from 'node:crypto';
import type { MappedRow } from '../types.js';
import { cellText } from '../read/cell-value.js';

/** Longest import_id accepted: the API stores it in a 255-character field. */
export const MAX_IMPORT_ID_LENGTH = 255;

/**
 * A stable id for a row that has none: the same title at the same instant gives the same id on
 * every run. Case and spacing of the title do not matter; the start is compared as an instant,
 * so the time stage's formatting of it cannot change the id.
 */
export function deriveImportId(name: string, startTimeUtc: string): string {
  const title = name.toLowerCase().replace(/\s+/g, ' ').trim();
  const instant = new Date(startTimeUtc).toISOString();
  return `gbi-${createHash('sha256').update(`${title}|${instant}`).digest('hex').slice(0, 16)}`;
}

export function derivedIdsWarning(count: number): string {
  const rows = count === 1 ? '1 row has' : `${count} rows have`;
  const those = count === 1 ? "that row's" : "those rows'";
  return (
    `${rows} no import_id, so ${count === 1 ? 'it got an id' : 'each got an id'} derived from its title and start (gbi-…). ` +
    `Editing ${those} title or start later will create a duplicate session instead of updating it: ` +
    'add an Import ID column to avoid it.'
  );
}

/** Whether the sheet gives the row an import_id of its own (else it is derived). */
export function hasOwnImportId(row: MappedRow): boolean {
  const cell = row.fields.import_id;
  return cell !== undefined && cellText(cell.value).trim() !== '';
}
