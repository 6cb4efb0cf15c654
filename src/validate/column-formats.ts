import { GuidebookImportError } from '../errors.js';
import { isBlankCell } from '../read/cell-value.js';
import {
  type CalendarDate,
  type ClockOrder,
  collectClockOrder,
  DATE_TIME_FIELDS,
  compileDateFormat,
  createColumnParser,
  FIRST_DAY_HINT,
  clockTextIsMarked,
  isNameLanguage,
  NAME_LANGUAGES,
  type NameLanguage,
  nameLanguagesIn,
  isPartialDate,
  isCertainDayFraction,
  parseCell,
  parseColumnText,
  parseIsoDate,
  requireZoneOption,
  type ColumnFormats,
  type ColumnParser,
  type CellRole,
  type CompiledDateFormat,
  type DateTimeField,
  type DayMonthOrder,
  type ParsedValue,
  type TimeOptions,
} from '../time/index.js';
import type { CellValue, MappedRow } from '../types.js';

/** Where a numeric date was seen: the first few are named in messages, the rest counted. */
interface Sightings {
  count: number;
  first: Array<{ sheet: string; row: number }>;
  /** The first one's text, quoted in messages. */
  text: string;
}

const SHOWN_SIGHTINGS = 3;

interface OrderEvidence {
  column: string;
  dayFirst: Sightings; // 14/03/2027: only d/M makes it a date
  monthFirst: Sightings; // 03/14/2027: only M/d
  either: Sightings; // 03/04/2027
}

/** How one date/time column is read, and what its cells have shown so far. */
interface ColumnEvidence {
  readonly field: DateTimeField;
  readonly probe: ColumnParser;
  evidence: OrderEvidence | null;
  hasNumericDates: boolean;
  /** The first cell that needs the first day ("Day 2", "Thursday", "May 18"), for the file error. */
  partial: { column: string; row: number; sheet: string; text: string } | null;
  /** How many cells use month or weekday names of each language. */
  languages: Map<NameLanguage, number>;
  /** A cell holds a certain day fraction ("0.7291666", "0.75"): the column's "0.25" is one too. */
  dayFractions: boolean;
  /** The first cell of each telling kind, quoted by validate --explain. */
  seen: Partial<Record<WrittenKind, Sighted>>;
  /** What each text of the column says (null once the column has too many distinct texts). */
  texts: Map<string, TextEvidence> | null;
}

/**
 * What one text says in its column, the same wherever it appears there: a column of 100k cells
 * repeats a few hundred texts, each worked out once. Only the counts and first places are per cell.
 */
interface TextEvidence {
  parsed: ParsedValue | null;
  /** The parsed date lacks its year, month or day: it needs the first day. */
  partial: boolean;
  /** A certain day fraction ("0.7291666"), in a column that is not a date column. */
  dayFraction: boolean;
  /** The telling kind validate --explain names, and the trimmed text it quotes. */
  kind: WrittenKind | null;
  trimmed: string;
  /** The languages whose month or weekday names the text uses. */
  languages: readonly NameLanguage[];
  /** Which day/month order a numeric date without dots proves (null: not such a date). */
  order: 'dayFirst' | 'monthFirst' | 'either' | 'neither' | null;
}

/** Distinct texts remembered per column: more (titles in a date column?) are worked out per cell. */
const MAX_COLUMN_TEXTS = 5_000;

/** The kinds of cell validate --explain names: a serial number as text, a day fraction, a range in one cell, a dotted date. */
type WrittenKind = 'serial' | 'fraction' | 'range' | 'dotted';

interface Sighted {
  sheet: string;
  row: number;
  text: string;
}

/** A row's key in the sheet-wide facts (ClockOrder). */
export function rowKey(row: Pick<MappedRow, 'sheet' | 'row'>): string {
  return `${row.sheet}\u0000${row.row}`;
}

/** The columns a row's start time comes from. */
const TIMED_FIELDS: ReadonlySet<DateTimeField> = new Set<DateTimeField>(['datetime_start', 'start', 'date']);

/** Share of an unmapped column's filled cells that must be times for it to count as a time column. */
const TIME_COLUMN_SHARE = 0.5;

