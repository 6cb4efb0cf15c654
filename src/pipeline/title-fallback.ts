// A row whose title cell is blank takes its title from the sheet's other title column, when it has
// one ("Title" blank, "Session" filled): the column the field table ranks lower (or an equal
// rival), tried in sheet order. The run says how many rows did.
import { type ColumnMap, isBareNameHeader } from '../map/index.js';
import { cellText, isBlankCell } from '../read/cell-value.js';
import type { RawRow } from '../types.js';

export interface TitleFallback {
  take(raw: RawRow): void;
  notes(): string[];
}

export function createTitleFallback(sheet: string, columnMap: ColumnMap): TitleFallback {
  const title = columnMap.columns.find((column) => column.field === 'name');
  const others = [...columnMap.passedOver, ...columnMap.rivals.map((rival) => rival.other)]
    .filter((column) => column.field === 'name' && column.index !== title?.index && !isBareNameHeader(column.header))
    .sort((a, b) => a.index - b.index);
  const used = new Map<string, number>();
  return {
    take(raw) {
      if (title === undefined || others.length === 0 || !isBlankCell(raw.cells[title.index] ?? null)) return;
      const other = others.find((column) => !isBlankCell(raw.cells[column.index] ?? null));
      if (other === undefined) return;
      raw.cells[title.index] = cellText(raw.cells[other.index] ?? null);
      used.set(other.header, (used.get(other.header) ?? 0) + 1);
    },
    notes() {
      return [...used].map(
        ([header, count]) =>
          `sheet ${JSON.stringify(sheet)}: ${count} row${count === 1 ? '' : 's'} with a blank ${JSON.stringify(title?.header)} take the title from ${JSON.stringify(header)}`,
      );
    },
  };
}
