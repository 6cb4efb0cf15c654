import type { CellObject } from 'xlsx';
import { excelSerial } from '../time/excel-serial.js';
import type { ClockStyle, SheetCell } from './sheet-cell.js';

/** The number format of a time: `h:mm AM/PM` or `hh:mm`, with `:ss` only when there are seconds. */
function clockFormat(second: number, clock: ClockStyle): string {
  const seconds = second === 0 ? '' : ':ss';
  return clock === '24-hour' ? `hh:mm${seconds}` : `h:mm${seconds} AM/PM`;
}

/**
 * A SheetJS cell: text as a string cell, dates and times as numeric serials carrying a date or
 * time number format, so a spreadsheet shows (and edits) them as dates and times. Null for an
 * empty cell.
 */
export function xlsxCell(cell: SheetCell, clock: ClockStyle): CellObject | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  switch (cell.kind) {
    case 'date':
      return { t: 'n', v: excelSerial(cell.year, cell.month, cell.day), z: 'yyyy-mm-dd' };
    case 'time':
      return { t: 'n', v: (cell.hour * 3600 + cell.minute * 60 + cell.second) / 86_400, z: clockFormat(cell.second, clock) };
    case 'datetime':
      return {
        t: 'n',
        v: excelSerial(cell.year, cell.month, cell.day, cell.hour, cell.minute, cell.second),
        z: `yyyy-mm-dd ${clockFormat(cell.second, clock)}`,
      };
  }
}
