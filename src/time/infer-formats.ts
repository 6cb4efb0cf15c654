import { GuidebookImportError } from '../errors.js';
import type { MappedRow } from '../types.js';
import { createColumnParser, parseColumnText, type ColumnParser } from './column-parser.js';
import { compileDateFormat } from './date-format.js';
import { createInstantCache } from './instant-cache.js';
import type { DayMonthOrder } from './parsed-value.js';
import { DATE_TIME_FIELDS, type ColumnFormats, type DateTimeField, type TimeOptions } from './time-types.js';
import { requireZoneOption } from './zone-names.js';

interface Sighting {
  row: MappedRow;
  text: string;
}

interface OrderEvidence {
  column: string;
  dayFirst: Sighting[]; // 14/03/2027: only d/M makes it a date
  monthFirst: Sighting[]; // 03/14/2027: only M/d
  either: Sighting[]; // 03/04/2027
}

/**
 * Decides once, for the whole sheet, how each date/time column is read. --date-format wins;
 * otherwise each column's numeric dates must prove one day/month order: a column that proves
 * both, or neither while holding dates like 03/04/2027, stops the run asking for --date-format.
 */
export function inferColumnFormats(rows: readonly MappedRow[], options: TimeOptions): ColumnFormats {
  if (options.timezone) requireZoneOption(options.timezone, '--timezone');
  const format = options.dateFormat ? compileDateFormat(options.dateFormat) : null;
  const parsers = {} as Record<DateTimeField, ColumnParser>;
  const dayMonthOrder: Partial<Record<DateTimeField, DayMonthOrder>> = {};
  const multiSheet = rows.some((r) => r.sheet !== rows[0]?.sheet);
  for (const field of DATE_TIME_FIELDS) {
    const probe = createColumnParser(format, null);
    const order = format ? format.order : decideOrder(collectEvidence(rows, field, probe), multiSheet);
    parsers[field] = { ...probe, order };
    if (order && columnHasNumericDates(rows, field, probe)) dayMonthOrder[field] = order;
  }
  return { dateFormat: format?.text ?? null, dayMonthOrder, parsers, instants: createInstantCache() };
}

function collectEvidence(rows: readonly MappedRow[], field: DateTimeField, parser: ColumnParser): OrderEvidence | null {
  let evidence: OrderEvidence | null = null;
  for (const row of rows) {
    const cell = row.fields[field];
    if (!cell || typeof cell.value !== 'string') continue;
    const date = parseColumnText(parser, cell.value)?.date;
    if (!date || date.kind !== 'numeric' || date.separator === '.') continue;
    evidence ??= { column: cell.column, dayFirst: [], monthFirst: [], either: [] };
    const sighting = { row, text: cell.value };
    if (date.first > 12 && date.second <= 12) evidence.dayFirst.push(sighting);
    else if (date.second > 12 && date.first <= 12) evidence.monthFirst.push(sighting);
    else if (date.first <= 12 && date.second <= 12) evidence.either.push(sighting);
  }
  return evidence;
}

function columnHasNumericDates(rows: readonly MappedRow[], field: DateTimeField, parser: ColumnParser): boolean {
  return rows.some((row) => {
    const v = row.fields[field]?.value;
    return typeof v === 'string' && parseColumnText(parser, v)?.date?.kind === 'numeric';
  });
}

function decideOrder(evidence: OrderEvidence | null, multiSheet: boolean): DayMonthOrder | null {
  if (!evidence) return null;
  const { column, dayFirst, monthFirst, either } = evidence;
  const where = (sightings: Sighting[]): string => describeRows(sightings, multiSheet);
  if (dayFirst.length > 0 && monthFirst.length > 0) {
    throw new GuidebookImportError(
      'date_format',
      `Column ${JSON.stringify(column)} mixes day/month orders: ${where(dayFirst)} can only be day/month, ` +
        `${where(monthFirst)} can only be month/day. Correct the sheet, or pass --date-format d/M/yyyy ` +
        `(or --date-format M/d/yyyy) to read every date one way; the others will be reported as invalid rows.`,
    );
  }
  if (dayFirst.length > 0) return 'd/M';
  if (monthFirst.length > 0) return 'M/d';
  if (either.length > 0) {
    throw new GuidebookImportError(
      'date_format',
      `Column ${JSON.stringify(column)} is ambiguous: ${where(either)} read as day/month or month/day alike, ` +
        `and no date in the column settles it. Pass --date-format d/M/yyyy or --date-format M/d/yyyy.`,
    );
  }
  return null;
}

/** `rows 3, 5, 9 and 12 more (e.g. "14/03/2027")` */
function describeRows(sightings: Sighting[], multiSheet: boolean): string {
  const shown = sightings.slice(0, 3).map((s) => (multiSheet ? `${s.row.row} of ${JSON.stringify(s.row.sheet)}` : String(s.row.row)));
  const more = sightings.length > 3 ? ` and ${sightings.length - 3} more` : '';
  const example = sightings[0] ? ` (e.g. ${JSON.stringify(sightings[0].text)})` : '';
  return `${sightings.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more}${example}`;
}
