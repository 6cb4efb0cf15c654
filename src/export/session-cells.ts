import { type ClockStyle, dateTime as dateTimeCell, sheetCellText, type SheetDateTime } from '../sheet-cells/index.js';
import { SESSION_FIELDS, SETTING_FIELDS } from '../map/fields.js';
import type { ApiSession, MappedField } from '../types.js';
import { localMoment, type LocalMoment, offsetText, sameDay } from './local-time.js';
import type { ReferenceCellWriter } from './reference-cell.js';
import type { ExportCell } from './types.js';

/**
 * Times as the importer reads them back exactly: "09:30" text and `hh:mm` cells, seconds only
 * when there are some ("09:30:15"), as the time stage writes them.
 */
export const EXPORT_CLOCK: ClockStyle = '24-hour';

export function yesNo(value: boolean | undefined): string | null {
  return value === undefined ? null : value ? 'yes' : 'no';
}

export interface SessionCellContext {
  zone: string;
  /** The guide's own zone, where an all-day session normally starts at midnight. */
  guideZone: string | null;
  /** Set when an all-day session is written in the guide's zone instead of `zone`. */
  onGuideZone: (session: ApiSession) => void;
  warnings: Set<string>;
  tracks: ReferenceCellWriter;
  locations: ReferenceCellWriter;
  /** Session id → its Speakers cell (names in link order), from the speaker export. */
  speakers?: ReadonlyMap<number, string>;
}

/** One session as the cells of the canonical columns, by field. */
export function sessionCells(session: ApiSession, importId: string, context: SessionCellContext): Partial<Record<MappedField, ExportCell>> {
  const zone = session.all_day ? allDayZone(session, context) : context.zone;
  return {
    import_id: importId,
    name: session.name,
    ...timeCells(session, zone),
    timezone: zone,
    all_day: yesNo(session.all_day),
    tracks: context.tracks.cell(session.schedule_tracks, session.id),
    locations: context.locations.cell(session.locations, session.id),
    // Exactly what the API holds: the importer compares it through its own conversion.
    description: session.description_html || null,
    ...settingCells(session, zone),
    speakers: context.speakers?.get(session.id) ?? null,
    // The stored image's URL: importing it again downloads it and, unchanged, sends nothing.
    image: (session as { image?: string | null }).image || null,
  };
}

/** The settings, each written as its kind of cell in the field table (map/fields.ts). */
function settingCells(session: ApiSession, zone: string): Partial<Record<MappedField, ExportCell>> {
  const cells: Partial<Record<MappedField, ExportCell>> = {};
  for (const field of SETTING_FIELDS) {
    const value = session[field];
    const kind = SESSION_FIELDS[field].cell;
    if (kind === 'yes_no') cells[field] = yesNo(value as boolean | undefined);
    else if (kind === 'date_time') cells[field] = instantCell(value as string | null | undefined, zone);
    else cells[field] = (value as number | null | undefined) ?? null;
  }
  return cells;
}

/**
 * Date, Start and End. All-day: the date only. An end on the start's date is a time; on a later
 * date, a full date-time. A wall time that happens twice (clocks going back) and means the second
 * time is written with its offset, and then the end is too, so the row reads back exactly.
 */
function timeCells(session: ApiSession, zone: string): Pick<Record<MappedField, ExportCell>, 'date' | 'start' | 'end'> {
  const start = localMoment(session.start_time, zone);
  if (session.all_day) return { date: start.date, start: null, end: null };
  const startCell = start.repeated ? withOffset(start) : start.time;
  if (!session.end_time) return { date: start.date, start: startCell, end: null };
  const end = localMoment(session.end_time, zone);
  let endCell: ExportCell;
  if (start.repeated || end.repeated) endCell = withOffset(end);
  else if (sameDay(start.date, end.date)) endCell = end.time;
  else endCell = dateTime(end);
  return { date: start.date, start: startCell, end: endCell };
}

/**
 * An all-day session is read back as starting at midnight of its date in the row's zone. Its
 * start is midnight in the zone it was made in, normally the guide's: when the export's zone
 * (--timezone) is another, the row keeps the guide's zone, or the import would move the session.
 */
function allDayZone(session: ApiSession, context: SessionCellContext): string {
  if (localMoment(session.start_time, context.zone).startsDay) return context.zone;
  if (context.guideZone && context.guideZone !== context.zone && localMoment(session.start_time, context.guideZone).startsDay) {
    context.onGuideZone(session);
    return context.guideZone;
  }
  const start = localMoment(session.start_time, context.zone);
  context.warnings.add(
    `All-day session ${session.id} (${JSON.stringify(session.name)}) starts at ${pad(start.time.hour)}:${pad(start.time.minute)} ` +
      `in ${context.zone}, not at midnight: importing the file moves its start to the beginning of that day.`,
  );
  return context.zone;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function instantCell(utcIso: string | null | undefined, zone: string): ExportCell {
  if (!utcIso) return null;
  const moment = localMoment(utcIso, zone);
  return moment.repeated ? withOffset(moment) : dateTime(moment);
}

function dateTime(moment: LocalMoment): SheetDateTime {
  const { year, month, day } = moment.date;
  const { hour, minute, second } = moment.time;
  return dateTimeCell(year, month, day, hour, minute, second);
}

/** "2027-11-07 01:30-05:00": text, since no spreadsheet date cell holds an offset. */
function withOffset(moment: LocalMoment): string {
  return `${sheetCellText(dateTime(moment), EXPORT_CLOCK)}${offsetText(moment.offsetMinutes)}`;
}
