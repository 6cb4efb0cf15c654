import * as XLSX from 'xlsx';
import type { CellValue, SheetDateCell } from '../types.js';
import { formatHasTime, sheetDateCellOrNull } from './sheet-date.js';

/** Excel's error codes, as the cell shows them. */
const ERROR_TEXT: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

interface FormatKind {
  isDate: boolean;
  hasTime: boolean;
  /** Date cells already built for this format, by serial (null: outside Excel's calendar). */
  dates: Map<number, SheetDateCell | null>;
}

/**
 * A date column repeats a few dozen days, a time column a few hundred times of day, over 100k
 * rows: each distinct serial is built (and formatted, SheetJS's costliest call here) once per
 * format and the read-only cell shared. Past this many serials a format stops remembering more.
 */
const MAX_REMEMBERED_DATES = 100_000;

const DATE_1899_12_30 = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * Turns SheetJS cells into CellValues for one workbook. A sheet uses a handful of number formats
 * over many cells, so what each format means is worked out once.
 */
export class WorkbookCellReader {
  private readonly formats = new Map<string, FormatKind>();

  constructor(private readonly date1904: boolean) {}

  value(cell: XLSX.CellObject | undefined): CellValue {
    if (cell === undefined) return null;
    switch (cell.t) {
      case 's':
        return cell.v === '' || cell.v === undefined ? null : String(cell.v);
      case 'b':
        return Boolean(cell.v);
      case 'e':
        return cell.w ?? ERROR_TEXT[cell.v as number] ?? '#ERROR!';
      case 'n':
        return this.number(cell.v as number, cell.z);
      case 'd':
        return this.date(cell.v, cell.z);
      default:
        return null;
    }
  }

  private number(value: number, format: XLSX.NumberFormat | undefined): CellValue {
    if (typeof format !== 'string') return value;
    const kind = this.formatKind(format);
    if (!kind.isDate) return value;
    let cell = kind.dates.get(value);
    if (cell === undefined) {
      cell = sheetDateCellOrNull(value, this.date1904, format, kind.hasTime);
      if (kind.dates.size < MAX_REMEMBERED_DATES) kind.dates.set(value, cell);
    }
    // Outside Excel's calendar a date-formatted number stays a number: the row reports it.
    return cell ?? value;
  }

  /**
   * SheetJS hands out Date cells (even without cellDates) for a few sources; its dates carry
   * the wall clock in UTC fields, so the serial is rebuilt from those, never from local time.
   */
  private date(value: unknown, format: XLSX.NumberFormat | undefined): CellValue {
    const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
    if (Number.isNaN(ms)) return String(value);
    let serial = (ms - DATE_1899_12_30) / MS_PER_DAY;
    if (serial < 60) serial -= 1; // Excel's phantom 29 Feb 1900
    if (this.date1904) serial -= 1462;
    const text = typeof format === 'string' ? format : 'yyyy-mm-dd hh:mm:ss';
    return sheetDateCellOrNull(serial, this.date1904, text, this.formatKind(text).hasTime) ?? String(value);
  }

  private formatKind(format: string): FormatKind {
    let kind = this.formats.get(format);
    if (kind === undefined) {
      kind = { isDate: XLSX.SSF.is_date(format), hasTime: formatHasTime(format), dates: new Map() };
      this.formats.set(format, kind);
    }
    return kind;
  }
}
