// The agenda as a planner reads it: one block per local day, one column per room, each session
// placed at its local start and sized by its length, coloured by what the run does to it.
import type { ReportRow } from '../../types.js';
import { escapeHtml, formatWhen, namesOf, rowZone } from './format.js';
import {
  formatHour,
  formatLongDate,
  formatTime,
  isoDate,
  minutesIntoDay,
  plusMinutes,
  sameLocalDay,
  toLocal,
  type LocalTime,
} from './local-time.js';

const PX_PER_MINUTE = 1.2;
const MIN_BLOCK_PX = 20;
const UNTIMED_MINUTES = 30; // a session with no end is drawn this long
const NO_ROOM = 'No room';

interface TimelineEntry {
  row: ReportRow;
  start: LocalTime;
  end: LocalTime;
  hasEnd: boolean;
  allDay: boolean;
  rooms: string[];
  tracks: string[];
}

interface PlacedEntry {
  entry: TimelineEntry;
  top: number;
  height: number;
  column: number;
  columns: number;
}

/** A field of the session as it stands after the run (or before it, for a delete). */
function sessionValue(row: ReportRow, field: string): unknown {
  if (row.fields && field in row.fields) return row.fields[field];
  const change = row.changes?.find((candidate) => candidate.field === field);
  if (!change) return undefined;
  return row.action === 'delete' ? change.old : (change.new ?? change.old);
}

function toEntry(row: ReportRow, fallbackZone: string): TimelineEntry | null {
  const zone = rowZone(row, fallbackZone);
  const start = toLocal(sessionValue(row, 'start_time'), zone);
  if (!start) return null;
  const end = toLocal(sessionValue(row, 'end_time'), zone);
  const rooms = namesOf(sessionValue(row, 'locations'));
  return {
    row,
    start,
    end: end && end.epochMs > start.epochMs ? end : plusMinutes(start, UNTIMED_MINUTES),
    hasEnd: end !== null,
    allDay: sessionValue(row, 'all_day') === true,
    rooms: rooms.length > 0 ? rooms : [NO_ROOM],
    tracks: namesOf(sessionValue(row, 'schedule_tracks')),
  };
}

/** Minutes from the local midnight of `day` to `end`, capped at the end of that day. */
function endMinutes(day: LocalTime, end: LocalTime): number {
  return sameLocalDay(end, day) ? minutesIntoDay(end) : 24 * 60;
}

