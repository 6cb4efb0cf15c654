import { createRequire } from 'node:module';
import { GuidebookImportError } from '../errors.js';
import { MONTH_NAME_PATTERN, monthNumber, timeFromParts, type DayMonthOrder, type ParsedValue, type WrittenTime } from './written-value.js';

/** A --date-format, ready to read values exactly in that shape. */
export interface CompiledDateFormat {
  readonly text: string;
  /** Day/month order the format implies, applied to every numeric date of the sheet. */
  readonly order: DayMonthOrder | null;
  /** The value read in exactly this format, or null when it is written otherwise. */
  parse(normalised: string, original: string): ParsedValue | null;
}

type Part = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'meridiem' | 'offset';

const MONTH_NAMES = MONTH_NAME_PATTERN;

// The luxon tokens a precompiled regex reads exactly; any other token falls back to luxon's own
// (slower) parser, memoised per text like everything else.
const TOKENS: Record<string, { pattern: string; part: Part }> = {
  yyyy: { pattern: '(\\d{4})', part: 'year' },
  yy: { pattern: '(\\d{2})', part: 'year2' },
  y: { pattern: '(\\d{1,6})', part: 'year' },
  MMMM: { pattern: MONTH_NAMES, part: 'monthName' },
  MMM: { pattern: MONTH_NAMES, part: 'monthName' },
  MM: { pattern: '(\\d{2})', part: 'month' },
  M: { pattern: '(\\d{1,2})', part: 'month' },
  LLLL: { pattern: MONTH_NAMES, part: 'monthName' },
  LLL: { pattern: MONTH_NAMES, part: 'monthName' },
  LL: { pattern: '(\\d{2})', part: 'month' },
  L: { pattern: '(\\d{1,2})', part: 'month' },
  dd: { pattern: '(\\d{2})', part: 'day' },
  d: { pattern: '(\\d{1,2})', part: 'day' },
  HH: { pattern: '(\\d{2})', part: 'hour' },
  H: { pattern: '(\\d{1,2})', part: 'hour' },
  hh: { pattern: '(\\d{2})', part: 'hour12' },
  h: { pattern: '(\\d{1,2})', part: 'hour12' },
  mm: { pattern: '(\\d{2})', part: 'minute' },
  m: { pattern: '(\\d{1,2})', part: 'minute' },
  ss: { pattern: '(\\d{2})', part: 'second' },
  s: { pattern: '(\\d{1,2})', part: 'second' },
  SSS: { pattern: '(\\d{3})', part: 'fraction' },
  S: { pattern: '(\\d{1,3})', part: 'fraction' },
  a: { pattern: '\\s?([ap])\\.?m\\.?', part: 'meridiem' },
  Z: { pattern: '(z|[+-]\\d{1,2}(?::?\\d{2})?)', part: 'offset' },
  ZZ: { pattern: '(z|[+-]\\d{2}:?\\d{2})', part: 'offset' },
  ZZZ: { pattern: '(z|[+-]\\d{2}:?\\d{2})', part: 'offset' },
};

interface Token {
  literal: boolean;
  text: string;
}

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < format.length; ) {
    const c = format[i] ?? '';
    if (c === "'") {
      const end = format.indexOf("'", i + 1);
      const literal = end === -1 ? format.slice(i + 1) : format.slice(i + 1, end);
      tokens.push({ literal: true, text: literal === '' ? "'" : literal });
      i = end === -1 ? format.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (format[j] === c) j++;
      tokens.push({ literal: false, text: format.slice(i, j) });
      i = j;
    } else {
      tokens.push({ literal: true, text: c });
      i++;
    }
  }
  return tokens;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileDateFormat(format: string): CompiledDateFormat {
  const tokens = tokenize(format);
  const letters = tokens.filter((t) => !t.literal).map((t) => t.text);
  const dayAt = letters.findIndex((t) => t[0] === 'd');
  const monthAt = letters.findIndex((t) => t[0] === 'M' || t[0] === 'L');
  if (dayAt === -1 || monthAt === -1) {
    throw new GuidebookImportError(
      'date_format',
      `--date-format ${JSON.stringify(format)} has no day (d) and month (M): give a luxon format such as d/M/yyyy or M/d/yyyy h:mm a`,
    );
  }
  const order: DayMonthOrder = dayAt < monthAt ? 'd/M' : 'M/d';
  const exact = compileExact(tokens);
  const parse = exact ?? luxonParser(format, letters);
  return { text: format, order, parse };
}

