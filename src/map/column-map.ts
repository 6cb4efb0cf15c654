import { GuidebookImportError } from '../errors.js';
import { isBlankCell } from '../read/cell-value.js';
import type { CellValue, MappedCell, MappedField, MappedRow, RawRow, SheetHeader } from '../types.js';
import { FIELD_ALIASES, fieldForHeader, normaliseHeader, scoreHeaderRow } from './fields.js';
import type { MappingConfig } from './mapping-config.js';

// Which column of a sheet feeds which field, decided once per sheet, and each raw row read
// through that decision.

export interface MappedColumn {
  field: MappedField;
  /** Index into RawRow.cells. */
  index: number;
  /** The header as the sheet writes it (used in every message about the column). */
  header: string;
}

/** How one sheet's columns become fields; built once per sheet, used for every row. */
export interface ColumnMap {
  sheet: string;
  columns: readonly MappedColumn[];
  /** Mapping-file defaults, applied to rows whose cell is empty or that have no such column. */
  defaults: ReadonlyArray<{ field: MappedField; value: CellValue }>;
  /** Every field a mapped row carries (from a column or a default). */
  fields: ReadonlySet<MappedField>;
  /** Headers that map to no field (the run warns once, listing them). */
  unmapped: string[];
  /** Headers the mapping file maps to null on purpose. */
  ignored: string[];
  /** Run-level warnings: unmapped columns, two columns for one field. */
  warnings: string[];
}

const START_FIELDS: readonly MappedField[] = ['datetime_start', 'date', 'start'];

/**
 * Decides, once per sheet, which column feeds which field: the mapping file's "columns" first,
 * then the built-in aliases. Throws GuidebookImportError('mapping') when the mapping file names a
 * column the sheet lacks, or when no column gives the session name or its start.
 */
export function buildColumnMap(header: SheetHeader, mapping?: MappingConfig): ColumnMap {
  const headers = header.headers;
  const explicit = mapping ? explicitFieldsByIndex(headers, mapping) : new Map<number, MappedField | null>();

  const columns: MappedColumn[] = [];
  const claimedBy = new Map<MappedField, string>();
  const warnings: string[] = [];
  const claim = (field: MappedField, index: number, text: string): void => {
    const first = claimedBy.get(field);
    if (first !== undefined) {
      warnings.push(`Columns ${quote(first)} and ${quote(text)} both map to ${field}: using ${quote(first)}, ignoring ${quote(text)}.`);
      return;
    }
    claimedBy.set(field, text);
    columns.push({ field, index, header: text });
  };

  // Explicit mappings claim their fields before any alias can, wherever their columns stand.
  for (const [index, field] of explicit) {
    if (field !== null) claim(field, index, headers[index] ?? '');
  }
  const unmapped: string[] = [];
  const ignored: string[] = [];
  headers.forEach((text, index) => {
    if (explicit.has(index)) {
      if (explicit.get(index) === null) ignored.push(text);
      return;
    }
    if (text.trim() === '') return;
    const field = fieldForHeader(text);
    if (field === undefined) unmapped.push(text);
    else claim(field, index, text);
  });
  columns.sort((a, b) => a.index - b.index);

  const defaults = Object.entries(mapping?.defaults ?? {}).map(([field, value]) => ({
    field: field as MappedField,
    value: value ?? null,
  }));
  const fields = new Set<MappedField>([...columns.map((c) => c.field), ...defaults.map((d) => d.field)]);
  requireNameAndStart(fields, headers);

  if (unmapped.length > 0) {
    warnings.unshift(
      `${unmapped.length === 1 ? '1 column is' : `${unmapped.length} columns are`} not imported (no field matches): ` +
        `${unmapped.map(quote).join(', ')}. Map ${unmapped.length === 1 ? 'it' : 'them'} in a mapping file ` +
        '(--mapping) to import, or to null to silence this warning.',
    );
  }
  return { sheet: header.sheet, columns, defaults, fields, unmapped, ignored, warnings };
}

