import type { CellValue, MappedField, SheetDateCell } from '../types.js';
import { createMemoFamily } from './caches.js';
import type { CompiledDateFormat } from './date-format.js';
import { parseExcelSerial } from './excel-serial.js';
import { type CalendarDate, isRealDate } from './wall-clock.js';
import {
  type DayMonthOrder,
  normaliseText,
  parseDateTimeText,
  type ParsedValue,
  timeFromParts,
  type WrittenDate,
  type WrittenTime,
} from './written-value.js';

// A sheet's date/time cells: which fields hold them, how each column is read (ColumnFormats,
// decided once per sheet), and one cell of any kind (text, serial number, workbook date cell) to
// its wall-clock value, read the way its column is read.

/** How one column's texts are read: the --date-format if given, and the column's day/month order. */
export interface ColumnParser {
  readonly format: CompiledDateFormat | null;
  /** Order for numeric dates (03/04/2027): --date-format's, else what the column's values prove. */
  readonly order: DayMonthOrder | null;
}

export function createColumnParser(format: CompiledDateFormat | null, order: DayMonthOrder | null): ColumnParser {
  return { format, order: format?.order ?? order };
}

// Text → parsed value (null: not a date/time), per --date-format: the day/month order is applied
// later, so the parse of a text depends on the format alone.
const parsedTexts = createMemoFamily<string, ParsedValue | null>();

export function parseColumnText(parser: ColumnParser, text: string): ParsedValue | null {
  const memo = parsedTexts(parser.format?.text ?? '');
  let parsed = memo.get(text);
  if (parsed === undefined) {
    const normalised = normaliseText(text);
    parsed = parser.format?.parse(normalised, text) ?? parseDateTimeText(normalised);
    memo.set(text, parsed);
  }
  return parsed;
}

/** What a cell is expected to hold: it decides how a bare number is read and what messages say. */
export type CellRole = 'date' | 'datetime' | 'time';

/** A cell's wall-clock value: date and/or time, plus the offset it carried, if any. */
export interface LocalValue {
  date: CalendarDate | null;
  time: WrittenTime | null;
  offsetMinutes: number | null;
}

export type CellReading = { ok: true; value: LocalValue } | { ok: false; code: 'bad_date' | 'bad_time'; problem: string };

/** Reads a non-empty date/time cell of any kind (text, serial number, workbook date cell). */
export function readDateTimeCell(v: CellValue, parser: ColumnParser, role: CellRole): CellReading {
  let parsed: ParsedValue | null;
  if (typeof v === 'string') parsed = parseColumnText(parser, v);
  else if (typeof v === 'number') parsed = role === 'time' ? numberAsTimeOfDay(v) : parseExcelSerial(v);
  else if (v !== null && typeof v === 'object') parsed = sheetDateValue(v);
  else parsed = null;
  if (!parsed) return notA(parser, role);
  if (!parsed.date) return { ok: true, value: { date: null, time: parsed.time, offsetMinutes: parsed.offsetMinutes } };
  // A date inside a time column is judged as a date-time.
  const date = resolveWrittenDate(parsed.date, parser, role === 'time' ? 'datetime' : role);
  if (!date.ok) return { ok: false, code: 'bad_date', problem: date.problem };
  return { ok: true, value: { date: date.date, time: parsed.time, offsetMinutes: parsed.offsetMinutes } };
}

function notA(parser: ColumnParser, role: CellRole): CellReading {
  const what = role === 'time' ? 'time' : 'date';
  return {
    ok: false,
    code: role === 'time' ? 'bad_time' : 'bad_date',
    problem: `is not a ${what} (expected ${expectedShape(parser, role)})`,
  };
}

export function expectedShape(parser: ColumnParser, role: CellRole, separator = '/'): string {
  if (parser.format) return parser.format.text;
  if (role === 'time') return 'H:mm or h:mm a';
  const order = separator === '.' ? 'd/M' : parser.order;
  const date = order === 'd/M' ? `d${separator}M${separator}yyyy` : order === 'M/d' ? `M${separator}d${separator}yyyy` : 'yyyy-MM-dd';
  if (role === 'date') return date;
  return `${date} ${order === 'M/d' ? 'h:mm a' : order === 'd/M' ? 'H:mm' : 'HH:mm'}`;
}