/** Side-by-side columns for sessions that overlap in one room (double bookings stay visible). */
function placeInRoom(entries: TimelineEntry[], windowStart: number): PlacedEntry[] {
  const sorted = [...entries].sort((a, b) => a.start.epochMs - b.start.epochMs || b.end.epochMs - a.end.epochMs);
  const placed: PlacedEntry[] = [];
  let cluster: PlacedEntry[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -Infinity;

  const closeCluster = () => {
    for (const item of cluster) item.columns = columnEnds.length;
    cluster = [];
    columnEnds = [];
  };

  for (const entry of sorted) {
    const from = minutesIntoDay(entry.start);
    const to = Math.max(endMinutes(entry.start, entry.end), from + 1);
    if (from >= clusterEnd) {
      closeCluster();
      clusterEnd = to;
    } else {
      clusterEnd = Math.max(clusterEnd, to);
    }
    let column = columnEnds.findIndex((columnEnd) => columnEnd <= from);
    if (column === -1) column = columnEnds.push(to) - 1;
    else columnEnds[column] = to;
    const item: PlacedEntry = {
      entry,
      top: (from - windowStart) * PX_PER_MINUTE,
      height: Math.max((to - from) * PX_PER_MINUTE, MIN_BLOCK_PX),
      column,
      columns: 1,
    };
    cluster.push(item);
    placed.push(item);
  }
  closeCluster();
  return placed;
}

function entryTitle(entry: TimelineEntry): string {
  const { row } = entry;
  const when = formatWhen(entry.start, entry.hasEnd ? entry.end : null, entry.allDay);
  const parts = [row.name, when, entry.rooms.join('; ')];
  if (entry.tracks.length > 0) parts.push(`Tracks: ${entry.tracks.join('; ')}`);
  const speakers = namesOf(row.fields?.['speakers']);
  if (speakers.length > 0) parts.push(`Speakers: ${speakers.join(', ')}`);
  parts.push(`${row.action} (${row.outcome})`);
  if (row.message) parts.push(row.message);
  return parts.join('\n');
}

function renderBlock(item: PlacedEntry): string {
  const { entry } = item;
  const { row } = entry;
  const width = 100 / item.columns;
  const style = `top:${item.top.toFixed(1)}px;height:${item.height.toFixed(1)}px;left:${(item.column * width).toFixed(3)}%;width:${width.toFixed(3)}%`;
  const time = entry.hasEnd ? `${formatTime(entry.start)} – ${formatTime(entry.end)}` : formatTime(entry.start);
  return (
    `<div class="s a-${escapeHtml(row.action)} o-${escapeHtml(row.outcome)}" style="${style}" title="${escapeHtml(entryTitle(entry))}">` +
    `<span class="s-time">${escapeHtml(time)}</span> <span class="s-name">${escapeHtml(row.name)}</span>` +
    `</div>`
  );
}

function renderAllDay(entries: TimelineEntry[]): string {
  if (entries.length === 0) return '';
  const chips = entries
    .map(
      (entry) =>
        `<span class="chip a-${escapeHtml(entry.row.action)}" title="${escapeHtml(entryTitle(entry))}">${escapeHtml(entry.row.name)}` +
        ` <span class="chip-room">${escapeHtml(entry.rooms.join('; '))}</span></span>`,
    )
    .join('');
  return `<div class="all-day"><span class="all-day-label">All day</span>${chips}</div>`;
}

function renderDay(day: LocalTime, entries: TimelineEntry[], roomOrder: Map<string, number>): string {
  const timed = entries.filter((entry) => !entry.allDay);
  const allDay = entries.filter((entry) => entry.allDay);
  const heading = `<h3>${escapeHtml(formatLongDate(day))} <span class="muted">${escapeHtml(day.zone)}</span></h3>`;
  if (timed.length === 0) return `<section class="day">${heading}${renderAllDay(allDay)}</section>`;

  let first = 24 * 60;
  let last = 0;
  for (const entry of timed) {
    first = Math.min(first, minutesIntoDay(entry.start));
    last = Math.max(last, endMinutes(entry.start, entry.end));
  }
  const windowStart = Math.floor(first / 60) * 60;
  const windowEnd = Math.max(Math.ceil(last / 60) * 60, windowStart + 60);
  const height = (windowEnd - windowStart) * PX_PER_MINUTE;

  const byRoom = new Map<string, TimelineEntry[]>();
  for (const entry of timed) {
    for (const room of entry.rooms) {
      const list = byRoom.get(room);
      if (list) list.push(entry);
      else byRoom.set(room, [entry]);
    }
  }
  const rooms = [...byRoom.keys()].sort((a, b) => (roomOrder.get(a) ?? 0) - (roomOrder.get(b) ?? 0));

  const hourLabels: string[] = [];
  for (let minute = windowStart; minute < windowEnd; minute += 60) {
    const label = formatHour(minute / 60);
    hourLabels.push(`<span class="hour" style="top:${((minute - windowStart) * PX_PER_MINUTE).toFixed(1)}px">${escapeHtml(label)}</span>`);
  }
  const lanes = rooms
    .map((room) => {
      const blocks = placeInRoom(byRoom.get(room) ?? [], windowStart)
        .map(renderBlock)
        .join('');
      // One hour line per background tile.
      return `<div class="lane" style="height:${height.toFixed(1)}px;background-size:100% ${60 * PX_PER_MINUTE}px">${blocks}</div>`;
    })
    .join('');
  const roomHeads = rooms.map((room) => `<div class="room-name">${escapeHtml(room)}</div>`).join('');

  return (
    `<section class="day">${heading}${renderAllDay(allDay)}` +
    `<div class="grid-scroll"><div class="grid" style="grid-template-columns:3.6rem repeat(${rooms.length},minmax(8.5rem,1fr))">` +
    `<div class="corner"></div>${roomHeads}` +
    `<div class="axis" style="height:${height.toFixed(1)}px">${hourLabels.join('')}</div>${lanes}` +
    `</div></div></section>`
  );
}

/** The timeline section; rows without a start time are only in the table. */
export function renderTimeline(rows: readonly ReportRow[], fallbackZone: string): string {
  const entries: TimelineEntry[] = [];
  const roomOrder = new Map<string, number>();
  for (const row of rows) {
    const entry = toEntry(row, fallbackZone);
    if (!entry) continue;
    entries.push(entry);
    for (const room of entry.rooms) if (!roomOrder.has(room)) roomOrder.set(room, roomOrder.size);
  }
  if (entries.length === 0) {
    return '<section class="timeline"><h2>Agenda</h2><p class="muted">No row has a start time to place on the agenda.</p></section>';
  }

  const days = new Map<string, { key: string; day: LocalTime; entries: TimelineEntry[] }>();
  for (const entry of entries) {
    const key = `${isoDate(entry.start)} ${entry.start.zone}`;
    const group = days.get(key);
    if (group) group.entries.push(entry);
    else days.set(key, { key, day: entry.start, entries: [entry] });
  }
  const ordered = [...days.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const untimed = rows.length - entries.length;
  const note =
    untimed > 0
      ? `<p class="muted">${untimed} row${untimed === 1 ? '' : 's'} without a start time ${untimed === 1 ? 'is' : 'are'} listed only in the table below.</p>`
      : '';

  return (
    `<section class="timeline"><h2>Agenda</h2><p class="muted">Local times in each session's time zone. ${legend()}</p>${note}` +
    ordered.map((group) => renderDay(group.day, group.entries, roomOrder)).join('') +
    `</section>`
  );
}

function legend(): string {
  const actions = ['create', 'update', 'unchanged', 'delete', 'invalid', 'conflict'];
  const chips = actions.map((action) => `<span class="chip a-${action}">${action}</span>`);
  // The dashed outline a session whose write failed carries, whatever its action.
  chips.push('<span class="chip o-failed" title="the write failed">failed</span>');
  // Faded: a stopped run (interrupt, budget) did not get to it; the same command again does it.
  chips.push('<span class="chip o-not_attempted" title="a stopped run did not get to it: a re-run does it">not attempted</span>');
  return `<span class="legend">${chips.join('')}</span>`;
}