function compileExact(tokens: Token[]): CompiledDateFormat['parse'] | null {
  const parts: Part[] = [];
  let source = '^';
  for (const token of tokens) {
    if (token.literal) {
      source += token.text === ' ' ? '\\s?' : escapeRegex(token.text.toLowerCase());
      continue;
    }
    const known = TOKENS[token.text];
    if (!known) return null;
    source += known.pattern;
    parts.push(known.part);
  }
  const regex = new RegExp(`${source}$`);
  return (normalised) => {
    const m = regex.exec(normalised);
    return m ? valueFromParts(parts, m) : null;
  };
}

function valueFromParts(parts: Part[], m: RegExpExecArray): ParsedValue | null {
  const got: Partial<Record<Part, string>> = {};
  for (const [i, part] of parts.entries()) got[part] = m[i + 1];
  const year = got.year !== undefined ? Number(got.year) : got.year2 !== undefined ? 2000 + Number(got.year2) : undefined;
  const month = got.month !== undefined ? Number(got.month) : got.monthName !== undefined ? monthNumber(got.monthName) : undefined;
  const day = got.day !== undefined ? Number(got.day) : undefined;
  const hasDate = year !== undefined && month !== undefined && day !== undefined;
  let time: WrittenTime | null = null;
  const hour = got.hour ?? got.hour12;
  if (hour !== undefined) {
    const meridiem = got.hour12 !== undefined ? got.meridiem : undefined;
    const fraction = got.fraction === undefined ? 0 : Number(got.fraction.padEnd(3, '0'));
    time = timeFromParts(Number(hour), Number(got.minute ?? 0), Number(got.second ?? 0), fraction, meridiem);
    if (!time) return null;
  }
  if (!hasDate && !time) return null;
  return {
    date: hasDate ? { kind: 'calendar', date: { year, month, day } } : null,
    time,
    offsetMinutes: got.offset === undefined ? null : offsetMinutes(got.offset),
  };
}

function offsetMinutes(text: string): number {
  if (text === 'z') return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const TIME_LETTERS = new Set(['H', 'h', 'm', 's', 'S', 'a', 't', 'T', 'k']);

/**
 * luxon's DateTime, loaded on the first format that needs it: luxon is ~235 KB of code that no
 * other part of a run needs (time/intl-offset.ts reads zone offsets), ~10 ms of every start-up
 * (issue 15). require() keeps the parser synchronous.
 */
let dateTime: typeof import('luxon').DateTime | undefined;
const luxonDateTime = () => (dateTime ??= (createRequire(import.meta.url)('luxon') as typeof import('luxon')).DateTime);

function luxonParser(format: string, letters: string[]): CompiledDateFormat['parse'] {
  const hasTime = letters.some((t) => TIME_LETTERS.has(t[0] ?? ''));
  const hasOffset = letters.some((t) => t[0] === 'Z');
  const DateTime = luxonDateTime();
  return (_normalised, original) => {
    // UTC with setZone: the parts come back exactly as written, whatever the machine's zone.
    const dt = DateTime.fromFormat(original.trim(), format, { zone: 'UTC', setZone: true, locale: 'en-US' });
    if (!dt.isValid) return null;
    return {
      date: { kind: 'calendar', date: { year: dt.year, month: dt.month, day: dt.day } },
      time: hasTime ? { hour: dt.hour, minute: dt.minute, second: dt.second, millisecond: dt.millisecond, midnightWord: false } : null,
      offsetMinutes: hasOffset ? dt.offset : null,
    };
  };
}