/**
 * The column-wide facts inferColumnFormats decides from, gathered one row at a time, so a caller
 * that streams rows need not hold them as MappedRows: every row is added once, then decide().
 */
export interface ColumnFormatEvidence {
  add(row: MappedRow): void;
  /** The formats for the rows added; throws as inferColumnFormats does. */
  decide(): ColumnFormats;
}

/**
 * Decides once, for the whole sheet, how each date/time column is read. --date-format wins;
 * otherwise each column's numeric dates must prove one day/month order: a column that proves
 * both, or neither while holding dates like 03/04/2027, stops the run asking for --date-format.
 */
export function inferColumnFormats(rows: readonly MappedRow[], options: TimeOptions): ColumnFormats {
  const evidence = collectColumnFormatEvidence(options);
  for (const row of rows) evidence.add(row);
  return evidence.decide();
}

export function collectColumnFormatEvidence(options: TimeOptions): ColumnFormatEvidence {
  // A bad --date-format is reported by decide(), after a bad --timezone, as it always was.
  let format: CompiledDateFormat | null = null;
  let formatError: unknown = null;
  try {
    format = options.dateFormat ? compileDateFormat(options.dateFormat) : null;
  } catch (error) {
    formatError = error;
  }
  const locale = options.locale === undefined ? null : options.locale.trim().toLowerCase();
  const localeError = locale !== null && !isNameLanguage(locale) ? localeOptionError(options.locale ?? '') : null;
  const probeLocale = locale !== null && isNameLanguage(locale) ? locale : null;
  const columns: ColumnEvidence[] = DATE_TIME_FIELDS.map((field) => ({
    field,
    probe: { ...createColumnParser(format, null), locale: probeLocale },
    evidence: null,
    hasNumericDates: false,
    partial: null,
    languages: new Map(),
    dayFractions: false,
    seen: {},
    texts: new Map(),
  }));
  let firstSheet: string | undefined;
  let multiSheet = false;
  const clock = collectClockOrder();
  let clockColumn: string | null = null;
  let lastDay = '';
  const unmappedTimes = new Map<string, { times: number; filled: number }>();
  const timedColumns = new Set<string>();

  return {
    add(row) {
      if (firstSheet === undefined) firstSheet = row.sheet;
      else if (row.sheet !== firstSheet) multiSheet = true;
      if (formatError !== null) return;
      const fields = row.fields;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const cell = fields[column.field];
        if (!cell || isBlankCell(cell.value)) continue;
        const role = column.field === 'date' || column.field === 'end_date' ? 'date' : column.field === 'start' ? 'time' : 'datetime';
        const value = cell.value;
        // One parse per text answers every question below.
        const text = typeof value === 'string' ? textEvidence(column, value, role) : null;
        const parsed = text === null ? parseCell(value, column.probe, role) : text.parsed;
        if (parsed?.time && TIMED_FIELDS.has(column.field)) timedColumns.add(cell.column);
        if (column.partial === null && (text === null ? Boolean(parsed?.date && isPartialDate(parsed.date)) : text.partial)) {
          column.partial = { column: cell.column, row: row.row, sheet: row.sheet, text: String(value) };
        }
        if (text === null || typeof value !== 'string') continue;
        if (text.dayFraction) column.dayFractions = true;
        if (text.kind && !column.seen[text.kind]) column.seen[text.kind] = { sheet: row.sheet, row: row.row, text: text.trimmed };
        for (const language of text.languages) column.languages.set(language, (column.languages.get(language) ?? 0) + 1);
        if (parsed?.date?.kind !== 'numeric') continue;
        column.hasNumericDates = true;
        if (format || text.order === null) continue;
        column.evidence ??= { column: cell.column, dayFirst: noSightings(), monthFirst: noSightings(), either: noSightings() };
        if (text.order !== 'neither') sight(column.evidence[text.order], row, value);
      }
      seeClock(row);
      for (const cell of row.unmapped ?? []) {
        if (isBlankCell(cell.value)) continue;
        let tally = unmappedTimes.get(cell.column);
        if (!tally) unmappedTimes.set(cell.column, (tally = { times: 0, filled: 0 }));
        tally.filled++;
        if (isTimeLike(cell.value)) tally.times++;
      }
    },
    decide() {
      if (options.timezone) requireZoneOption(options.timezone, '--timezone');
      if (formatError !== null) throw formatError;
      if (localeError) throw localeError;
      const firstDay = decideFirstDay(options);
      const parsers = {} as Record<DateTimeField, ColumnParser>;
      const dayMonthOrder: Partial<Record<DateTimeField, DayMonthOrder>> = {};
      for (const { field, probe, evidence, hasNumericDates, partial, languages, dayFractions } of columns) {
        if (partial && !firstDay) throw firstDayError(partial, multiSheet);
        const order = format ? format.order : decideOrder(evidence, multiSheet, probeLocale ?? columnLanguage(languages));
        parsers[field] = { ...probe, order, locale: probeLocale ?? columnLanguage(languages), firstDay, dayFractions };
        if (order && hasNumericDates) dayMonthOrder[field] = order;
      }
      const clockOrder: ClockOrder | null = clockColumn ? clock.decide(clockColumn) : null;
      const unmappedTimeColumns = [...unmappedTimes]
        .filter(([, t]) => t.times > 0 && t.times >= t.filled * TIME_COLUMN_SHARE)
        .map(([column]) => column);
      const detected: Partial<Record<DateTimeField, string>> = {};
      for (const column of columns) {
        const text = describeColumn(column, parsers[column.field], format, multiSheet, clockOrder);
        if (text) detected[column.field] = text;
      }
      return {
        dateFormat: format?.text ?? null,
        dayMonthOrder,
        parsers,
        clockOrder,
        unmappedTimeColumns,
        timedColumns: [...timedColumns],
        detected,
      };
    },
  };

  /** The start times, in sheet order, for a column of 12-hour times without am/pm. */
  function seeClock(row: MappedRow): void {
    // Most columns show at once that they write am/pm or 24-hour times: the rest is not read then.
    if (clock.settled()) return;
    const startCell = row.fields.start ?? row.fields.datetime_start;
    if (!startCell || isBlankCell(startCell.value)) return;
    const dateCell = row.fields.date;
    if (dateCell && !isBlankCell(dateCell.value))
      lastDay = String(dateCell.value instanceof Object ? (dateCell.value as { serial: number }).serial : dateCell.value);
    const value = startCell.value;
    const role = row.fields.start && row.fields.date ? 'time' : 'datetime';
    const parsed = parseCell(value, columns[0]!.probe, role);
    if (!parsed?.time) return;
    clockColumn ??= startCell.column;
    const day = parsed.date ? JSON.stringify(parsed.date) : lastDay;
    // Only a text can leave am/pm out: a time cell or a number is a 24-hour value.
    clock.see(rowKey(row), day, parsed.time, typeof value !== 'string' || clockTextIsMarked(value));
  }
}

