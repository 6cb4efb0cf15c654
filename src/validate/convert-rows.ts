import type { ConvertedRow, MappedRow, RowIssue } from '../types.js';
import { collectColumnFormatEvidence } from './column-formats.js';
import type { ConvertOptions } from './convert-options.js';
import { convertRow, type RowContext } from './convert-row.js';
import { importIdOf, sharedImportIds, withDuplicateIssue, type RowPlace } from './duplicate-import-ids.js';
import { derivedIdsWarning } from './import-ids.js';
import { readImportId } from './read-row-values.js';
import { sheetSpanWarnings } from './time-warnings.js';
import { collectValueReaderEvidence } from './value-readers.js';

/**
 * Mapped rows to sessions (or their issues), plus run-level warnings. Problems of a row are
 * RowIssues; only a sheet-wide failure throws (an ambiguous date column, no time zone at all).
 * Everything that depends on the whole sheet (date formats, x-mark columns) is settled once.
 */
export function convertRows(rows: readonly MappedRow[], options: ConvertOptions): { rows: ConvertedRow[]; warnings: string[] } {
  const facts = collectSheetFacts(options);
  for (const row of rows) facts.add(row);
  const sheet = convertSheetRows(rows.length, (index) => rows[index]!, facts);
  const converted = [...sheet.rows];
  return { rows: converted, warnings: sheet.warnings() };
}

/**
 * What every row is converted under and must be known before the first is: the column-wide
 * facts (date formats, x-mark columns) and which rows carry an import_id of their own (a
 * duplicate anywhere makes every row involved invalid). Each row is added once, in sheet order,
 * so a caller holding its rows in another form (the validate pipeline keeps what it read) adds
 * each row as it maps it.
 */
export interface SheetFacts {
  add(row: MappedRow): void;
  /** Throws the sheet-wide failures convertRows throws. */
  settle(): RowContext;
  /** Per row added: its own import_id, null when its cell is blank (one is derived), undefined when unusable. */
  readonly ownImportIds: ReadonlyArray<string | null | undefined>;
}

export function collectSheetFacts(options: ConvertOptions): SheetFacts {
  const formats = collectColumnFormatEvidence(options);
  const readers = collectValueReaderEvidence(options.formats);
  const ownImportIds: Array<string | null | undefined> = [];
  const ignored: RowIssue[] = [];
  return {
    add(row) {
      formats.add(row);
      readers.add(row);
      const own = readImportId(row, ignored);
      ownImportIds.push(own.id ?? (own.invalid ? undefined : null));
      ignored.length = 0;
    },
    settle: () => ({ formats: formats.decide(), options, readers: readers.decide() }),
    ownImportIds,
  };
}

/** A sheet's rows converted one at a time: see convertSheetRows. */
export interface ConvertedSheetRows {
  /** Every row's import_id (undefined: none) once converted, known before the first row is. */
  readonly importIds: ReadonlyArray<string | undefined>;
  /** The converted rows in sheet order, duplicates marked, each converted when asked for. Iterate once. */
  readonly rows: IterableIterator<ConvertedRow>;
  /** The run-level warnings, once `rows` has been read to the end. */
  warnings(): string[];
}

/**
 * convertRows for a caller that hands its rows out by index and takes the converted rows one at
 * a time, so neither form of a 100k-row sheet need be held whole. `facts` must have had every
 * row added. Each row's import_id is settled first: a row's own id is known from its cell, and
 * only rows without one are converted now (their id derives from title and start) and kept
 * until their turn; the rest are converted as `rows` reaches them. `rowAt(i)` may be asked for
 * row i more than once; `release(i)` says row i will not be asked for again.
 */
export function convertSheetRows(
  count: number,
  rowAt: (index: number) => MappedRow,
  facts: SheetFacts,
  release: (index: number) => void = () => {},
): ConvertedSheetRows {
  const context = facts.settle();
  const own = facts.ownImportIds;
  if (own.length !== count) throw new Error(`convertSheetRows: facts of ${own.length} rows for ${count} rows`);

  const early = new Map<number, ConvertedRow>();
  const importIds: Array<string | undefined> = [];
  let derived = 0;
  for (let index = 0; index < count; index++) {
    const id = own[index];
    if (id !== null) {
      importIds.push(id);
      continue;
    }
    let row: ConvertedRow;
    try {
      row = convertRow(rowAt(index), context);
    } catch (error) {
      throw firstRunLevelError(error, index, own, rowAt, context);
    }
    early.set(index, row);
    const derivedId = importIdOf(row);
    importIds.push(derivedId);
    if (derivedId !== undefined) derived++;
  }

  const shared = sharedImportIds(count, (index) => importIds[index]);
  const placesOf = new Map<string, RowPlace[]>();
  const starts: string[] = [];
  let finished = false;

  function* rows(): Generator<ConvertedRow> {
    for (let index = 0; index < count; index++) {
      let row = early.size === 0 ? undefined : early.get(index);
      if (row) early.delete(index);
      else row = convertRow(rowAt(index), context);
      const id = importIds[index];
      const group = id === undefined || shared.size === 0 ? undefined : shared.get(id);
      if (group) {
        // The rows of a shared id stay asked-for until the end: each one's message names the others.
        let places = placesOf.get(id!);
        if (!places) {
          places = group.map((member) => placeOf(rowAt(member)));
          placesOf.set(id!, places);
        }
        const at = group.indexOf(index);
        row = withDuplicateIssue(row, rowAt(index), id!, places.filter((_, n) => n !== at));
      } else {
        release(index);
      }
      if (row.ok) starts.push(row.session.fields.start_time);
      yield row;
    }
    finished = true;
  }

  return {
    importIds,
    rows: rows(),
    warnings() {
      if (!finished) throw new Error('convertSheetRows: warnings() before every row was read');
      const warnings: string[] = [];
      if (derived > 0) warnings.push(derivedIdsWarning(derived));
      warnings.push(...sheetSpanWarnings(starts));
      return warnings;
    },
  };
}

function placeOf(row: MappedRow): RowPlace {
  return { sheet: row.sheet, row: row.row };
}

/**
 * Rows without an import_id of their own are converted ahead of the others: when one of them
 * stops the run (no time zone at all), the row named must still be the first in sheet order that
 * does, as converting every row in order would find.
 */
function firstRunLevelError(
  error: unknown,
  failedAt: number,
  own: ReadonlyArray<string | null | undefined>,
  rowAt: (index: number) => MappedRow,
  context: RowContext,
): unknown {
  for (let index = 0; index < failedAt; index++) {
    if (own[index] === null) continue;
    try {
      convertRow(rowAt(index), context);
    } catch (earlier) {
      return earlier;
    }
  }
  return error;
}
