import type { CellObject } from 'xlsx';
import {
  XLSX_DATE_FORMAT,
  XLSX_DATETIME_FORMAT,
  XLSX_TIME_FORMAT,
  excelSerial,
  type TemplateCell,
} from './template-cell.js';

/** A SheetJS cell: text as a string cell, dates and times as numeric serials with a date format. */
export function xlsxCell(cell: TemplateCell): CellObject | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  switch (cell.kind) {
    case 'date':
      return { t: 'n', v: excelSerial(cell.year, cell.month, cell.day), z: XLSX_DATE_FORMAT };
    case 'time':
      return { t: 'n', v: (cell.hour * 60 + cell.minute) / 1440, z: XLSX_TIME_FORMAT };
    case 'datetime':
      return { t: 'n', v: excelSerial(cell.year, cell.month, cell.day, cell.hour, cell.minute), z: XLSX_DATETIME_FORMAT };
  }
}
