import { GuidebookImportError } from '../errors.js';
import { MINUTE_MS, formatWallDate, formatWallTime } from './wall-clock.js';
import { normaliseZoneName, offsetZone } from './zones.js';

// Instants as the API and the time stage write them, and the one way from an instant to a zone's
// wall clock (export, the HTML report, the demo).

// The API answers "2017-09-18T16:00:00.000000+0000"; we send "2017-09-18T16:00:00.000Z".
// Date.parse is not trusted with six fraction digits or "+0000", so the shape is read by hand.
// A text without an offset is UTC: the API writes no other kind, and the machine's zone must
// never decide an instant.
const API_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch of an ISO/API date-time (no offset means UTC), or null. */
export function parseInstant(text: string): number | null {
  const m = API_INSTANT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = m;
  const ms = Number((frac ?? '').slice(0, 3).padEnd(3, '0'));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  return wall - offsetMinutes(offset) * MINUTE_MS;
}

function offsetMinutes(text: string | undefined): number {
  if (!text || text.toLowerCase() === 'z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/**
 * Whether the text is exactly what Date#toISOString writes for the years 0000-9999
 * ("2027-03-01T14:00:00.000Z"), as the time stage writes every instant. Such texts sort as their
 * instants do, so comparing them needs no parsing.
 */
export function isCanonicalIso(text: string): boolean {
  if (text.length !== 24) return false;
  for (let i = 0; i < 24; i++) {
    const code = text.charCodeAt(i);
    const expected = CANONICAL_SEPARATORS[i];
    if (expected === undefined ? code < 0x30 || code > 0x39 : code !== expected) return false;
  }
  return true;
}

// "YYYY-MM-DDTHH:mm:ss.sssZ": the separators by position; every other position is a digit.
const CANONICAL_SEPARATORS: ReadonlyArray<number | undefined> = Array.from('0000-00-00T00:00:00.000Z', (char) =>
  char === '0' ? undefined : char.charCodeAt(0),
);

/**
 * Whether two API datetimes are the same instant, whatever their spelling. Blank (null, undefined,
 * "" or white space) equals blank; a text that is no instant compares as text.
 */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  const blankA = a === null || a === undefined || a.trim() === '';
  const blankB = b === null || b === undefined || b.trim() === '';
  if (blankA || blankB) return blankA && blankB;
  const msA = parseInstant(a);
  const msB = parseInstant(b);
  return msA !== null && msB !== null ? msA === msB : a === b;
}

/**
 * The wall clock of `zone` (an IANA name in any spelling, or UTC) at a UTC instant, as "wall
 * milliseconds": read its parts with getUTC*. Throws RangeError for an unknown zone.
 */
export function wallClockAt(utcMs: number, zone: string): number {
  return utcMs + zoneOffsetAt(utcMs, zone) * MINUTE_MS;
}

/** The UTC offset of `zone` at a UTC instant, in minutes. Throws RangeError for an unknown zone. */
export function zoneOffsetAt(utcMs: number, zone: string): number {
  const name = normaliseZoneName(zone);
  if (name === null) throw new RangeError(`not a time zone: ${JSON.stringify(zone)}`);
  return offsetZone(name).offsetAt(utcMs);
}

/** An instant as the sheet writes it in a zone: date yyyy-MM-dd, time HH:mm (HH:mm:ss with seconds). */
export function formatLocal(utcIso: string, zone: string): { date: string; time: string } {
  const ms = parseInstant(utcIso);
  if (ms === null) throw new RangeError(`not an ISO date-time: ${JSON.stringify(utcIso)}`);
  if (normaliseZoneName(zone) === null) {
    throw new GuidebookImportError('timezone', `${JSON.stringify(zone)} is not a known IANA time zone (for example America/New_York)`);
  }
  const wall = wallClockAt(ms, zone);
  return { date: formatWallDate(wall), time: formatWallTime(wall) };
}
