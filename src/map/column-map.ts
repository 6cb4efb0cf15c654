import type { CellValue, MappedField } from '../types.js';

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

