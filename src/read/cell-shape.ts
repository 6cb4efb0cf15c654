import { createColumnParser, readDateTimeCell } from '../time/index.js';
import type { CellValue } from '../types.js';
import { cellText, isBlankCell } from './cell-value.js';

// What a cell looks like, for telling a sheet's layout apart before any column is named: a time
// grid's first column holds times, a sheet without a header row is read by what its columns hold,
// a row with one day label ("FRIDAY", "Tag 2") starts a day. The time engine reads the values
// later; here only their shape is asked for, with no column order or zone.

export type CellShape = 'blank' | 'time' | 'time_range' | 'date' | 'date_time' | 'day_label' | 'number' | 'text';

const NEUTRAL = createColumnParser(null, null);

/** The shape of one cell. */
export function cellShape(value: CellValue): CellShape {
  if (isBlankCell(value)) return 'blank';
  if (typeof value === 'boolean') return 'text';
  if (typeof value === 'number') {
    // An unformatted Excel time is a day fraction; other bare numbers are ids, day numbers, counts.
    return value > 0 && value < 1 ? 'time' : 'number';
  }
  if (typeof value === 'object' && value !== null) {
    if (value.timeOnly) return 'time';
    return value.dateOnly ? 'date' : 'date_time';
  }
  const text = cellText(value).trim();
  // A range first: the time engine may read "9:00-10:30" whole, but a grid splits it.
  const range = splitTimeRange(text);
  if (range !== null && shapeOfDateTime(range.end) === 'time') {
    const left = shapeOfDateTime(range.start);
    if (left === 'time') return 'time_range';
    if (left === 'date_time') return 'date_time';
  }
  const whole = shapeOfDateTime(text);
  if (whole !== null) return whole;
  if (isDayLabel(text)) return 'day_label';
  return /^\d+$/.test(text) ? 'number' : 'text';
}

/** A time of day or a range of them ("9:00", "9:00-10:30"). */
export function isTimeShape(shape: CellShape): boolean {
  return shape === 'time' || shape === 'time_range';
}

/** A day: a date, or a label naming one ("Monday", "Day 2", "18 May"). */
export function isDayShape(shape: CellShape): boolean {
  return shape === 'date' || shape === 'day_label';
}

function shapeOfDateTime(text: string): CellShape | null {
  const reading = readDateTimeCell(text, NEUTRAL, 'datetime');
  if (!reading.ok) {
    // A numeric date whose day/month order only the whole column can tell is still a date.
    return reading.code === 'bad_date' && reading.problem.includes('day/month') ? 'date' : null;
  }
  const { date, time } = reading.value;
  if (date !== null) return time === null ? 'date' : 'date_time';
  return time === null ? null : 'time';
}

// "9:00-10:30", "09:00 – 10:00", "9am–10:30am", "14:00-15:30 Uhr", "10:00 to 11:00", "9h30 - 10h15",
// "2027-05-18 09:00-10:30": the end is a clock time after a dash or a word for "to".
const RANGE =
  /^(.*?\d.*?)\s*(?:[-–—~]|\s(?:to|bis|a|à|al|tot)\s)\s*(\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*(?:uhr|hrs?|h|horas)?\.?$/i;

/** A cell's text split into its start and end when it holds a time range; null otherwise. */
export function splitTimeRange(text: string): { start: string; end: string } | null {
  const match = RANGE.exec(text.trim());
  if (match === null) return null;
  const start = (match[1] ?? '').trim();
  const end = (match[2] ?? '').trim();
  if (start === '' || end === '') return null;
  return { start, end };
}

// Day labels a sheet name or a section row uses, in the languages of the field table. The time
// engine reads them into dates (time/ readDayLabel once it exists); this only recognises them.
const WEEKDAYS = [
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun',
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so',
  'lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  'lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|domenica',
  'segunda(?:-feira)?|terça(?:-feira)?|terca(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?',
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag',
  '[月火水木金土日]曜日?',
].join('|');
const DAY_WORDS = 'day|tag|día|dia|jour|giorno|dag';
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  'januar|februar|märz|maerz|mai|juni|juli|oktober|dezember|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|' +
  'januari|februari|maart|augustus|oktober';
const DAY_LABEL = new RegExp(
  '^(?:' +
    // "Friday", "Mittwoch, 18. Mai", "Tue 18 May" (not "Sunday Brunch": what follows holds a digit)
    `(?:${WEEKDAYS})\\.?(?:,?\\s+[^\\n]*\\d[^\\n]*)?` +
    // "Day 1", "Tag 0", "Día 3", "Jour 2"
    `|(?:${DAY_WORDS})\\s*\\d{1,2}(?:\\s*[-:–(,].*)?` +
    // "1日目", "2日目"
    '|\\d{1,2}\\s*日目.*' +
    // "18 May", "18. Mai", "18 de mayo", "May 18"
    `|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s*(?:de\\s+)?(?:${MONTHS})\\.?(?:\\s+(?:de\\s+)?\\d{2,4})?` +
    `|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?` +
    ')$',
  'iu',
);

/** A text naming a day: a weekday, "Day 2", "18 May", a date. Sheet names and section rows. */
export function isDayLabel(text: string): boolean {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '' || trimmed.length > 60) return false;
  if (DAY_LABEL.test(trimmed)) return true;
  return shapeOfDateTime(trimmed) === 'date';
}
