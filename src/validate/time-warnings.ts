import { DAY_MS, HOUR_MS, MINUTE_MS, dateWallMs, formatWallDate, formatWallTime, isCanonicalIso, parseInstant } from '../time/index.js';
import type { MappedCell, MappedRow, RowIssue } from '../types.js';
import { cellIssue } from './row-issue.js';

// Times that are valid but more often a mistake than meant: the row gets a warning, the sheet a
// run-level one.

const EARLIEST_USUAL_START = 6 * HOUR_MS;
const LATEST_USUAL_START = 23 * HOUR_MS;
const WINDOW_SLACK_DAYS = 14;
const LONGEST_USUAL_SPAN_DAYS = 59;

/** A start before 06:00 or after 23:00 local time is more often a wrong AM/PM than a real session. */
export function unusualStartWarning(row: MappedRow, cell: MappedCell, startWall: number, zoneLabel: string): RowIssue | null {
  const timeOfDay = ((startWall % DAY_MS) + DAY_MS) % DAY_MS;
  if (timeOfDay >= EARLIEST_USUAL_START && timeOfDay <= LATEST_USUAL_START) return null;
  return cellIssue(row, 'suspicious_time', cell, `starts at ${formatWallTime(startWall)} local time (${zoneLabel}); check AM/PM and the 24-hour clock`, 'warning');
}

export function longSessionWarning(row: MappedRow, cell: MappedCell, lengthMs: number): RowIssue | null {
  if (lengthMs <= DAY_MS) return null;
  const hours = Math.floor(lengthMs / HOUR_MS);
  const minutes = Math.round((lengthMs % HOUR_MS) / MINUTE_MS);
  return cellIssue(row, 'suspicious_time', cell, `makes the session ${hours} h${minutes ? ` ${minutes} min` : ''} long (over 24 hours)`, 'warning');
}

/** The guide's window widened by two weeks either side; null when the guide has no dates. */
export function windowWarning(
  row: MappedRow,
  cell: MappedCell,
  startWall: number,
  window: { start_date?: string | null; end_date?: string | null } | null | undefined,
): RowIssue | null {
  const from = guideDateWall(window?.start_date);
  const to = guideDateWall(window?.end_date);
  if (from === null && to === null) return null;
  const day = startWall - (((startWall % DAY_MS) + DAY_MS) % DAY_MS);
  const early = from !== null && day < from - WINDOW_SLACK_DAYS * DAY_MS;
  const late = to !== null && day > to + WINDOW_SLACK_DAYS * DAY_MS;
  if (!early && !late) return null;
  const range = `${from === null ? '…' : formatWallDate(from)} to ${to === null ? '…' : formatWallDate(to)}`;
  return cellIssue(row, 'out_of_window', cell, `is on ${formatWallDate(day)}, more than ${WINDOW_SLACK_DAYS} days outside the guide's dates (${range}); check the year and the day/month order`, 'warning');
}

function guideDateWall(text: string | null | undefined): number | null {
  const m = text ? /^(\d{4})-(\d{2})-(\d{2})/.exec(text) : null;
  return m ? dateWallMs({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : null;
}

/** "the sheet spans 73 days (...)" when the starts cover more than 59 days. */
export function sheetSpanWarnings(starts: Iterable<string>): string[] {
  let first = Infinity;
  let last = -Infinity;
  const take = (ms: number | null) => {
    if (ms === null) return;
    if (ms < first) first = ms;
    if (ms > last) last = ms;
  };
  // Canonical ISO texts (what the time stage writes) sort as their instants: only the earliest
  // and the latest of them are parsed.
  let earliest: string | undefined;
  let latest: string | undefined;
  for (const start of starts) {
    if (!isCanonicalIso(start)) {
      take(parseInstant(start));
      continue;
    }
    if (earliest === undefined || start < earliest) earliest = start;
    if (latest === undefined || start > latest) latest = start;
  }
  if (earliest !== undefined) take(parseInstant(earliest));
  if (latest !== undefined) take(parseInstant(latest));
  if (first === Infinity) return [];
  const days = Math.floor(last / DAY_MS) - Math.floor(first / DAY_MS);
  if (days <= LONGEST_USUAL_SPAN_DAYS) return [];
  return [
    `the sheet spans ${days} days (${formatWallDate(first)} to ${formatWallDate(last)} UTC); ` +
      'an event agenda rarely covers that long: check the years and the day/month order',
  ];
}
