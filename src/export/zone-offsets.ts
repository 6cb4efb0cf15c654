import { IANAZone } from 'luxon';

const HOUR_MS = 3_600_000;

/** A zone's UTC offset (minutes) at any instant, the expensive Intl lookups made once per hour of time. */
export type OffsetLookup = (utcMs: number) => number;

const lookups = new Map<string, OffsetLookup>();

/**
 * Offsets of a zone (an IANA name already normalised). An agenda's instants fall in a few hundred
 * hours, so offsets are kept per hour: when an hour starts and ends on one offset it holds that
 * offset throughout (no zone changes offset twice within an hour); only an hour with a transition
 * in it asks Intl for each instant.
 */
export function zoneOffsets(zone: string): OffsetLookup {
  let lookup = lookups.get(zone);
  if (lookup) return lookup;
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(`not a time zone: ${JSON.stringify(zone)}`);
  const atHour = new Map<number, number>();
  const hourOffset = (hour: number): number => {
    let offset = atHour.get(hour);
    if (offset === undefined) {
      offset = iana.offset(hour * HOUR_MS);
      atHour.set(hour, offset);
    }
    return offset;
  };
  lookup = (utcMs) => {
    const hour = Math.floor(utcMs / HOUR_MS);
    const offset = hourOffset(hour);
    return offset === hourOffset(hour + 1) ? offset : iana.offset(utcMs);
  };
  lookups.set(zone, lookup);
  return lookup;
}
