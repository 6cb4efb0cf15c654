import { GuidebookImportError } from '../errors.js';
import {
  DATE_TIME_FIELDS,
  compileDateFormat,
  createColumnParser,
  parseColumnText,
  requireZoneOption,
  type ColumnFormats,
  type ColumnParser,
  type CompiledDateFormat,
  type DateTimeField,
  type DayMonthOrder,
  type TimeOptions,
} from '../time/index.js';
import type { MappedRow } from '../types.js';

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
}

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
  const columns: ColumnEvidence[] = DATE_TIME_FIELDS.map((field) => ({
    field,
    probe: createColumnParser(format, null),
    evidence: null,
    hasNumericDates: false,
  }));
  let firstSheet: string | undefined;
  let multiSheet = false;

  return {
    add(row) {
      if (firstSheet === undefined) firstSheet = row.sheet;
      else if (row.sheet !== firstSheet) multiSheet = true;
      if (formatError !== null) return;
      const fields = row.fields;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const cell = fields[column.field];
        if (!cell || typeof cell.value !== 'string') continue;
        const date = parseColumnText(column.probe, cell.value)?.date;
        if (date?.kind !== 'numeric') continue;
        column.hasNumericDates = true;
        if (format || date.separator === '.') continue;
        column.evidence ??= { column: cell.column, dayFirst: noSightings(), monthFirst: noSightings(), either: noSightings() };
        const { evidence } = column;
        if (date.first > 12 && date.second <= 12) sight(evidence.dayFirst, row, cell.value);
        else if (date.second > 12 && date.first <= 12) sight(evidence.monthFirst, row, cell.value);
        else if (date.first <= 12 && date.second <= 12) sight(evidence.either, row, cell.value);
      }
    },
    decide() {
      if (options.timezone) requireZoneOption(options.timezone, '--timezone');
      if (formatError !== null) throw formatError;
      const parsers = {} as Record<DateTimeField, ColumnParser>;
      const dayMonthOrder: Partial<Record<DateTimeField, DayMonthOrder>> = {};
      for (const { field, probe, evidence, hasNumericDates } of columns) {
        const order = format ? format.order : decideOrder(evidence, multiSheet);
        parsers[field] = { ...probe, order };
        if (order && hasNumericDates) dayMonthOrder[field] = order;
      }
      return { dateFormat: format?.text ?? null, dayMonthOrder, parsers };
    },
  };
}

function noSightings(): Sightings {
  return { count: 0, first: [], text: '' };
}

function sight(sightings: Sightings, row: MappedRow, text: string): void {
  if (sightings.count === 0) sightings.text = text;
  if (sightings.count < SHOWN_SIGHTINGS) sightings.first.push({ sheet: row.sheet, row: row.row });
  sightings.count++;
}

function decideOrder(evidence: OrderEvidence | null, multiSheet: boolean): DayMonthOrder | null {
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
  if (either.count > 0) {
    throw new GuidebookImportError(
      'date_format',
      `Column ${JSON.stringify(column)} is ambiguous: ${where(either)} read as day/month or month/day alike, ` +
        `and no date in the column settles it. Pass --date-format d/M/yyyy or --date-format M/d/yyyy.`,
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