/** What `text` says in `column`, worked out on its first cell there and remembered. */
function textEvidence(column: ColumnEvidence, text: string, role: CellRole): TextEvidence {
  const known = column.texts?.get(text);
  if (known !== undefined) return known;
  const parsed = parseCell(text, column.probe, role);
  const date = parsed?.date;
  const evidence: TextEvidence = {
    parsed,
    partial: Boolean(date && isPartialDate(date)),
    dayFraction: role !== 'date' && isCertainDayFraction(text),
    kind: parsed ? writtenKind(text.trim(), role, parsed) : null,
    trimmed: text.trim(),
    languages: /\p{L}{2}|[月曜]/u.test(text) ? [...nameLanguagesIn(text)] : [],
    order: date?.kind !== 'numeric' || date.separator === '.' ? null : dateOrder(date.first, date.second),
  };
  if (column.texts !== null) {
    if (column.texts.size >= MAX_COLUMN_TEXTS) column.texts = null;
    else column.texts.set(text, evidence);
  }
  return evidence;
}

/** Which order a numeric date's first two numbers prove: only d/M, only M/d, either, or neither. */
function dateOrder(first: number, second: number): TextEvidence['order'] {
  if (first > 12 && second <= 12) return 'dayFirst';
  if (second > 12 && first <= 12) return 'monthFirst';
  if (first <= 12 && second <= 12) return 'either';
  return 'neither';
}

