import { GuidebookImportError } from '../errors.js';
import { createMemo, createMemoFamily } from './caches.js';
import { formatterFor, intlOffsetMinutes } from './intl-offset.js';
import { HOUR_MS } from './wall-clock.js';

// Time zones: a name as people write it to its IANA spelling, and a zone's UTC offset at any
// instant. Never the machine's own zone.

// Intl lists only CLDR's canonical names, some of them old spellings (Asia/Calcutta for
// Asia/Kolkata). These current names and common links are added so that a lower-case
// "asia/kolkata" normalises to the spelling people write, not to a surprising alias.
const WELL_KNOWN_LINKS = [
  'UTC',
  'Etc/UTC',
  'GMT',
  'Etc/GMT',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Ho_Chi_Minh',
  'Asia/Yangon',
  'Asia/Istanbul',
  'Europe/Kyiv',
  'Atlantic/Faroe',
  'America/Nuuk',
  'America/Atikokan',
  'America/Argentina/Buenos_Aires',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'Pacific/Kanton',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'Africa/Asmara',
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'US/Arizona',
  'Canada/Eastern',
  'Canada/Pacific',
  // Names Intl does not know (Etc/GMT+13) are dropped when the table is built.
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
];

// Letters, digits, "_", "+", "-" in "/"-separated parts; never a bare offset such as "+05:30",
// which newer engines would accept as a zone but is not an IANA name.
const ZONE_NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

// The list of spellings is built once, when a sheet first names a zone.
let spellings: Map<string, string[]> | null = null;
const normalisedNames = createMemo<string, string | null>(10_000, false);
const intlZones = createMemo<string, boolean>(10_000, false);

function isIntlZone(name: string): boolean {
  let known = intlZones.get(name);
  if (known === undefined) {
    try {
      // The formatter the offsets of a known zone are read with (intl-offset.ts): built once, kept.
      formatterFor(name);
      known = true;
    } catch {
      known = false;
    }
    intlZones.set(name, known);
  }
  return known;
}

// Every listed spelling by its lower case, in list order. Whether Intl accepts a spelling is asked
// only when a sheet uses it: asking for all ~600 names up front cost ~55 ms per run.
function spellingsOf(lowerCase: string): readonly string[] | undefined {
  if (!spellings) {
    spellings = new Map();
    for (const name of [...Intl.supportedValuesOf('timeZone'), ...WELL_KNOWN_LINKS]) {
      const key = name.toLowerCase();
      const listed = spellings.get(key);
      if (listed) listed.push(name);
      else spellings.set(key, [name]);
    }
  }
  return spellings.get(lowerCase);
}

/** The usual spelling of a zone name: the last listed spelling of it that Intl accepts. */
function knownSpelling(name: string): string | undefined {
  const listed = spellingsOf(name.toLowerCase());
  if (!listed) return undefined;
  for (let i = listed.length - 1; i >= 0; i--) if (isIntlZone(listed[i]!)) return listed[i];
  return undefined;
}

/**
 * The IANA zone name in its usual spelling ("europe/berlin" → "Europe/Berlin"), or null when the
 * name is not an IANA zone (or UTC).
 */
export function normaliseZoneName(name: string): string | null {
  const cached = normalisedNames.get(name);
  if (cached !== undefined) return cached;
  const trimmed = name.trim();
  let result: string | null = null;
  if (ZONE_NAME_SHAPE.test(trimmed)) {
    result = knownSpelling(trimmed) ?? (isIntlZone(trimmed) ? trimmed : null);
  }
  normalisedNames.set(name, result);
  return result;
}

/** IANA zone names (any letter case) plus UTC. */
export function isValidZone(name: string): boolean {
  return normaliseZoneName(name) !== null;
}

/** A zone given as an option: unknown names stop the run. */
export function requireZoneOption(name: string, what: string): string {
  const zone = normaliseZoneName(name);
  if (zone === null) {
    throw new GuidebookImportError(
      'timezone',
      `${what} ${JSON.stringify(name)} is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)`,
    );
  }
  return zone;
}

/** Where a zone's UTC offset comes from. Always an explicit zone: never the machine's own. */
export interface OffsetZone {
  readonly name: string;
  /** The zone's UTC offset in minutes at a UTC instant. */
  offsetAt(utcMs: number): number;
  /** True when the offset never changes (UTC, a written "+05:30"): no DST to consider. */
  readonly fixed: boolean;
}

const FIXED_UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/UCT', 'UCT', 'Etc/Zulu', 'Zulu']);
const zones = createMemo<string, OffsetZone>(1_000, false);
const hourOffsets = createMemoFamily<number, number>();

/** The zone for a name already normalised by normaliseZoneName. */
export function offsetZone(name: string): OffsetZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = FIXED_UTC_NAMES.has(name) ? fixedOffsetZone(0, name) : ianaOffsetZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/**
 * An IANA zone whose offsets are asked of Intl once per hour of time: when an hour starts and
 * the next one starts on one offset, that offset holds throughout (no zone changes offset twice
 * within an hour); only an hour with a change in it asks Intl for the instant itself.
 */
function ianaOffsetZone(name: string): OffsetZone {
  if (normaliseZoneName(name) === null) throw new RangeError(`not a time zone: ${JSON.stringify(name)}`);
  const hours = hourOffsets(name);
  const hourOffset = (hour: number): number => {
    let offset = hours.get(hour);
    if (offset === undefined) {
      offset = intlOffsetMinutes(name, hour * HOUR_MS);
      hours.set(hour, offset);
    }
    return offset;
  };
  return {
    name,
    fixed: false,
    offsetAt(utcMs) {
      const hour = Math.floor(utcMs / HOUR_MS);
      const offset = hourOffset(hour);
      return offset === hourOffset(hour + 1) ? offset : intlOffsetMinutes(name, utcMs);
    },
  };
}

export function fixedOffsetZone(offsetMinutes: number, name = 'offset'): OffsetZone {
  return { name, fixed: true, offsetAt: () => offsetMinutes };
}
