// A structured feed (iCal, Sessionize, frab/pretalx) as a sheet: the canonical columns of the
// session-field table, one row per session, so map, validate, plan and report read it exactly as
// they read a spreadsheet with those columns. A feed's speakers travel beside the rows.
import { fieldLabel } from '../map/fields.js';
import type { SheetSource } from '../read/types.js';
import type { SpeakersSheet } from '../speakers/read-speakers.js';
import type { MappedField, RawRow, SheetSpeaker } from '../types.js';
import type { FeedFormat } from './types.js';

/** One session of a feed, its cells as text the sheet readers understand. */
export interface FeedSession {
  importId: string;
  title: string;
  /** A date-time with its offset ("2027-03-14T09:00:00-04:00"), a wall clock ("2027-03-14 09:00", zone rules apply), or a date (all day). */
  start: string;
  end?: string;
  /** An IANA zone for a wall-clock start/end. */
  zone?: string;
  allDay?: boolean;
  /** The last day of an all-day session that spans several days. */
  endDate?: string;
  tracks?: string[];
  locations?: string[];
  /** Already HTML (converted from the feed's text here, so the text is never taken for markup). */
  descriptionHtml?: string;
  speakers?: string[];
  image?: string;
}

export interface FeedTable {
  format: FeedFormat;
  /** How the feed's rows are named in messages and the report (e.g. "calendar.ics"). */
  sheet: string;
  sessions: FeedSession[];
  speakers: SheetSpeaker[];
  warnings: string[];
}

/** The days a feed's recurring events are expanded over (YYYY-MM-DD, inclusive). */
export interface FeedDays {
  from: string;
  to: string;
}

/** A feed read as a sheet. `rowsInWindow` expands its recurring events over the guide's dates. */
export interface FeedSheetSource extends Omit<SheetSource, 'format'> {
  format: FeedFormat;
  /** The feed's speakers, as a Speakers sheet would list them (for the speakers stage). */
  speakers: SheetSpeaker[];
  /**
   * The rows again, recurring events expanded over the guide's dates (known only at convert time);
   * null when the rows as read stand (no recurrence to expand, --from/--to given, a guide without dates).
   */
  rowsInWindow(window: { start_date?: string | null; end_date?: string | null } | null | undefined): RawRow[] | null;
}

const COLUMNS = [
  'import_id',
  'name',
  'start',
  'end',
  'timezone',
  'all_day',
  'end_date',
  'tracks',
  'locations',
  'description',
  'speakers',
  'image',
] as const satisfies readonly MappedField[];

/** The feed's header: each field's canonical column header (its first alias when it has none). */
export const FEED_HEADERS: readonly string[] = COLUMNS.map((field) => fieldLabel(field));

export function feedSheetSource(table: FeedTable, expandOver?: (days: FeedDays) => FeedTable): FeedSheetSource {
  // Built apart and then returned, so that the read stage's own later fields (layout) are checked as present, not as extra.
  const source = {
    format: table.format,
    sheet: table.sheet,
    header: { sheet: table.sheet, row: 1, headers: [...FEED_HEADERS] },
    layout: 'table' as const,
    rows: iterate(rowsOf(table)),
    warnings: table.warnings,
    speakers: table.speakers,
    rowsInWindow(window: Parameters<FeedSheetSource['rowsInWindow']>[0]) {
      if (!expandOver || !window?.start_date || !window.end_date) return null;
      return rowsOf(expandOver({ from: window.start_date.slice(0, 10), to: window.end_date.slice(0, 10) }));
    },
  };
  return source;
}

function rowsOf(table: FeedTable): RawRow[] {
  // Row 1 is the header: a session's row number is its place in the feed plus one.
  return table.sessions.map((session, index) => ({ sheet: table.sheet, row: index + 2, cells: cellsOf(session) }));
}

function cellsOf(session: FeedSession): string[] {
  const values: Record<(typeof COLUMNS)[number], string> = {
    import_id: session.importId,
    name: session.title,
    start: session.start,
    end: session.end ?? '',
    timezone: session.zone ?? '',
    all_day: session.allDay ? 'yes' : '',
    end_date: session.endDate ?? '',
    tracks: namesCell(session.tracks),
    locations: namesCell(session.locations),
    description: session.descriptionHtml ?? '',
    speakers: namesCell(session.speakers),
    image: session.image ?? '',
  };
  return COLUMNS.map((field) => values[field]);
}

/**
 * Names as one list cell. The list reader splits on the first of ; | , " / " a cell holds, so the
 * names are joined with ";" (a ";" inside a name becomes ","), and a lone name that holds another
 * separator ends with ";" so that it stays whole.
 */
export function namesCell(names: readonly string[] | undefined): string {
  const clean = (names ?? [])
    .map((name) =>
      name
        .replace(/[\r\n]+/g, ' ')
        .replace(/;/g, ',')
        .trim(),
    )
    .filter((name) => name !== '');
  if (clean.length === 0) return '';
  const joined = clean.join('; ');
  return clean.length === 1 && /[|,]| \/ |\\n/.test(joined) ? `${joined};` : joined;
}

async function* iterate(rows: RawRow[]): AsyncGenerator<RawRow> {
  for (const row of rows) yield row;
}

/** A feed's speakers as the speakers stage takes a Speakers sheet. */
export function feedSpeakersSheet(sheet: string, speakers: SheetSpeaker[]): SpeakersSheet {
  return { sheet: `${sheet} speakers`, speakers, invalid: [], warnings: [] };
}
