import { GuidebookImportError } from '../errors.js';
import { cellText, isBlankCell } from '../read/cell-value.js';
import type { CellValue, MappedCell, MappedField, MappedRow, RawRow, SheetHeader } from '../types.js';
import { isMultiColumnField, mainAliases, matchHeader, normaliseHeader, scoreHeaderRow } from './fields.js';
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

/** Two columns of equal alias strength for one field: settled by the rows (checkRivalColumns). */
export interface RivalColumns {
  field: MappedField;
  kept: MappedColumn;
  other: MappedColumn;
}

/** How one sheet's columns become fields; built once per sheet, used for every row. */
export interface ColumnMap {
  sheet: string;
  /** Every column that feeds a field; a multi-column field (speakers) may have several. */
  columns: readonly MappedColumn[];
  /** Mapping-file defaults, applied to rows whose cell is empty or that have no such column. */
  defaults: ReadonlyArray<{ field: MappedField; value: CellValue }>;
  /** Every field a mapped row carries (from a column or a default). */
  fields: ReadonlySet<MappedField>;
  /** Headers that map to no field (the run warns once, listing them). */
  unmapped: string[];
  /** Where the unmapped headers stand (same order): their cells travel as MappedRow.unmapped. */
  unmappedAt?: readonly number[];
  /** Headers the mapping file maps to null on purpose. */
  ignored: string[];
  /** Columns that name a field another column supplies more surely, or as surely (rivals). */
  passedOver: readonly MappedColumn[];
  /** Equal-strength pairs; the rows decide whether they conflict (checkRivalColumns). */
  rivals: readonly RivalColumns[];
  /** The well-known export layout the header was recognised as (known-layouts.ts), if any. */
  layout?: string;
  /** Run-level lines: the layout recognised, unmapped columns, which column won a field. */
  warnings: string[];
}

const START_FIELDS: readonly MappedField[] = ['datetime_start', 'date', 'start'];
/** A mapping file naming a column the sheet lacks stops the run only for these. */
const REQUIRED_FIELDS: ReadonlySet<MappedField> = new Set<MappedField>(['name', ...START_FIELDS]);

interface Candidate {
  field: MappedField;
  index: number;
  header: string;
  /** -1 for a mapping file's column: it outranks every alias. */
  tier: number;
}

/**
 * Decides, once per sheet, which column feeds which field: the mapping file's "columns" first,
 * then the built-in aliases, the strongest alias winning (fields.ts tiers: "Title" over "Name").
 * Throws GuidebookImportError('mapping') when no column gives the session name or its start, or
 * when the mapping file maps a required field (name, a start) to a column the sheet lacks; any
 * other column the sheet lacks is a warning, so one mapping file serves a series of exports.
 */
export function buildColumnMap(header: SheetHeader, mapping?: MappingConfig): ColumnMap {
  const headers = header.headers;
  const warnings: string[] = [];
  if (mapping?.layout !== undefined)
    warnings.push(
      `Recognised as ${/^[aeiou]/i.test(mapping.layout) ? 'an' : 'a'} ${mapping.layout}: its columns are read as that export writes them.`,
    );
  const explicit = mapping ? explicitFieldsByIndex(headers, mapping, warnings) : new Map<number, MappedField | null>();

  const candidates: Candidate[] = [];
  for (const [index, field] of explicit) if (field !== null) candidates.push({ field, index, header: headers[index] ?? '', tier: -1 });
  const unmapped: string[] = [];
  const unmappedAt: number[] = [];
  const ignored: string[] = [];
  headers.forEach((text, index) => {
    if (explicit.has(index)) {
      if (explicit.get(index) === null) ignored.push(text);
      return;
    }
    if (text.trim() === '') return;
    const match = matchHeader(text);
    if (match === undefined) {
      unmapped.push(text);
      unmappedAt.push(index);
    } else candidates.push({ field: match.field, index, header: text, tier: match.tier });
  });

  const { columns, passedOver, rivals } = chooseColumns(candidates, warnings);
  const defaults = Object.entries(mapping?.defaults ?? {}).map(([field, value]) => ({
    field: field as MappedField,
    value: value ?? null,
  }));
  const fields = new Set<MappedField>([...columns.map((c) => c.field), ...defaults.map((d) => d.field)]);
  requireNameAndStart(fields, headers);

  if (unmapped.length > 0) {
    warnings.push(
      `${unmapped.length === 1 ? '1 column is' : `${unmapped.length} columns are`} not imported (no field matches): ` +
        `${unmapped.map(quote).join(', ')}. Map ${unmapped.length === 1 ? 'it' : 'them'} in a mapping file ` +
        '(--mapping) to import, or to null to silence this warning.',
    );
  }
  return {
    sheet: header.sheet,
    columns,
    defaults,
    fields,
    unmapped,
    unmappedAt,
    ignored,
    passedOver,
    rivals,
    ...(mapping?.layout !== undefined ? { layout: mapping.layout } : {}),
    warnings,
  };
}