/** The order for a numeric date: --date-format's; dotted dates are d.M.yyyy; else the column's. */
function orderFor(date: Extract<WrittenDate, { kind: 'numeric' }>, parser: ColumnParser): DayMonthOrder | null {
  if (parser.format) return parser.order;
  if (date.separator === '.') return 'd/M';
  if (parser.order) return parser.order;
  // Not inferred (a row the inference did not see): only a value that proves its order is read.
  if (date.first > 12 && date.second <= 12) return 'd/M';
  if (date.second > 12 && date.first <= 12) return 'M/d';
  return null;
}

function resolveWrittenDate(
  written: WrittenDate,
  parser: ColumnParser,
  role: CellRole,
): { ok: true; date: CalendarDate } | { ok: false; problem: string } {
  if (written.kind === 'calendar') {
    const { year, month, day } = written.date;
    return isRealDate(year, month, day)
      ? { ok: true, date: written.date }
      : { ok: false, problem: `is not a date (expected ${expectedShape(parser, role)})` };
  }
  const order = orderFor(written, parser);
  if (!order) {
    return {
      ok: false,
      problem: `could be day/month or month/day: pass --date-format d/M/yyyy or --date-format M/d/yyyy`,
    };
  }
  const [day, month] = order === 'd/M' ? [written.first, written.second] : [written.second, written.first];
  if (!isRealDate(written.year, month, day)) {
    return { ok: false, problem: `is not a date (expected ${expectedShape({ ...parser, order }, role, written.separator)})` };
  }
  return { ok: true, date: { year: written.year, month, day } };
}

function sheetDateValue(cell: SheetDateCell): ParsedValue | null {
  const p = cell.parts;
  const date = cell.timeOnly ? null : { kind: 'calendar' as const, date: { year: p.year, month: p.month, day: p.day } };
  const time = cell.dateOnly ? null : { hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond, midnightWord: false };
  return date || time ? { date, time, offsetMinutes: null } : null;
}

/**
 * A bare number in a time column: a day fraction (an unformatted Excel time), 9 (9:00), 930 or
 * 1400 (clock digits), or a whole date-time serial.
 */
function numberAsTimeOfDay(n: number): ParsedValue | null {
  if (n >= 0 && n < 1) return parseExcelSerial(n);
  if (Number.isInteger(n)) {
    let time: WrittenTime | null = null;
    if (n >= 0 && n <= 23) time = timeFromParts(n, 0, 0, 0, undefined);
    else if (n >= 100 && n <= 2400) time = timeFromParts(Math.floor(n / 100), n % 100, 0, 0, undefined);
    return time ? { date: null, time, offsetMinutes: null } : null;
  }
  return parseExcelSerial(n);
}

export interface TimeOptions {
  /** --timezone: the zone of the sheet's local times. */
  timezone?: string;
  /** The guide's own zone (import only), used after a per-row zone column and --timezone. */
  guideTimezone?: string;
  /** --date-format, a luxon format such as d/M/yyyy or M/d/yyyy h:mm a. */
  dateFormat?: string;
  /** Opt-in: an end time earlier than the start means the next day. */
  overnight?: boolean;
  /** The guide's dates, to warn about rows far outside them. */
  guideWindow?: { start_date?: string | null; end_date?: string | null } | null;
}

/** The fields whose cells hold dates and/or times. */
export const DATE_TIME_FIELDS = [
  'datetime_start',
  'datetime_end',
  'date',
  'start',
  'end',
  'registration_start_date',
  'registration_end_date',
] as const satisfies readonly MappedField[];

export type DateTimeField = (typeof DATE_TIME_FIELDS)[number];

/** How the sheet's date/time columns are read, decided once for the whole sheet (validate/column-formats.ts). */
export interface ColumnFormats {
  /** The --date-format in force, or null. */
  readonly dateFormat: string | null;
  /** Day/month order of each column holding numeric dates such as 14/03/2027. */
  readonly dayMonthOrder: Readonly<Partial<Record<DateTimeField, DayMonthOrder>>>;
  readonly parsers: Readonly<Record<DateTimeField, ColumnParser>>;
}