/** Mapping-file headers resolved to column indexes: exact text first, then normalised. */
function explicitFieldsByIndex(headers: readonly string[], mapping: MappingConfig): Map<number, MappedField | null> {
  const byIndex = new Map<number, MappedField | null>();
  const missing: string[] = [];
  const normalisedHeaders = headers.map(normaliseHeader);
  for (const [wanted, field] of Object.entries(mapping.columns)) {
    let index = headers.indexOf(wanted);
    if (index === -1) {
      const key = normaliseHeader(wanted);
      index = key === '' ? -1 : normalisedHeaders.indexOf(key);
    }
    // Ignoring a column the sheet lacks is harmless (one mapping file serves exports with and
    // without optional columns); mapping a field to a column it lacks is a mistake.
    if (index === -1) {
      if (field !== null) missing.push(wanted);
    } else if (!byIndex.has(index)) byIndex.set(index, field);
  }
  if (missing.length > 0) {
    const what =
      missing.length === 1
        ? `maps ${quote(missing[0]!)}, which is not a column`
        : `maps ${missing.map(quote).join(', ')}, which are not columns`;
    throw new GuidebookImportError(
      'mapping',
      `${mapping.source}: "columns" ${what} of the sheet (columns: ${headers
        .filter((h) => h.trim() !== '')
        .map(quote)
        .join(', ')})`,
    );
  }
  return byIndex;
}

function requireNameAndStart(fields: ReadonlySet<MappedField>, headers: readonly string[]): void {
  const lacksName = !fields.has('name');
  const lacksStart = !START_FIELDS.some((f) => fields.has(f));
  if (!lacksName && !lacksStart) return;
  const lines: string[] = [];
  if (lacksName) lines.push(`No column gives the session name. Accepted headers: ${FIELD_ALIASES.name.join(', ')}.`);
  if (lacksStart) {
    lines.push(
      'No column gives the session start. Accepted headers: ' +
        `a date-time (${FIELD_ALIASES.datetime_start.join(', ')}), ` +
        `or a date (${FIELD_ALIASES.date.join(', ')}) with an optional start time (${FIELD_ALIASES.start.join(', ')}).`,
    );
  }
  const found = headers.filter((h) => h.trim() !== '');
  lines.push(`Columns found: ${found.length > 0 ? found.map(quote).join(', ') : '(none)'}.`);
  lines.push('Rename a column, or map it in a mapping file: --mapping map.json with {"columns": {"<your header>": "name"}}.');
  throw new GuidebookImportError('mapping', lines.join('\n'));
}

function quote(text: string): string {
  return JSON.stringify(text);
}

export const DEFAULT_COLUMN = '(default)';

/**
 * One raw row as fields. Every mapped column appears (null when the cell is empty), so later
 * stages can tell "mapped but empty" (clear the field) from "not mapped" (leave it alone).
 * Called once per row of 100k-row sheets: only indexed reads of the precomputed map.
 */
export function mapRow(raw: RawRow, map: ColumnMap): MappedRow {
  const fields: Partial<Record<MappedField, MappedCell>> = {};
  const { columns, defaults } = map;
  const cells = raw.cells;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    fields[column.field] = { column: column.header, value: cells[column.index] ?? null };
  }
  for (let i = 0; i < defaults.length; i++) {
    const fallback = defaults[i]!;
    const cell = fields[fallback.field];
    if (cell === undefined || isBlankCell(cell.value)) fields[fallback.field] = { column: DEFAULT_COLUMN, value: fallback.value };
  }
  return { sheet: raw.sheet, row: raw.row, fields };
}

/**
 * The header is the row with the most known column names. A mapping file exists for sheets whose
 * headers are not known ("Kennung", "Beginn"), so the columns it names count as known too.
 */
export function headerScorer(mapping: MappingConfig | undefined): (cells: string[]) => number {
  const named = new Set(
    Object.keys(mapping?.columns ?? {})
      .map(normaliseHeader)
      .filter((key) => key !== ''),
  );
  if (named.size === 0) return scoreHeaderRow;
  return (cells) => {
    let extra = 0;
    for (const cell of cells) if (typeof cell === 'string' && named.has(normaliseHeader(cell)) && scoreHeaderRow([cell]) === 0) extra++;
    return scoreHeaderRow(cells) + extra;
  };
}
