import { createMemo } from './caches.js';
import { hasMeridiem, type WrittenTime } from './clock-time.js';
import { formatWallTime, timeOfDayMs } from './wall-clock.js';
import { normaliseText } from './written-value.js';

// 12-hour times written without am/pm ("11:55", then "1:30"): a column is read so only when none
// of its times has am/pm, none is 0:xx or 13:00 and later, and some day goes back from a later
// time to one between 1:00 and 6:59 (an hour no session of a 24-hour agenda starts at, written
// without a leading zero). Then 1:00-6:59 is the afternoon, 12:xx noon,
// 7:00-11:59 the morning, unless the day has already reached the afternoon: such a time cannot
// be placed (9:00 after 3:00 is 9 pm as well as a new room's morning) and is its row's error.

/** The rows a column of 12-hour times without am/pm reads in the afternoon, and those it cannot place. */
export interface ClockOrder {
  /** The column's header, for messages. */
  readonly column: string;
  /** Row keys whose time is read in the afternoon. */
  readonly afternoon: ReadonlySet<string>;
  /** Row key → the time it cannot follow. */
  readonly unplaceable: ReadonlyMap<string, { previous: string }>;
}

interface Sighting {
  key: string;
  day: string;
  minutes: number;
}

const MORNING_FROM = 7 * 60;
const NOON = 12 * 60;

const markedTexts = createMemo<string, boolean>(50_000);

/**
 * True when a start text shows its clock: am/pm, or a zero-padded hour ("09:00", "01:30") that
 * only a 24-hour clock writes.
 */
export function clockTextIsMarked(text: string): boolean {
  let marked = markedTexts.get(text);
  if (marked === undefined) {
    const normalised = normaliseText(text);
    marked = hasMeridiem(normalised) || /^0\d/.test(normalised.replace(/^.*\s(?=\d)/, ''));
    markedTexts.set(text, marked);
  }
  return marked;
}

/** Sees a column's start times in sheet order, then decides whether it is such a column. */
export function collectClockOrder(): {
  see(key: string, day: string, time: WrittenTime, writtenWith24HourSign: boolean): void;
  /** True once the column showed it is read as written: later sightings change nothing. */
  settled(): boolean;
  decide(column: string): ClockOrder | null;
} {
  let sightings: Sighting[] | null = [];
  let early = false;
  return {
    see(key, day, time, marked) {
      if (!sightings) return;
      if (marked || time.hour === 0 || time.hour >= 13) {
        sightings = null; // a 24-hour column, or one that writes am/pm: read as written
        return;
      }
      const minutes = time.hour * 60 + time.minute;
      const before = sightings.at(-1);
      if (minutes >= 60 && minutes < MORNING_FROM && before?.day === day && before.minutes > minutes) early = true;
      sightings.push({ key, day, minutes });
    },
    settled: () => sightings === null,
    decide(column) {
      if (!sightings || !early) return null;
      const afternoon = new Set<string>();
      const unplaceable = new Map<string, { previous: string }>();
      let day: string | null = null;
      let previous = -1;
      for (const s of sightings) {
        if (s.day !== day) {
          day = s.day;
          previous = -1;
        }
        if (s.minutes < MORNING_FROM) {
          afternoon.add(s.key);
          previous = Math.max(previous, s.minutes + 12 * 60);
        } else if (s.minutes < NOON && previous >= NOON + 60) {
          const shown = formatWallTime(timeOfDayMs({ hour: 0, minute: previous, second: 0, millisecond: 0 }));
          unplaceable.set(s.key, { previous: shown });
        } else {
          previous = Math.max(previous, s.minutes);
        }
      }
      return { column, afternoon, unplaceable };
    },
  };
}
