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
  /** For an instance of a recurring event: its local day, kept only inside the guide's dates. */
  instanceDay?: string;
}

export interface FeedTable {
  format: FeedFormat;
  /** How the feed's rows are named in messages and the report (e.g. "calendar.ics"). */
  sheet: string;
  sessions: FeedSession[];
  speakers: SheetSpeaker[];
  warnings: string[];
}

/** A feed read as a sheet. `inWindow` keeps recurring instances inside the guide's dates. */
export interface FeedSheetSource extends Omit<SheetSource, 'format'> {
  format: FeedFormat;
  /** The feed's speakers, as a Speakers sheet would list them (for the speakers stage). */
  speakers: SheetSpeaker[];
  /** False for a recurring instance outside the guide's dates (the guide's dates are known only at convert time). */
  inWindow(row: RawRow, window: { start_date?: string | null; end_date?: string | null } | null | undefined): boolean;
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

export function feedSheetSource(table: FeedTable): FeedSheetSource {
  const instanceDays = new Map<number, string>();
  const rows: RawRow[] = table.sessions.map((session, index) => {
    const row = index + 2; // row 1 is the header
    if (session.instanceDay) instanceDays.set(row, session.instanceDay);
    return { sheet: table.sheet, row, cells: cellsOf(session) };
  });
  // Built apart and then returned, so that the read stage's own later fields (layout) are checked as present, not as extra.
  const source = {
    format: table.format,
    sheet: table.sheet,
    header: { sheet: table.sheet, row: 1, headers: [...FEED_HEADERS] },
    layout: 'table' as const,
    rows: iterate(rows),
    warnings: table.warnings,
    speakers: table.speakers,
    inWindow(raw: RawRow, window: Parameters<FeedSheetSource['inWindow']>[1]) {
      const day = instanceDays.get(raw.row);
      if (day === undefined || !window) return true;
      if (window.start_date && day < window.start_date.slice(0, 10)) return false;
      if (window.end_date && day > window.end_date.slice(0, 10)) return false;
      return true;
    },
  };
  return source;
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