/**
 * Per field, the strongest candidates win (a mapping file's columns outrank every alias). A
 * multi-column field keeps all of its strongest columns (their texts are joined); any other field
 * keeps the first, and a second of the same strength is a rival for the rows to settle.
 */
function chooseColumns(
  candidates: readonly Candidate[],
  warnings: string[],
): { columns: MappedColumn[]; passedOver: MappedColumn[]; rivals: RivalColumns[] } {
  const byField = new Map<MappedField, Candidate[]>();
  for (const candidate of candidates) {
    const list = byField.get(candidate.field);
    if (list) list.push(candidate);
    else byField.set(candidate.field, [candidate]);
  }
  const columns: MappedColumn[] = [];
  const passedOver: MappedColumn[] = [];
  const rivals: RivalColumns[] = [];
  for (const [field, list] of byField) {
    const best = Math.min(...list.map((c) => c.tier));
    const strongest = list.filter((c) => c.tier === best).sort((a, b) => a.index - b.index);
    const weaker = list.filter((c) => c.tier !== best).sort((a, b) => a.index - b.index);
    const kept = isMultiColumnField(field) ? strongest : strongest.slice(0, 1);
    const same = isMultiColumnField(field) ? [] : strongest.slice(1);
    columns.push(...kept.map(column));
    passedOver.push(...weaker.map(column), ...same.map(column));
    const first = kept[0]!;
    if (weaker.length > 0) {
      const why = best === -1 ? 'the mapping file maps it' : 'a stronger name for it';
      warnings.push(`${quote(first.header)} → ${field} (over ${weaker.map((c) => quote(c.header)).join(', ')}: ${why}).`);
    }
    if (same.length > 0 && best === -1) {
      warnings.push(
        `Columns ${quote(first.header)} and ${same.map((c) => quote(c.header)).join(', ')} are all mapped to ${field}: using ${quote(first.header)}.`,
      );
    } else {
      for (const other of same) rivals.push({ field, kept: column(first), other: column(other) });
    }
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, passedOver, rivals };
}

function column(candidate: Candidate): MappedColumn {
  return { field: candidate.field, index: candidate.index, header: candidate.header };
}

/**
 * Mapping-file headers resolved to column indexes: exact text first, then normalised. A column the
 * sheet lacks is a warning, unless its field is required and no other column of the file gives it.
 */
function explicitFieldsByIndex(headers: readonly string[], mapping: MappingConfig, warnings: string[]): Map<number, MappedField | null> {
  const byIndex = new Map<number, MappedField | null>();
  const missing: Array<{ wanted: string; field: MappedField }> = [];
  const normalisedHeaders = headers.map(normaliseHeader);
  for (const [wanted, field] of Object.entries(mapping.columns)) {
    let index = headers.indexOf(wanted);
    if (index === -1) {
      const key = normaliseHeader(wanted);
      index = key === '' ? -1 : normalisedHeaders.indexOf(key);
    }
    // Ignoring a column the sheet lacks is harmless (one mapping file serves exports with and
    // without optional columns).
    if (index === -1) {
      if (field !== null) missing.push({ wanted, field });
    } else if (!byIndex.has(index)) byIndex.set(index, field);
  }
  const found = new Set(byIndex.values());
  // A file may name several spellings of one column ("event_key" and "Session ID"): a field that
  // one of them gives is not missing.
  const absent = missing.filter((m) => !found.has(m.field));
  const required = absent.filter((m) => REQUIRED_FIELDS.has(m.field));
  const columnsText = headers
    .filter((h) => h.trim() !== '')
    .map(quote)
    .join(', ');
  if (required.length > 0) {
    const what =
      required.length === 1
        ? `maps ${quote(required[0]!.wanted)}, which is not a column`
        : `maps ${required.map((m) => quote(m.wanted)).join(', ')}, which are not columns`;
    throw new GuidebookImportError('mapping', `${mapping.source}: "columns" ${what} of the sheet (columns: ${columnsText})`);
  }
  // A built-in layout names every column its export may have; a missing one is not news.
  if (absent.length > 0 && mapping.layout === undefined) {
    warnings.push(
      `${mapping.source}: "columns" maps ${absent.map((m) => `${quote(m.wanted)} (${m.field})`).join(', ')}, ` +
        `not ${absent.length === 1 ? 'a column' : 'columns'} of this sheet: ${absent.length === 1 ? 'that field is' : 'those fields are'} not imported.`,
    );
  }
  return byIndex;
}

