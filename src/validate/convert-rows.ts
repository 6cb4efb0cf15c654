import { inferColumnFormats, sheetSpanWarnings } from '../time/index.js';
import type { ConvertedRow, MappedRow } from '../types.js';
import type { ConvertOptions } from './convert-options.js';
import { convertRow } from './convert-row.js';
import { markDuplicateImportIds } from './duplicate-import-ids.js';
import { derivedIdsWarning, hasOwnImportId } from './import-ids.js';
import { createValueReaders } from './value-readers.js';

/**
 * Mapped rows to sessions (or their issues), plus run-level warnings. Problems of a row are
 * RowIssues; only a sheet-wide failure throws (an ambiguous date column, no time zone at all).
 * Everything that depends on the whole sheet (date formats, x-mark columns) is settled once.
 */
export function convertRows(rows: readonly MappedRow[], options: ConvertOptions): { rows: ConvertedRow[]; warnings: string[] } {
  const formats = inferColumnFormats(rows, options);
  const readers = createValueReaders(rows, options.formats);
  const converted = rows.map((row) => convertRow(row, { formats, options, readers }));

  let derived = 0;
  converted.forEach((row, i) => {
    const id = row.ok ? row.session.fields.import_id : row.import_id;
    if (id !== undefined && !hasOwnImportId(rows[i]!)) derived++;
  });
  const checked = markDuplicateImportIds(converted, rows);

  const warnings: string[] = [];
  if (derived > 0) warnings.push(derivedIdsWarning(derived));
  const starts: string[] = [];
  for (const row of checked) if (row.ok) starts.push(row.session.fields.start_time);
  warnings.push(...sheetSpanWarnings(starts));
  return { rows: checked, warnings };
}