/** The kind of cell validate --explain names, if the text is one. */
function writtenKind(trimmed: string, role: CellRole, parsed: ParsedValue): WrittenKind | null {
  if (role === 'date' && /^\d{5}$/.test(trimmed)) return 'serial';
  if (role !== 'date' && /^0?[.,]\d+$/.test(trimmed)) return 'fraction';
  if (parsed.end !== undefined) return 'range';
  if (parsed.date?.kind === 'numeric' && parsed.date.separator === '.') return 'dotted';
  return null;
}

/**
 * How a column was found to be written, in words for validate --explain: its day/month order and
 * the cell that settled it, the language of its names, serial dates, day fractions, ranges, and
 * times read by their order in the day. Empty when the column said nothing worth telling.
 */
function describeColumn(
  column: ColumnEvidence,
  parser: ColumnParser,
  format: CompiledDateFormat | null,
  multiSheet: boolean,
  clockOrder: ClockOrder | null,
): string {
  const where = (s: Sighted): string => `row ${s.row}${multiSheet ? ` of ${JSON.stringify(s.sheet)}` : ''}: ${JSON.stringify(s.text)}`;
  const parts: string[] = [];
  const { evidence, seen } = column;
  // A --date-format (or a mapping file's) is named where it is given: only what was detected is said here.
  if (!format && evidence && parser.order) {
    const proof = parser.order === 'd/M' ? evidence.dayFirst : evidence.monthFirst;
    const order = parser.order === 'd/M' ? 'day/month/year' : 'month/day/year';
    const first = proof.count > 0 ? proof.first[0] : undefined;
    if (first) parts.push(`dates: ${order} (detected from ${where({ ...first, text: proof.text })})`);
    else parts.push(`dates: ${order} (no date settles it; the sheet's language, ${parser.locale}, writes them so)`);
  }
  if (seen.dotted) parts.push(`dates: day.month.year (dotted, ${where(seen.dotted)})`);
  if (seen.serial) parts.push(`dates: spreadsheet serial numbers, 1900 system (${where(seen.serial)})`);
  if (parser.locale && column.languages.size > 0) parts.push(`month/weekday names: ${parser.locale}`);
  if (column.partial && parser.firstDay) {
    const day = parser.firstDay;
    const iso = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    parts.push(`days without a full date counted from day 1 = ${iso} (${where(column.partial)})`);
  }
  if (column.dayFractions && seen.fraction) parts.push(`times: fractions of a day (${where(seen.fraction)})`);
  if (seen.range) parts.push(`start and end in one cell (${where(seen.range)})`);
  if (clockOrder && clockOrder.afternoon.size > 0 && (column.field === 'start' || column.field === 'datetime_start')) {
    parts.push(`12-hour times without am/pm, read by their order in the day (${clockOrder.afternoon.size} in the afternoon)`);
  }
  return parts.join('; ');
}

/** A cell that holds a time of day (a time cell, "9:30", "9:30 am", "14h", "9:00-10:30"), not a bare number. */
function isTimeLike(value: CellValue): boolean {
  if (typeof value === 'object' && value !== null) return value.timeOnly || !value.dateOnly;
  if (typeof value !== 'string' || /^\s*\d+\s*$/.test(value)) return false;
  const parsed = parseColumnText(TIME_PROBE, value);
  return parsed !== null && parsed.time !== null;
}

const TIME_PROBE: ColumnParser = createColumnParser(null, null);

/** --first-day, else the guide's start date; null when neither is known. */
function decideFirstDay(options: TimeOptions): CalendarDate | null {
  if (options.firstDay !== undefined) {
    const date = parseIsoDate(options.firstDay);
    if (!date) {
      throw new GuidebookImportError(
        'usage',
        `--first-day ${JSON.stringify(options.firstDay)} is not a date: write it as YYYY-MM-DD, e.g. --first-day 2027-05-18`,
      );
    }
    return date;
  }
  return parseIsoDate(options.guideWindow?.start_date ?? null);
}

