// Reads a generated sheet back the way the importer does: openSheet with the mapper's header score.
import { scoreHeaderRow } from '../../src/map/fields.js';
import { openSheet } from '../../src/read/open-sheet.js';
import type { RawRow, SheetHeader } from '../../src/types.js';

export async function readSheet(path: string, sheet?: string): Promise<{ header: SheetHeader; rows: RawRow[]; sheet: string }> {
  const source = await openSheet(path, { scoreHeader: scoreHeaderRow, ...(sheet !== undefined ? { sheet } : {}) });
  const rows: RawRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { header: source.header, rows, sheet: source.sheet };
}

/** The cells of a row by header name. */
export function byHeader(header: SheetHeader, row: RawRow): Record<string, RawRow['cells'][number]> {
  return Object.fromEntries(header.headers.map((name, index) => [name, row.cells[index] ?? null]));
}
