// The server answers "2017-09-18T16:00:00.000000+0000" while the sheet side holds
// "2017-09-18T16:00:00.000Z": the same instant in two spellings. Date.parse does not promise to
// read microseconds or a colon-less offset, so the ISO forms are read here by hand.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Milliseconds since the epoch of an ISO date-time (no offset means UTC), or null when unreadable. */
export function instantMs(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  return utc - offsetMinutes(offset) * 60_000;
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/** True when both are empty, or both name the same instant (unreadable text compares as text). */
export function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = a ? a : null;
  const right = b ? b : null;
  if (left === null || right === null) return left === right;
  const leftMs = instantMs(left);
  const rightMs = instantMs(right);
  if (leftMs === null || rightMs === null) return left === right;
  return leftMs === rightMs;
}
