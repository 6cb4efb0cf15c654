import { describe, expect, it } from 'vitest';
import { formatHasTime, sheetDateCell } from '../../src/read/sheet-date.js';

describe('formatHasTime', () => {
  it.each([
    ['yyyy-mm-dd', false],
    ['m/d/yy', false],
    ['dddd, mmmm d', false],
    ['[$-409]mmmm d, yyyy;@', false],
    ['"Day "d', false],
    ['h:mm', true],
    ['m/d/yy h:mm AM/PM', true],
    ['[h]:mm:ss', true],
    ['mm:ss', true],
    ['yyyy-mm-dd\\ hh:mm', true],
    ['[Red]yyyy-mm-dd', false],
  ])('%j → %s', (format, expected) => {
    expect(formatHasTime(format)).toBe(expected);
  });
});

describe('sheetDateCell', () => {
  it('rounds a serial that sits a hair below the minute', () => {
    const cell = sheetDateCell(46447 + 0.395833333333333, false, 'yyyy-mm-dd hh:mm', true);
    expect(cell.parts).toEqual({ year: 2027, month: 3, day: 1, hour: 9, minute: 30, second: 0, millisecond: 0 });
    expect(cell.text).toBe('2027-03-01 09:30');
  });

  it('carries a time that rounds up to midnight into the next day', () => {
    const cell = sheetDateCell(46447.99999999999, false, 'yyyy-mm-dd hh:mm', true);
    expect(cell.parts).toMatchObject({ year: 2027, month: 3, day: 2, hour: 0, minute: 0 });
  });

  it('keeps milliseconds', () => {
    expect(sheetDateCell(46447 + 0.5 + 0.25 / 86400, false, 'hh:mm:ss.000', true).parts).toMatchObject({
      hour: 12,
      second: 0,
      millisecond: 250,
    });
  });

  it('counts 1904-system serials from 1904', () => {
    expect(sheetDateCell(0, true, 'yyyy-mm-dd', false).parts).toMatchObject({ year: 1904, month: 1, day: 1 });
    expect(sheetDateCell(44985, true, 'yyyy-mm-dd', false).parts).toMatchObject({ year: 2027, month: 3, day: 1 });
  });

  it('knows the 1900 system’s phantom 29 February', () => {
    expect(sheetDateCell(59, false, 'yyyy-mm-dd', false).parts).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(sheetDateCell(61, false, 'yyyy-mm-dd', false).parts).toMatchObject({ year: 1900, month: 3, day: 1 });
  });

  it('marks time-only and date-only cells', () => {
    expect(sheetDateCell(0.5, false, 'h:mm', true)).toMatchObject({ timeOnly: true, dateOnly: false });
    expect(sheetDateCell(46447, false, 'yyyy-mm-dd', false)).toMatchObject({ timeOnly: false, dateOnly: true });
    // A date format over a serial with a time of day still carries that time.
    expect(sheetDateCell(46447.5, false, 'yyyy-mm-dd', false)).toMatchObject({ dateOnly: false, parts: { hour: 12 } });
    expect(sheetDateCell(46447, false, 'yyyy-mm-dd hh:mm', true)).toMatchObject({ dateOnly: false });
  });
});
