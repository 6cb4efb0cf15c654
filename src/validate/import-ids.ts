import { cellText } from '../read/cell-value.js';
import { sha256Hex } from '../sha256.js';
import type { ConvertedRow, MappedRow, RowIssue } from '../types.js';
import { quoteValue } from './row-issue.js';

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
  return `gbi-${sha256Hex(`${title}|${instant}`).slice(0, 16)}`;
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

// Rows sharing an import_id would fight over one session; guessing which wins could overwrite
// the wrong one, so EVERY row involved becomes invalid with a 'duplicate_import_id' issue (the
// planner reports those as conflicts). convertSheetRows asks for these as it hands rows out.

/** A sheet's import_ids as written, indexed once: the plan reuses it (plan-import.ts indexImportIds). */
export interface ImportIdIndex {
  /** Each import_id with the first row holding it (in no particular order). */
  readonly firstRow: ReadonlyMap<string, number>;
  /**
   * The import_ids more than one row holds, each with its rows' indexes in order. Only those ids
   * get a list: a 100k-row sheet has 100k ids and usually none shared.
   */
  readonly shared: ReadonlyMap<string, readonly number[]>;
}

export function indexImportIdsAsWritten(count: number, idAt: (index: number) => string | undefined): ImportIdIndex {
  const index = collectImportIds();
  for (let row = 0; row < count; row++) {
    const id = idAt(row);
    if (id !== undefined) index.add(row, id);
  }
  return index.finish();
}

/**
 * indexImportIdsAsWritten one id at a time, in any order of rows: the rows' own ids as they are
 * read, the derived ones once they are worked out. Each row is added at most once.
 */
export function collectImportIds(): { add(row: number, id: string): void; finish(): ImportIdIndex } {
  const firstRow = new Map<string, number>();
  const shared = new Map<string, number[]>();
  let unordered = false;
  return {
    add(row, id) {
      const first = firstRow.get(id);
      if (first === undefined) {
        firstRow.set(id, row);
        return;
      }
      const rows = shared.get(id);
      if (rows === undefined) shared.set(id, first < row ? [first, row] : [row, first]);
      else {
        if (row < rows[rows.length - 1]!) unordered = true;
        rows.push(row);
      }
      if (row < first) firstRow.set(id, row);
    },
    finish() {
      if (unordered) for (const rows of shared.values()) rows.sort((a, b) => a - b);
      return { firstRow, shared };
    },
  };
}

export function importIdOf(row: ConvertedRow): string | undefined {
  return row.ok ? row.session.fields.import_id : row.import_id;
}

/** Where a row is: the messages of a duplicate name the other rows by these. */
export interface RowPlace {
  sheet: string;
  row: number;
}

/** `row` (converted from `mapped`) made invalid for sharing `id` with the rows at `others`. */
export function withDuplicateIssue(row: ConvertedRow, mapped: MappedRow, id: string, others: readonly RowPlace[]): ConvertedRow {
  return withIssue(row, duplicateIssue(mapped, id, others));
}

function withIssue(row: ConvertedRow, issue: RowIssue): ConvertedRow {
  if (!row.ok) return { ...row, issues: [...row.issues, issue] };
  const { session } = row;
  return {
    ok: false,
    sheet: session.sheet,
    row: session.row,
    name: session.fields.name,
    import_id: session.fields.import_id,
    issues: [...session.warnings, issue],
  };
}

function duplicateIssue(row: MappedRow, id: string, others: readonly RowPlace[]): RowIssue {
  const where = rowList(row, others);
  const idCell = row.fields.import_id;
  if (idCell && hasOwnImportId(row)) {
    return {
      code: 'duplicate_import_id',
      severity: 'error',
      message: `Row ${row.row}, column ${JSON.stringify(idCell.column)}: import_id ${JSON.stringify(id)} is also on ${where}`,
      sheet: row.sheet,
      row: row.row,
      column: idCell.column,
      value: id,
    };
  }
  // Derived ids collide when two rows share title and start: say so in those words.
  const nameCell = row.fields.name ?? { column: 'name', value: null };
  const name = cellText(nameCell.value).trim();
  return {
    code: 'duplicate_import_id',
    severity: 'error',
    message:
      `Row ${row.row}, column ${JSON.stringify(nameCell.column)}: ${quoteValue(name)} has the same title and start as ${where}, ` +
      `so both get the derived import_id ${JSON.stringify(id)}; give them an Import ID column to tell them apart`,
    sheet: row.sheet,
    row: row.row,
    column: nameCell.column,
    value: name,
  };
}

/** "rows 8, 31", naming another sheet when a row is not on this one. */
function rowList(row: MappedRow, others: readonly RowPlace[]): string {
  const parts = others.map((o) => (o.sheet === row.sheet ? String(o.row) : `${o.row} of sheet ${JSON.stringify(o.sheet)}`));
  return `${others.length === 1 ? 'row' : 'rows'} ${parts.join(', ')}`;
}
