import type { ExportCell } from './types.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

function clock(hour: number, minute: number, second: number): string {
  // Seconds only when there are some: "09:30", "09:30:15", as the time stage writes them.
  return second === 0 ? `${pad2(hour)}:${pad2(minute)}` : `${pad2(hour)}:${pad2(minute)}:${pad2(second)}`;
}

function day(year: number, month: number, dayOfMonth: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfMonth)}`;
}

/** A cell as CSV text, in the forms the importer reads back: yyyy-MM-dd, HH:mm, yyyy-MM-dd HH:mm. */
export function exportCellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  switch (cell.kind) {
    case 'date':
      return day(cell.year, cell.month, cell.day);
    case 'time':
      return clock(cell.hour, cell.minute, cell.second);
    case 'datetime':
      return `${day(cell.year, cell.month, cell.day)} ${clock(cell.hour, cell.minute, cell.second)}`;
  }
}

export function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'yes' : 'no';
}
