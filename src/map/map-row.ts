import type { MappedField, MappedCell, MappedRow, RawRow } from '../types.js';
import { isBlankCell } from '../read/cell-value.js';
import type { ColumnMap } from './column-map.js';

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
