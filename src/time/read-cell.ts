import type { CellValue, MappedField, SheetDateCell } from '../types.js';
import { createMemoFamily, createObjectMemoFamily, type Memo } from './caches.js';
import type { ClockOrder } from './clock-order.js';
import type { CompiledDateFormat } from './date-format.js';
import { resolveWrittenDay } from './day-label.js';
import { parseExcelSerial } from './excel-serial.js';
import type { NameLanguage } from './local-names.js';
import { matchSpelledDate } from './spelled-dates.js';
import type { CalendarDate } from './wall-clock.js';
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
  /** The language of month and weekday names that languages read differently: --locale, else the column's. */
  readonly locale?: NameLanguage | null;
  /** Day 1 of the event, for day numbers, weekdays and dates without a year; null: not known. */
  readonly firstDay?: CalendarDate | null;
  /** The column holds day fractions ("0.7291666"), so its "0.25" is 06:00, not 00:25. */
  readonly dayFractions?: boolean;
}

/**
 * A text that can only be a day fraction: one digit after the point ("0.5"), three or more
 * ("0.7291666"), or two that are no minutes ("0.75"). "0.30" alone could be half past midnight.
 */
export function isCertainDayFraction(text: string): boolean {
  const m = /^0?[.,](\d+)$/.exec(text.trim());
  return m !== null && (m[1]!.length !== 2 || Number(m[1]) >= 60);
}

export function createColumnParser(format: CompiledDateFormat | null, order: DayMonthOrder | null): ColumnParser {
  return { format, order: format?.order ?? order };
}

// Text → parsed value (null: not a date/time), per --date-format and name language: the
// day/month order and the first day are applied later, so the parse of a text depends on those
// two alone. Without a language (nearly every column) the memo is found by the format's own text,
// a string made once, rather than by a key joined anew for each of a sheet's cells.
const parsedTexts = createMemoFamily<string, ParsedValue | null>();
const parsedTextsByLanguage = createMemoFamily<string, ParsedValue | null>();

export function parseColumnText(parser: ColumnParser, text: string): ParsedValue | null {
  const format = parser.format?.text ?? '';
  const memo = parser.locale ? parsedTextsByLanguage(`${format}\u0000${parser.locale}`) : parsedTexts(format);
  let parsed = memo.get(text);
  if (parsed === undefined) {
    const normalised = normaliseText(text);
    parsed = parser.format?.parse(normalised, text) ?? parseDateTimeText(normalised, parser.locale ?? null) ?? twoLineRange(parser, text);
    memo.set(text, parsed);
  }
  return parsed;
}

/**
 * A cell of two lines, a start and an end ("09:00\n10:30", "2027-05-18 09:00\n10:30"): a range,
 * as a cell of one line writes it with a dash. Null for any other text.
 */
function twoLineRange(parser: ColumnParser, text: string): ParsedValue | null {
  const lines = text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length !== 2) return null;
  const start = parseColumnText(parser, lines[0]!);
  const end = parseColumnText(parser, lines[1]!);
  if (!start?.time || start.end !== undefined || start.offsetAlternative !== undefined) return null;
  if (!end?.time || end.date || end.end !== undefined || end.offsetMinutes !== null) return null;
  return { date: start.date, time: start.time, offsetMinutes: start.offsetMinutes, end: end.time };
}

/** What a cell is expected to hold: it decides how a bare number is read and what messages say. */
export type CellRole = 'date' | 'datetime' | 'time';

/** A cell's wall-clock value: date and/or time, plus the offset it carried, if any. */
export interface LocalValue {
  date: CalendarDate | null;
  time: WrittenTime | null;
  offsetMinutes: number | null;
  /** A range's end ("9:00-10:30"); null: written as open ("18:00 - open end"); absent: no range. */
  end?: WrittenTime | null;
  /** The UTC offset the text also reads as ("01:30-05:00"): see ParsedValue. */
  offsetAlternative?: number;
}

export type CellReading = { ok: true; value: LocalValue } | { ok: false; code: 'bad_date' | 'bad_time'; problem: string };

// A text cell's reading, per column parser and role: the reading is a function of those three
// alone, and a sheet writes each of its few hundred dates and times on many rows. Each reading is
// frozen, as rows share it.
const textReadings: Readonly<Record<CellRole, (parser: ColumnParser) => Memo<string, CellReading>>> = {
  date: createObjectMemoFamily(),
  datetime: createObjectMemoFamily(),
  time: createObjectMemoFamily(),
};

/** Reads a non-empty date/time cell of any kind (text, serial number, workbook date cell). */
export function readDateTimeCell(v: CellValue, parser: ColumnParser, role: CellRole): CellReading {
  if (typeof v !== 'string') return readCell(v, parser, role);
  const memo = textReadings[role](parser);
  let reading = memo.get(v);
  if (reading === undefined) {
    reading = readCell(v, parser, role);
    if (reading.ok) Object.freeze(reading.value);
    memo.set(v, Object.freeze(reading));
  }
  return reading;
}

function readCell(v: CellValue, parser: ColumnParser, role: CellRole): CellReading {
  const parsed = parseCell(v, parser, role);
  if (!parsed) return notA(parser, role, v);
  const value: LocalValue = { date: null, time: parsed.time, offsetMinutes: parsed.offsetMinutes };
  if (parsed.end !== undefined) value.end = parsed.end;
  if (parsed.offsetAlternative !== undefined) value.offsetAlternative = parsed.offsetAlternative;
  if (!parsed.date) return { ok: true, value };
  // A date inside a time column is judged as a date-time.
  const date = resolveWrittenDate(parsed.date, parser, role === 'time' ? 'datetime' : role);
  if (!date.ok) return { ok: false, code: 'bad_date', problem: date.problem };
  value.date = date.date;
  return { ok: true, value };
}

