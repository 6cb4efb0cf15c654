import { collectColumnFormatEvidence, sheetSpanWarnings } from '../time/index.js';
import type { ConvertedRow, MappedRow } from '../types.js';
import type { ConvertOptions } from './convert-options.js';
import { convertRow, type RowContext } from './convert-row.js';
import { markDuplicateImportIds } from './duplicate-import-ids.js';
import { derivedIdsWarning, hasOwnImportId } from './import-ids.js';
import { collectValueReaderEvidence } from './value-readers.js';

/**
 * Mapped rows to sessions (or their issues), plus run-level warnings. Problems of a row are
 * RowIssues; only a sheet-wide failure throws (an ambiguous date column, no time zone at all).
 * Everything that depends on the whole sheet (date formats, x-mark columns) is settled once.
 */
export function convertRows(rows: readonly MappedRow[], options: ConvertOptions): { rows: ConvertedRow[]; warnings: string[] } {
  const facts = collectSheetFacts(options);
  for (const row of rows) facts.add(row);
  return convertSheetRows(rows.length, (index) => rows[index]!, facts.settle());
}

/**
 * The sheet-wide facts every row is converted under (date formats, x-mark columns), gathered
 * from every row before any is converted. A caller that holds its rows in another form than
 * MappedRow (the validate pipeline keeps what it read) adds each row here as it maps it.
 */
export interface SheetFacts {
  add(row: MappedRow): void;
  /** Throws the sheet-wide failures convertRows throws. */
  settle(): RowContext;
}

export function collectSheetFacts(options: ConvertOptions): SheetFacts {
  const formats = collectColumnFormatEvidence(options);
  const readers = collectValueReaderEvidence(options.formats);
  return {
    add(row) {
      formats.add(row);
      readers.add(row);
    },
    settle: () => ({ formats: formats.decide(), options, readers: readers.decide() }),
  };
}

/**
 * convertRows for rows the caller hands out by index: `rowAt(i)` is asked once per row in
 * order, and again only for the rows whose import_id turns out to be shared (their messages
 * name the cells). `rowAt` must give the same row each time it is asked.
 */
export function convertSheetRows(
  count: number,
  rowAt: (index: number) => MappedRow,
  context: RowContext,
): { rows: ConvertedRow[]; warnings: string[] } {
  const converted: ConvertedRow[] = [];
  let derived = 0;
  for (let index = 0; index < count; index++) {
    const mapped = rowAt(index);
    const row = convertRow(mapped, context);
    converted.push(row);
    const id = row.ok ? row.session.fields.import_id : row.import_id;
    if (id !== undefined && !hasOwnImportId(mapped)) derived++;
  }
  const checked = markDuplicateImportIds(converted, rowAt);

  const warnings: string[] = [];
  if (derived > 0) warnings.push(derivedIdsWarning(derived));
  warnings.push(...sheetSpanWarnings(startsOf(checked)));
  return { rows: checked, warnings };
}

function* startsOf(rows: readonly ConvertedRow[]): Generator<string> {
  for (const row of rows) if (row.ok) yield row.session.fields.start_time;
}