function firstDayError(partial: NonNullable<ColumnEvidence['partial']>, multiSheet: boolean): GuidebookImportError {
  const where = multiSheet ? `row ${partial.row} of ${JSON.stringify(partial.sheet)}` : `row ${partial.row}`;
  return new GuidebookImportError(
    'date_format',
    `Column ${JSON.stringify(partial.column)} gives days without a full date (${where}: ${JSON.stringify(partial.text)}): ${FIRST_DAY_HINT}.`,
  );
}

function localeOptionError(text: string): GuidebookImportError {
  return new GuidebookImportError(
    'usage',
    `--locale ${JSON.stringify(text)} is not a language read here: use one of ${NAME_LANGUAGES.join(', ')}`,
  );
}

/** The language most of a column's named cells use, when one leads; null when none or a tie. */
function columnLanguage(languages: Map<NameLanguage, number>): NameLanguage | null {
  let best: NameLanguage | null = null;
  let bestCount = 0;
  let tie = false;
  for (const [language, count] of languages) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
      tie = false;
    } else if (count === bestCount) tie = true;
  }
  return tie ? null : best;
}

function noSightings(): Sightings {
  return { count: 0, first: [], text: '' };
}

function sight(sightings: Sightings, row: MappedRow, text: string): void {
  if (sightings.count === 0) sightings.text = text;
  if (sightings.count < SHOWN_SIGHTINGS) sightings.first.push({ sheet: row.sheet, row: row.row });
  sightings.count++;
}

// The order a language writes numeric dates in, for a column whose dates do not settle it.
// English is left out: the US writes month/day, Britain day/month.
const LANGUAGE_ORDER: Partial<Record<NameLanguage, DayMonthOrder>> = {
  es: 'd/M',
  de: 'd/M',
  fr: 'd/M',
  it: 'd/M',
  pt: 'd/M',
  nl: 'd/M',
  ja: 'M/d',
};

function decideOrder(evidence: OrderEvidence | null, multiSheet: boolean, language: NameLanguage | null): DayMonthOrder | null {
  if (!evidence) return null;
  const { column, dayFirst, monthFirst, either } = evidence;
  const where = (sightings: Sightings): string => describeRows(sightings, multiSheet);
  if (dayFirst.count > 0 && monthFirst.count > 0) {
    throw new GuidebookImportError(
      'date_format',
      `Column ${JSON.stringify(column)} mixes day/month orders: ${where(dayFirst)} can only be day/month, ` +
        `${where(monthFirst)} can only be month/day. Correct the sheet, or pass --date-format d/M/yyyy ` +
        `(or --date-format M/d/yyyy) to read every date one way; the others will be reported as invalid rows.`,
    );
  }
  if (dayFirst.count > 0) return 'd/M';
  if (monthFirst.count > 0) return 'M/d';
  const languageOrder = language ? LANGUAGE_ORDER[language] : undefined;
  if (either.count > 0 && languageOrder) return languageOrder;
  if (either.count > 0) {
    throw new GuidebookImportError(
      'date_format',
      `Column ${JSON.stringify(column)} is ambiguous: ${where(either)} read as day/month or month/day alike, ` +
        `and no date in the column settles it. Pass --date-format d/M/yyyy or --date-format M/d/yyyy (or --locale for the sheet's language, e.g. --locale de).`,
    );
  }
  return null;
}

/** `rows 3, 5, 9 and 12 more (e.g. "14/03/2027")` */
function describeRows(sightings: Sightings, multiSheet: boolean): string {
  const shown = sightings.first.map((s) => (multiSheet ? `${s.row} of ${JSON.stringify(s.sheet)}` : String(s.row)));
  const more = sightings.count > SHOWN_SIGHTINGS ? ` and ${sightings.count - SHOWN_SIGHTINGS} more` : '';
  const example = sightings.count > 0 ? ` (e.g. ${JSON.stringify(sightings.text)})` : '';
  return `${sightings.count === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more}${example}`;
}
