import { GuidebookImportError } from '../errors.js';

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

let spellings: Map<string, string[]> | null = null;
const normalised = new Map<string, string | null>();
const intlZones = new Map<string, boolean>();

function isIntlZone(name: string): boolean {
  let known = intlZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (intlZones.size > 10_000) intlZones.clear();
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
  const cached = normalised.get(name);
  if (cached !== undefined) return cached;
  const trimmed = name.trim();
  let result: string | null = null;
  if (ZONE_NAME_SHAPE.test(trimmed)) {
    result = knownSpelling(trimmed) ?? (isIntlZone(trimmed) ? trimmed : null);
  }
  if (normalised.size > 10_000) normalised.clear();
  normalised.set(name, result);
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
