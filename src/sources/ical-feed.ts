// An iCalendar feed (RFC 5545) through ical.js: every VEVENT a session. Times keep their meaning:
// a TZID time (the file's VTIMEZONE) is written with its UTC offset, so it is the same instant
// across DST; a UTC time with Z; a TZID without a VTIMEZONE as its wall clock plus that zone; a
// floating time as a wall clock (the usual zone rules); a VALUE=DATE as an all-day session with
// its exclusive end. Recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides) are expanded
// within --from/--to, else over a bounded horizon that the guide's dates narrow at convert time.
// STATUS:CANCELLED events and instances are left out, so --prune removes them.
import ICAL from 'ical.js';

type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;
import { GuidebookImportError } from '../errors.js';
import { plainTextToHtml } from '../validate/description-html.js';
import type { FeedSession, FeedTable } from './feed-sheet.js';

export interface IcalOptions {
  /** The feed's name in messages and the report. */
  sheet: string;
  label: string;
  /** YYYY-MM-DD: recurring events are expanded over these days (inclusive). */
  from?: string;
  to?: string;
  /** Today, for the default expansion window (tests fix it). */
  now?: Date;
}

/** Without --from/--to a series is expanded this many days either side of today (see expandSeries). */
const HORIZON_DAYS = 2 * 366;
const MAX_INSTANCES_PER_SERIES = 1000;
/** Occurrences looked at per series, kept or not: a FREQ=MINUTELY rule is not walked for years. */
const MAX_STEPS_PER_SERIES = 200_000;

export function readIcalFeed(text: string, options: IcalOptions): FeedTable {
  const calendars = parseCalendars(text, options.label);
  ICAL.TimezoneService.reset();
  for (const calendar of calendars) {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  }
  const warnings: string[] = [];
  const groups = new Map<string, { master?: Component; overrides: Component[] }>();
  let withoutUid = 0;
  for (const calendar of calendars) {
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const uid = stringValue(vevent, 'uid');
      if (!uid) {
        withoutUid++;
        continue;
      }
      const group = groups.get(uid) ?? { overrides: [] };
      if (vevent.hasProperty('recurrence-id')) group.overrides.push(vevent);
      else group.master = vevent;
      groups.set(uid, group);
    }
  }
  if (withoutUid > 0)
    warnings.push(`${options.sheet}: ${withoutUid} event(s) without a UID left out (a session needs a stable id to be re-synced)`);

  const sessions: FeedSession[] = [];
  let cancelled = 0;
  for (const [uid, group] of groups) {
    try {
      cancelled += readGroup(uid, group, options, sessions, warnings);
    } catch (error) {
      // One unreadable event is that event's row error (its Start names the problem), not the feed's.
      const component = group.master ?? group.overrides[0]!;
      sessions.push({ importId: uid, title: stringValue(component, 'summary') ?? '', start: `unreadable DTSTART (${reasonOf(error)})` });
    }
  }
  if (cancelled > 0) warnings.push(`${options.sheet}: ${cancelled} cancelled event(s) or instance(s) left out (STATUS:CANCELLED)`);
  return { format: 'ics', sheet: options.sheet, sessions, speakers: [], warnings };
}

/** One UID's events: the master and its overrides. Returns how many were cancelled. */
function readGroup(
  uid: string,
  group: { master?: Component; overrides: Component[] },
  options: IcalOptions,
  sessions: FeedSession[],
  warnings: string[],
): number {
  let cancelled = 0;
  if (!group.master) {
    // Overrides of a series this feed does not hold: each stands alone.
    for (const override of group.overrides) {
      const event = new ICAL.Event(override);
      if (isCancelled(override)) cancelled++;
      else sessions.push(sessionOf(event, override, `${uid}/${instanceKey(event.recurrenceId)}`, undefined));
    }
    return cancelled;
  }
  const master = new ICAL.Event(group.master, { exceptions: group.overrides, strictExceptions: true });
  if (!master.startDate) {
    // No DTSTART: the row says Start is empty (a session needs one).
    if (!isCancelled(group.master)) sessions.push({ importId: uid, title: stringValue(group.master, 'summary') ?? '', start: '' });
    return 0;
  }
  if (!master.isRecurring()) {
    if (isCancelled(group.master)) return 1;
    sessions.push(sessionOf(master, group.master, uid, undefined));
    return 0;
  }
  return expandSeries(master, uid, options, sessions, warnings);
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 120);
}

function parseCalendars(text: string, label: string): Component[] {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new GuidebookImportError(
      'file',
      `${label}: is not a valid iCalendar file (${error instanceof Error ? error.message : String(error)})`,
      {
        cause: error,
      },
    );
  }
  // One VCALENDAR is one jCal array; several concatenated come as an array of them.
  const list = Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[]);
  const calendars = list.map((jcal) => new ICAL.Component(jcal as never)).filter((component) => component.name === 'vcalendar');
  if (calendars.length === 0) throw new GuidebookImportError('file', `${label}: holds no VCALENDAR`);
  return calendars;
}