/** A cell of any kind as written: null when it is no date, time or range. */
export function parseCell(v: CellValue, parser: ColumnParser, role: CellRole): ParsedValue | null {
  if (typeof v === 'string') {
    const text = v.trim();
    // A CSV keeps what a spreadsheet shows, or its stored number: "0.7291666" is 17:30. "0.30"
    // is half past midnight unless the column holds certain fractions too (then 07:12).
    if (role !== 'date' && (isCertainDayFraction(text) || (parser.dayFractions && /^0?[.,]\d+$/.test(text)))) {
      return parseExcelSerial(Number(text.replace(',', '.')));
    }
    // "1", "Day 1" and "1126" (MMdd) in a date column: a day number and a date without a year.
    if (role === 'date' && /^\d{1,4}$/.test(text)) return dayDigits(Number(text));
    // "46525" in a date column: a spreadsheet's serial date (1900 system) that a CSV export kept
    // as its number, when it falls in 2000-2099; any other 5-digit number is no date.
    if (role === 'date' && /^\d{5}$/.test(text)) return serialDate(Number(text));
    return parseColumnText(parser, v);
  }
  if (typeof v === 'number') {
    if (role === 'time') return numberAsTimeOfDay(v);
    if (role === 'date' && Number.isInteger(v) && v >= 0 && v <= 1231) return dayDigits(v);
    return parseExcelSerial(v);
  }
  if (v !== null && typeof v === 'object') return sheetDateValue(v);
  return null;
}

/** Serials of 2000-01-01 and 2099-12-31 (1900 system): the dates a 5-digit number in a date column may be. */
const FIRST_SERIAL_DATE = 36_526;
const LAST_SERIAL_DATE = 73_050;

function serialDate(serial: number): ParsedValue | null {
  return serial >= FIRST_SERIAL_DATE && serial <= LAST_SERIAL_DATE ? parseExcelSerial(serial) : null;
}

/** 1-31: a day number; 101-1231: month and day without a year ("1126" is 26 November). */
function dayDigits(n: number): ParsedValue | null {
  if (n <= 31) return { date: { kind: 'day_number', day: n }, time: null, offsetMinutes: null };
  const month = Math.floor(n / 100);
  const day = n % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { date: { kind: 'month_day', month, day }, time: null, offsetMinutes: null };
}

function notA(parser: ColumnParser, role: CellRole, v: CellValue): CellReading {
  const what = role === 'time' ? 'time' : 'date';
  const spelled = typeof v === 'string' ? matchSpelledDate(normaliseText(v), parser.locale ?? null) : null;
  if (spelled && 'ambiguous' in spelled) {
    return {
      ok: false,
      code: role === 'time' ? 'bad_time' : 'bad_date',
      problem: `names a month or weekday ${JSON.stringify(spelled.ambiguous)} that languages read differently: pass --locale (en, es, de, fr, it, pt, nl or ja)`,
    };
  }
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
  const order = written.kind === 'numeric' ? orderFor(written, parser) : null;
  const reading = resolveWrittenDay(written, parser.firstDay ?? null, order);
  if (reading.ok || reading.problem !== 'is not a date') return reading;
  const separator = written.kind === 'numeric' ? written.separator : '/';
  const shape = order ? expectedShape({ ...parser, order }, role, separator) : expectedShape(parser, role);
  return { ok: false, problem: `is not a date (expected ${shape})` };
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
  /** The guide's dates, to warn about rows far outside them; its start date is day 1 unless --first-day says otherwise. */
  guideWindow?: { start_date?: string | null; end_date?: string | null } | null;
  /** --first-day YYYY-MM-DD: the date of day 1, for day numbers, weekday names and dates without a year. */
  firstDay?: string;
  /** --locale: the language of month and weekday names that languages read differently (en es de fr it pt nl ja). */
  locale?: string;
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
  'end_date',
] as const satisfies readonly MappedField[];

export type DateTimeField = (typeof DATE_TIME_FIELDS)[number];

/** How the sheet's date/time columns are read, decided once for the whole sheet (validate/column-formats.ts). */
export interface ColumnFormats {
  /** The --date-format in force, or null. */
  readonly dateFormat: string | null;
  /** Day/month order of each column holding numeric dates such as 14/03/2027. */
  readonly dayMonthOrder: Readonly<Partial<Record<DateTimeField, DayMonthOrder>>>;
  readonly parsers: Readonly<Record<DateTimeField, ColumnParser>>;
  /** The start column's 12-hour times without am/pm, read by their place in the day; null: read as written. */
  readonly clockOrder?: ClockOrder | null;
  /** Headers of columns that feed no field and hold times: a row with a date and no time is then no all-day session. */
  readonly unmappedTimeColumns?: readonly string[];
  /** Headers of the mapped date and start columns that give some row a time: a row without one there is all-day by omission. */
  readonly timedColumns?: readonly string[];
  /**
   * Per field, how its column was found to be written, for validate --explain ("dates:
   * day/month/year (detected from row 7: "18/05/2027")"); absent for a column with nothing to say.
   */
  readonly detected?: Readonly<Partial<Record<DateTimeField, string>>>;
}
