import { IANAZone } from 'luxon';
import { formatLocal, parseInstant } from '../time/index.js';
import type { LocalDateCell, LocalTimeCell } from './types.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** An API instant as the wall clock of a zone shows it. */
export interface LocalMoment {
  date: LocalDateCell;
  time: LocalTimeCell;
  /** The zone's offset from UTC at the instant, in minutes. */
  offsetMinutes: number;
  /**
   * The wall time happens twice in the zone (clocks went back) and this instant is the second.
   * Read back as a bare wall time it would be the first, an hour off, so it is written with its
   * offset instead.
   */
  repeated: boolean;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_TEXT = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `utcIso` in `zone` (an IANA name already normalised). Sub-second parts are dropped. */
export function localMoment(utcIso: string, zone: string): LocalMoment {
  // formatLocal is the time stage's own rendering of an instant in a zone: the file shows
  // exactly what the importer will read back.
  const text = formatLocal(utcIso, zone);
  const d = DATE_TEXT.exec(text.date);
  const t = TIME_TEXT.exec(text.time);
  const ms = parseInstant(utcIso);
  if (!d || !t || ms === null) throw new RangeError(`cannot place ${JSON.stringify(utcIso)} in ${zone}`);
  const { offsetMinutes, repeated } = offsetAt(zone, ms);
  return {
    date: { kind: 'date', year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) },
    time: { kind: 'time', hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3] ?? 0) },
    offsetMinutes,
    repeated,
  };
}

function offsetAt(zone: string, ms: number): { offsetMinutes: number; repeated: boolean } {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) return { offsetMinutes: 0, repeated: false };
  const offset = iana.offset(ms);
  // Clocks went back within the last day when the offset a day earlier was larger; the same wall
  // time then also fell at the earlier instant that had that larger offset, if it really did.
  const before = iana.offset(ms - DAY_MS);
  if (before <= offset) return { offsetMinutes: offset, repeated: false };
  const earlier = ms - (before - offset) * MINUTE_MS;
  return { offsetMinutes: offset, repeated: iana.offset(earlier) === before };
}

export function sameDay(a: LocalDateCell, b: LocalDateCell): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "-05:00", "+05:30". */
export function offsetText(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