/** Adds the series' instances; returns how many were cancelled. */
function expandSeries(master: Event, uid: string, options: IcalOptions, sessions: FeedSession[], warnings: string[]): number {
  const first = master.startDate;
  const bounded = options.from !== undefined || options.to !== undefined;
  const now = ICAL.Time.fromJSDate(options.now ?? new Date(), true);
  // --from/--to are the user's days (or the guide's, when import expands again at convert time).
  // Without them (validate, a guide without dates): from two years ago to two years past today, or
  // past the series' first start when that is later.
  const from = options.from ? dayStart(options.from, first) : bounded ? undefined : shifted(now, -HORIZON_DAYS);
  const until = options.to ? dayStart(options.to, first, 1) : shifted(first.compare(now) > 0 ? first : now, HORIZON_DAYS);
  const iterator = master.iterator();
  let cancelled = 0;
  let count = 0;
  let steps = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (next.compare(until) >= 0) break;
    if (++steps > MAX_STEPS_PER_SERIES) {
      warnings.push(
        `${options.sheet}: event ${uid} repeats too often to expand (more than ${MAX_STEPS_PER_SERIES} times); narrow it with --from/--to`,
      );
      break;
    }
    const details = master.getOccurrenceDetails(next);
    if (from && details.endDate.compare(from) <= 0) continue;
    if (details.startDate.compare(until) >= 0) continue;
    if (++count > MAX_INSTANCES_PER_SERIES) {
      warnings.push(
        `${options.sheet}: event ${uid} repeats more than ${MAX_INSTANCES_PER_SERIES} times; only the first ${MAX_INSTANCES_PER_SERIES} are read (narrow it with --from/--to)`,
      );
      break;
    }
    const item = details.item;
    if (isCancelled(item.component)) {
      cancelled++;
      continue;
    }
    const session = sessionOf(item, item.component, `${uid}/${instanceKey(details.recurrenceId)}`, {
      start: details.startDate,
      end: details.endDate,
    });
    sessions.push(session);
  }
  return cancelled;
}

function shifted(time: Time, days: number): Time {
  const copy = time.clone();
  copy.adjust(days, 0, 0, 0);
  return copy;
}

function sessionOf(event: Event, component: Component, importId: string, times: { start: Time; end: Time } | undefined): FeedSession {
  const start = times?.start ?? event.startDate;
  const end = times?.end ?? event.endDate;
  const zoneOf = (name: 'dtstart' | 'dtend') => component.getFirstProperty(name)?.getParameter('tzid') as string | undefined;
  const startCell = timeCell(start, zoneOf('dtstart'));
  const session: FeedSession = {
    importId,
    title: stringValue(component, 'summary') ?? '',
    start: startCell.text,
    zone: startCell.zone,
    descriptionHtml: descriptionOf(component),
    tracks: categoriesOf(component),
    locations: listOf(stringValue(component, 'location')),
  };
  if (start.isDate) {
    session.allDay = true;
    // DTEND of an all-day event is the day after its last day.
    const last = end.clone();
    last.adjust(-1, 0, 0, 0);
    if (end.compare(start) > 0 && last.compare(start) > 0) session.endDate = dateText(last);
  } else if (end && end.compare(start) > 0) {
    // An end in another zone than the start is written with its own offset.
    const endCell = timeCell(end, zoneOf('dtend') ?? zoneOf('dtstart'));
    session.end = endCell.text;
    if (!session.zone) session.zone = endCell.zone;
  }
  return session;
}

/** A stable key of a recurring instance: its original start (RECURRENCE-ID), in UTC when it has a zone. */
function instanceKey(recurrenceId: Time | null | undefined): string {
  if (!recurrenceId) return 'instance';
  if (recurrenceId.isDate) return compact(dateText(recurrenceId));
  if (isFloating(recurrenceId)) return compact(wallText(recurrenceId, 'T'));
  return `${compact(wallText(recurrenceId.convertToZone(ICAL.Timezone.utcTimezone), 'T'))}Z`;
}

function compact(text: string): string {
  return text.replace(/[-:]/g, '');
}

function timeCell(time: Time, tzid: string | undefined): { text: string; zone?: string } {
  if (time.isDate) return { text: dateText(time) };
  if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC' || time.zone?.tzid === 'Z')
    return { text: `${wallText(time, 'T')}Z` };
  if (!isFloating(time)) return { text: `${wallText(time, 'T')}${offsetText(time.utcOffset())}` };
  // A TZID the file does not define (no VTIMEZONE): its wall clock in that zone, which the time
  // engine converts (an unknown zone name becomes that row's error, naming it).
  if (tzid) return { text: wallText(time, ' '), zone: tzid };
  return { text: wallText(time, ' ') };
}

function isFloating(time: Time): boolean {
  return !time.zone || time.zone === ICAL.Timezone.localTimezone || time.zone.tzid === 'floating';
}

function dateText(time: Time): string {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
}

function wallText(time: Time, separator: 'T' | ' '): string {
  return `${dateText(time)}${separator}${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

function offsetText(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(seconds) / 60);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Midnight starting the given day (plus `addDays`), in the zone of the series' first start. */
function dayStart(day: string, like: Time, addDays = 0): Time {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const time = new ICAL.Time({ year, month, day: date, hour: 0, minute: 0, second: 0, isDate: false }, like.zone);
  if (addDays) time.adjust(addDays, 0, 0, 0);
  return time;
}

function isCancelled(component: Component): boolean {
  return String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function stringValue(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

function categoriesOf(component: Component): string[] {
  // CATEGORIES may repeat and each holds a comma list (ical.js splits it into values).
  return component
    .getAllProperties('categories')
    .flatMap((property: InstanceType<typeof ICAL.Property>) => property.getValues().map((value: unknown) => String(value).trim()))
    .filter(Boolean);
}

function listOf(value: string | undefined): string[] {
  return value ? [value] : [];
}

/** DESCRIPTION is plain text: paragraphs and line breaks as HTML; the URL property as a link after it. */
function descriptionOf(component: Component): string | undefined {
  const text = stringValue(component, 'description');
  const url = stringValue(component, 'url');
  const parts: string[] = [];
  if (text) parts.push(plainTextToHtml(text));
  if (url && /^https?:\/\//i.test(url)) parts.push(`<p><a href="${escapeAttribute(url)}">${escapeText(url)}</a></p>`);
  return parts.length > 0 ? parts.join('') : undefined;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