function requireNameAndStart(fields: ReadonlySet<MappedField>, headers: readonly string[]): void {
  const lacksName = !fields.has('name');
  const lacksStart = !START_FIELDS.some((f) => fields.has(f));
  if (!lacksName && !lacksStart) return;
  const lines: string[] = [];
  if (lacksName) lines.push(`No column gives the session name. Accepted headers: ${mainAliases('name')}.`);
  if (lacksStart) {
    lines.push(
      'No column gives the session start. Accepted headers: ' +
        `a date-time (${mainAliases('datetime_start')}), ` +
        `or a date (${mainAliases('date')}) with an optional start time (${mainAliases('start')}).`,
    );
  }
  const found = headers.filter((h) => h.trim() !== '');
  lines.push(`Columns found: ${found.length > 0 ? found.map(quote).join(', ') : '(none)'}.`);
  lines.push(
    'Rename a column, or map it in a mapping file: --mapping map.json with {"columns": {"<your header>": "name"}}; ' +
      '`guidebook-import template` writes a sheet with every column.',
  );
  throw new GuidebookImportError('mapping', lines.join('\n'));
}

/**
 * Settles the equal-strength rivals with the rows as read: two columns that both name a field as
 * surely ("Session" and "Talk") may keep the first only when no row fills both with different
 * texts. A row where they differ stops the run, naming both columns, the row, and the mapping-file
 * line that settles it; the importer never picks one silently. Returns a note per rival pair that
 * agreed on every row.
 */
export function checkRivalColumns(map: ColumnMap, rows: Iterable<RawRow | undefined>): string[] {
  if (map.rivals.length === 0) return [];
  const open = [...map.rivals];
  for (const raw of rows) {
    if (raw === undefined) continue;
    for (const rival of open) {
      const kept = cellText(raw.cells[rival.kept.index] ?? null).trim();
      const other = cellText(raw.cells[rival.other.index] ?? null).trim();
      if (kept === '' || other === '' || kept === other) continue;
      throw new GuidebookImportError(
        'mapping',
        `Columns ${quote(rival.kept.header)} and ${quote(rival.other.header)} both give ${rival.field} with equal weight, ` +
          `and differ in row ${raw.row} (${quote(clip(kept))} and ${quote(clip(other))}). Say which one to use: add ` +
          `{"columns": {${quote(rival.other.header)}: null}} to a --mapping file (or {"columns": {${quote(rival.kept.header)}: null}} ` +
          'to use the other one).',
      );
    }
  }
  return open.map(
    (rival) =>
      `Columns ${quote(rival.kept.header)} and ${quote(rival.other.header)} both give ${rival.field} and agree on every row: using ${quote(rival.kept.header)}.`,
  );
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
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
  // Most maps give each field one column: the cell is then set with no look for an earlier one.
  const single = hasSingleColumns(map);
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const value = cells[column.index] ?? null;
    if (single) {
      fields[column.field] = { column: column.header, value };
      continue;
    }
    const earlier = fields[column.field];
    // Only a multi-column field (Speaker 1, Speaker 2) has a second column: texts joined in
    // column order, the cell named by the first column.
    if (earlier === undefined) fields[column.field] = { column: column.header, value };
    else if (!isBlankCell(value)) {
      fields[column.field] = {
        column: earlier.column,
        value: isBlankCell(earlier.value) ? cellText(value) : `${cellText(earlier.value)}\n${cellText(value)}`,
      };
    }
  }
  for (let i = 0; i < defaults.length; i++) {
    const fallback = defaults[i]!;
    const cell = fields[fallback.field];
    if (cell === undefined || isBlankCell(cell.value)) fields[fallback.field] = { column: DEFAULT_COLUMN, value: fallback.value };
  }
  const row: MappedRow = { sheet: raw.sheet, row: raw.row, fields };
  // A time in a column that feeds no field must not let a row pass as all-day (validate/row-times.ts).
  const unmappedAt = map.unmappedAt;
  if (unmappedAt !== undefined && unmappedAt.length > 0) {
    row.unmapped = unmappedAt.map((index, i) => ({ column: map.unmapped[i] ?? '', value: cells[index] ?? null }));
  }
  return row;
}

// Whether each field of a map has one column, worked out once per map: a sheet's rows share one
// map (a workbook's sheets have a map each).
const singleColumnMaps = new WeakMap<ColumnMap, boolean>();

function hasSingleColumns(map: ColumnMap): boolean {
  let single = singleColumnMaps.get(map);
  if (single === undefined) {
    single = new Set(map.columns.map((column) => column.field)).size === map.columns.length;
    singleColumnMaps.set(map, single);
  }
  return single;
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
