import type { ClockStyle, SheetCell } from './sheet-cell.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "2027-05-18": the ISO form every reader takes. */
function dayText(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** "9:00 AM" (12-hour) or "09:00" (24-hour); ":15" seconds only when there are some. */
function clockText(hour: number, minute: number, second: number, clock: ClockStyle): string {
  const seconds = second === 0 ? '' : `:${pad2(second)}`;
  if (clock === '24-hour') return `${pad2(hour)}:${pad2(minute)}${seconds}`;
  return `${hour % 12 || 12}:${pad2(minute)}${seconds} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** A cell as text (CSV): ISO dates, times in the clock style asked for, the two joined by a space. */
export function sheetCellText(cell: SheetCell, clock: ClockStyle): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  switch (cell.kind) {
    case 'date':
      return dayText(cell.year, cell.month, cell.day);
    case 'time':
      return clockText(cell.hour, cell.minute, cell.second, clock);
    case 'datetime':
      return `${dayText(cell.year, cell.month, cell.day)} ${clockText(cell.hour, cell.minute, cell.second, clock)}`;
  }
}
