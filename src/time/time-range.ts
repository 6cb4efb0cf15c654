import { hasMeridiem, parseTimeOfDay, timeFromParts, withoutClockWord, type WrittenTime } from './clock-time.js';

// A start and an end in one cell: "9:00-10:30", "09:00 – 10:00", "07:00 AM - 11:59 PM",
// "9am–10:30am", "14:00-15:30 Uhr", "9h30 - 10h15", "9.30–10.15", "10:00 to 11:00", "10:00 bis
// 11:00", "10:00 a 11:00", "1-2pm"; and an end that is no time ("18:00 - open end", "19:00–?").

/** What a cell's time part says: a start, and an end (null: none, openEnd: said to be open). */
export interface TimeSpan {
  start: WrittenTime;
  end: WrittenTime | null;
  /** The end is written as open ("open end", "TBA", "?"): the session has no end, on purpose. */
  openEnd: boolean;
}

// Dashes and tildes between two times; words only with spaces around them ("a" is also am's mark);
// Japanese から ("9時から10時") with or without spaces.
const SEPARATOR = /\s*[-–—−~〜]\s*|\s*から\s*|\s+(?:to|till|until|bis|a|al|alle|au|as|ate|tot|hasta)\s+/g;

// A word that opens a range ("de 11:00 a 12:00", "von 9 bis 10", "du 9h à 10h", "dalle 9 alle 10",
// "das 9h às 10h", "van 9 tot 10", "from 9 to 10"), and Japanese まで closing it ("9時から10時まで").
// With one of them, or から, the cell says it is a range, so bare hours ("von 9 bis 10") are times.
const OPENING_WORD = /^(?:de|desde|von|du|dalle|das|van|from|entre)\s+/;
// (まで is "まて" once normalising has taken the voicing mark off.)
const CLOSING_WORD = /\s*ま[てで]$/;

// Folded (lower case, no accents): "Open-end", "open end", "TBA", "TBD", "offen", "?", "ouvert".
const OPEN_END = /^(?:open[\s-]?end(?:e|ed)?|open|tba|tbd|tbc|offen|ende offen|\?+|n\/a|ouvert|abierto|aperto|fin abierto|em aberto)$/;

/** True when a (normalised) text says the end is open or not yet known. */
export function isOpenEnd(text: string): boolean {
  return OPEN_END.test(text.trim());
}

/** Reads a normalised text as "start <separator> end"; null when it is not two times (or a time and an open end). */
export function parseTimeSpan(text: string): TimeSpan | null {
  const opening = OPENING_WORD.exec(text);
  const opened = opening === null ? text : text.slice(opening[0].length);
  const unwrapped = opened.replace(CLOSING_WORD, '');
  const whole = withoutClockWord(unwrapped);
  const worded = opening !== null || unwrapped !== opened;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(whole); m !== null; m = SEPARATOR.exec(whole)) {
    if (m.index === 0) continue;
    const left = whole.slice(0, m.index).trim();
    const right = whole.slice(m.index + m[0].length).trim();
    if (right === '') continue;
    const span = readSides(left, right, worded || m[0].includes('から'));
    if (span) return span;
  }
  return null;
}

/** `worded`: the text said in words that it is a range, so two bare hours ("von 9 bis 10") are times. */
function readSides(left: string, right: string, worded: boolean): TimeSpan | null {
  if (isOpenEnd(right)) {
    const start = parseTimeOfDay(left);
    return start ? { start, end: null, openEnd: true } : null;
  }
  const leftTime = parseTimeOfDay(left);
  const rightTime = parseTimeOfDay(right);
  const leftBare = leftTime ? null : bareHour(left);
  const rightBare = rightTime ? null : bareHour(right);
  // "9-10" alone is no range (it reads as a date or a score as well): one side must be a clock.
  if ((!leftTime && leftBare === null) || (!rightTime && rightBare === null) || (!leftTime && !rightTime && !worded)) return null;
  const end = rightTime ?? timeFromParts(rightBare!, 0, 0, 0, undefined);
  if (!end) return null;
  let start = leftTime ?? timeFromParts(leftBare!, 0, 0, 0, undefined);
  if (!start) return null;
  // "9-10:30am", "11:00-1:00pm": the start shares the end's half of the day unless that puts it
  // after the end, when it is the other half.
  if (!hasMeridiem(left) && hasMeridiem(right)) {
    const sameHalf = withMeridiem(left, end.hour >= 12 ? 'p' : 'a');
    const otherHalf = withMeridiem(left, end.hour >= 12 ? 'a' : 'p');
    if (sameHalf && minutesOf(sameHalf) <= minutesOf(end)) start = sameHalf;
    else if (otherHalf) start = otherHalf;
    // "noon-1pm": a start that is no bare clock keeps its own reading.
  }
  return { start, end, openEnd: false };
}

function bareHour(text: string): number | null {
  return /^\d{1,2}$/.test(text) ? Number(text) : null;
}

function withMeridiem(text: string, meridiem: 'a' | 'p'): WrittenTime | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?$/.exec(text);
  return m ? timeFromParts(Number(m[1]), Number(m[2] ?? 0), 0, 0, meridiem) : null;
}

function minutesOf(time: WrittenTime): number {
  return time.hour * 60 + time.minute;
}
