// The time engine: date/time texts and cells to wall-clock values, wall clocks in a zone to UTC
// instants (exact across DST), and instants back to a zone's wall clock. Pure values in and out;
// it knows no rows and no issues (validate/ turns its answers into row issues).
export { DATE_TIME_FIELDS, type ColumnFormats, type DateTimeField, type TimeOptions } from './read-cell.js';
export { clockTextIsMarked, collectClockOrder, type ClockOrder } from './clock-order.js';
export { compileDateFormat, type CompiledDateFormat } from './date-format.js';
export { FIRST_DAY_HINT, parseIsoDate, readDayLabel } from './day-label.js';
export { isNameLanguage, NAME_LANGUAGES, nameLanguagesIn, type NameLanguage } from './local-names.js';
export { isOpenEnd } from './time-range.js';
export { isPartialDate, normaliseText } from './written-value.js';
export { DURATION_EXAMPLES, readDuration } from './duration.js';
export { formatLocal, isCanonicalIso, parseInstant, sameInstant, wallClockAt, zoneOffsetAt } from './instants.js';
export { isoText, localInstant } from './local-instant.js';
export {
  createColumnParser,
  expectedShape,
  isCertainDayFraction,
  parseCell,
  parseColumnText,
  readDateTimeCell,
  type CellRole,
  type ColumnParser,
  type LocalValue,
} from './read-cell.js';
export * from './wall-clock.js';
export type { DayMonthOrder, ParsedValue, WrittenTime } from './written-value.js';
export { fixedOffsetZone, isValidZone, normaliseZoneName, offsetZone, requireZoneOption, type OffsetZone } from './zones.js';
