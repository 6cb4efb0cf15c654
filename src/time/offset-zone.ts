import { IANAZone } from 'luxon';
import { normaliseZoneName } from './zone-names.js';

/** Where a zone's UTC offset comes from. Always an explicit zone: never the machine's own. */
export interface OffsetZone {
  readonly name: string;
  /** The zone's UTC offset in minutes at a UTC instant. */
  offsetAt(utcMs: number): number;
  /** True when the offset never changes (UTC, a written "+05:30"): no DST to consider. */
  readonly fixed: boolean;
}

const zones = new Map<string, OffsetZone>();

const FIXED_UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'UCT', 'Etc/Zulu', 'Zulu']);

/** The zone for a name already normalised by normaliseZoneName. */
export function offsetZone(name: string): OffsetZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = FIXED_UTC_NAMES.has(name) ? fixedOffsetZone(0, name) : ianaOffsetZone(name);
    zones.set(name, zone);
  }
  return zone;
}

function ianaOffsetZone(name: string): OffsetZone {
  if (normaliseZoneName(name) === null) throw new RangeError(`not a time zone: ${JSON.stringify(name)}`);
  const iana = IANAZone.create(name);
  return { name, fixed: false, offsetAt: (utcMs) => iana.offset(utcMs) };
}

export function fixedOffsetZone(offsetMinutes: number, name = 'offset'): OffsetZone {
  return { name, fixed: true, offsetAt: () => offsetMinutes };
}
