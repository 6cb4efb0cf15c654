// A zone's UTC offset at an instant as Intl gives it: what luxon's IANAZone.offset computes
// (luxon 3.7.2, src/zones/IANAZone.js), step for step, so every offset stays the same. Why not
// luxon itself: it is ~235 KB of code, ~10 ms of every start-up to load, and the time engine needs
// only this of it on every run (issue 15); luxon stays for the rare --date-format it cannot read
// exactly (date-format.ts) and loads then.

/** One formatter per zone, as luxon keeps: the first of a process costs ICU's start-up. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter; it throws a RangeError for a zone Intl does not know (zones.ts asks it so). */
export function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      hour12: false,
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * The offset in minutes of an IANA zone Intl accepts (the caller has checked it) at a UTC instant
 * in ms: the zone's wall clock at that instant, read back as if it were UTC, minus the instant
 * (both to the whole second). NaN for an instant that is not a date.
 */
export function intlOffsetMinutes(zone: string, utcMs: number): number {
  const date = new Date(utcMs);
  if (Number.isNaN(date.getTime())) return Number.NaN;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let era = '';
  for (const { type, value } of formatterFor(zone).formatToParts(date)) {
    if (type === 'year') year = Number.parseInt(value, 10);
    else if (type === 'month') month = Number.parseInt(value, 10);
    else if (type === 'day') day = Number.parseInt(value, 10);
    else if (type === 'hour') hour = Number.parseInt(value, 10);
    else if (type === 'minute') minute = Number.parseInt(value, 10);
    else if (type === 'second') second = Number.parseInt(value, 10);
    else if (type === 'era') era = value;
  }
  if (era === 'BC') year = -Math.abs(year) + 1;
  // hour12: false can still write midnight as 24 (https://bugs.chromium.org/p/chromium/issues/detail?id=1025564).
  const wallAsUtc = utcOfWallClock(year, month, day, hour === 24 ? 0 : hour, minute, second);
  let instant = date.getTime();
  const over = instant % 1000;
  instant -= over >= 0 ? over : 1000 + over;
  return (wallAsUtc - instant) / 60_000;
}

/** Date.UTC of a wall-clock time, years 0-99 included (Date.UTC reads them as 1900-1999). */
function utcOfWallClock(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, 0);
  if (year < 100 && year >= 0) {
    const date = new Date(ms);
    // Month and day again: 1900 + year and year may differ in being leap years.
    date.setUTCFullYear(year, month - 1, day);
    return date.getTime();
  }
  return ms;
}
