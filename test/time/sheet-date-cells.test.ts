import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { convertOne } from './rows.js';
import { parseExcelSerial } from '../../src/time/excel-serial.js';
import type { SheetDateCell } from '../../src/types.js';

/** The wall-clock parts of a workbook date cell, as a reader derives them: no machine zone involved. */
function sheetDateCell(serial: number, format: string, date1904: boolean): SheetDateCell {
  const code = XLSX.SSF.parse_date_code(serial, { date1904 });
  const timeOnly = serial < 1;
  return {
    kind: 'date',
    serial,
    date1904,
    parts: { year: code.y, month: code.m, day: code.d, hour: code.H, minute: code.M, second: code.S, millisecond: 0 },
    timeOnly,
    dateOnly: Number.isInteger(serial) && !/[hs]/i.test(format),
    text: XLSX.SSF.format(format, serial, { date1904 }),
  };
}

/** Writes a real .xlsx with date-formatted serials, reads it back, and returns the cells. */
function roundTripWorkbook(date1904: boolean, cells: Array<[number, string]>): SheetDateCell[] {
  const sheet = XLSX.utils.aoa_to_sheet([cells.map(([v, z]) => ({ t: 'n', v, z }))]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Agenda');
  book.Workbook = { ...(book.Workbook ?? {}), WBProps: { ...(book.Workbook?.WBProps ?? {}), date1904 } };
  const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  const read = XLSX.read(bytes, { type: 'buffer', cellDates: false, cellNF: true });
  const readSheet = read.Sheets.Agenda;
  if (!readSheet) throw new Error('sheet missing');
  const is1904 = Boolean(read.Workbook?.WBProps?.date1904);
  expect(is1904).toBe(date1904);
  return cells.map((_, i) => {
    const cell = readSheet[XLSX.utils.encode_cell({ r: 0, c: i })] as XLSX.CellObject;
    return sheetDateCell(Number(cell.v), String(cell.z ?? ''), is1904);
  });
}

// 2027-03-14 is serial 46460 in the 1900 system and 44998 in the 1904 system.
describe('workbook date cells (SheetDateCell), both date systems', () => {
  it.each([false, true])('date1904 = %s: date-time, date and time cells', (date1904) => {
    const day = date1904 ? 44998 : 46460;
    const [dateTime, dateOnly, startTime, endTime] = roundTripWorkbook(date1904, [
      [day + 9.5 / 24, 'yyyy-mm-dd hh:mm'],
      [day, 'yyyy-mm-dd'],
      [9.5 / 24, 'h:mm'],
      [11 / 24, 'h:mm AM/PM'],
    ]);
    const zone = { timezone: 'America/New_York' };
    expect(dateTime?.text).toBe('2027-03-14 09:30');
    expect(convertOne({ datetime_start: dateTime ?? null }, zone)).toMatchObject({
      ok: true,
      start_time: '2027-03-14T13:30:00.000Z',
      all_day: false,
    });
    expect(convertOne({ datetime_start: dateOnly ?? null }, zone)).toMatchObject({
      ok: true,
      start_time: '2027-03-14T05:00:00.000Z',
      all_day: true,
    });
    expect(convertOne({ date: dateOnly ?? null, start: startTime ?? null, end: endTime ?? null }, zone)).toMatchObject({
      ok: true,
      start_time: '2027-03-14T13:30:00.000Z',
      end_time: '2027-03-14T15:00:00.000Z',
    });
  });

  it('a workbook date-time in a DST gap is still caught', () => {
    const [cell] = roundTripWorkbook(false, [[46460 + 2.5 / 24, 'm/d/yyyy h:mm']]);
    const result = convertOne({ datetime_start: cell ?? null }, { timezone: 'America/New_York' });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'dst_gap', value: '3/14/2027 2:30' }] });
  });

  it('a duration cell ([h]:mm) over a day is read from its serial', () => {
    const [duration] = roundTripWorkbook(false, [[25.5 / 24, '[h]:mm']]);
    const result = convertOne({ datetime_start: '2027-03-14 09:00', duration: duration ?? null });
    expect(result).toMatchObject({ ok: true, end_time: '2027-03-15T10:30:00.000Z' });
  });
});

describe('plain numbers in a date column are 1900-system serials', () => {
  it('reads a serial date-time and a serial date', () => {
    expect(convertOne({ datetime_start: 46460 + 14 / 24 })).toMatchObject({ ok: true, start_time: '2027-03-14T14:00:00.000Z' });
    expect(convertOne({ date: 46460, start: '9:00' })).toMatchObject({ ok: true, start_time: '2027-03-14T09:00:00.000Z' });
  });

  it('rounds float noise to the second as a spreadsheet shows it', () => {
    expect(convertOne({ datetime_start: 46460.3958333 })).toMatchObject({ start_time: '2027-03-14T09:30:00.000Z' });
  });

  it('the phantom 1900-02-29 (serial 60) is not a date', () => {
    expect(convertOne({ datetime_start: 60 })).toMatchObject({ ok: false, issues: [{ code: 'bad_date' }] });
  });

  it('agrees with SheetJS parse_date_code on any serial from 1900 to 2200, to the second', () => {
    fc.assert(
      // Past that, SheetJS's own float tolerance drops seconds; agendas live well inside it.
      fc.property(fc.integer({ min: 1, max: 109_574 }), fc.integer({ min: 0, max: 86_399 }), (days, seconds) => {
        fc.pre(days !== 60);
        const serial = days + seconds / 86_400;
        const ours = parseExcelSerial(serial);
        const sheetjs = XLSX.SSF.parse_date_code(serial);
        const got = ours?.date?.kind === 'calendar' ? ours.date.date : null;
        const time = ours?.time ?? { hour: 0, minute: 0, second: 0 };
        expect([got?.year, got?.month, got?.day, time.hour, time.minute, time.second]).toEqual([
          sheetjs.y,
          sheetjs.m,
          sheetjs.d,
          sheetjs.H,
          sheetjs.M,
          sheetjs.S,
        ]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a serial date number kept as text by a CSV export (issue 12)', () => {
  // 46525 days after 1899-12-30 is 2027-05-18; 9:00 in Berlin (UTC+2) is 07:00Z.
  it('reads a 5-digit number in a date column as a 1900-system serial date', () => {
    expect(convertOne({ date: '46525', start: '9:00', end: '10:00' }, { timezone: 'Europe/Berlin' })).toMatchObject({
      ok: true,
      start_time: '2027-05-18T07:00:00.000Z',
      end_time: '2027-05-18T08:00:00.000Z',
    });
    // with day fractions for the times, as h06_serial_csv.csv has them
    expect(convertOne({ date: '46525', start: '0.375', end: '0.4166666667' }, { timezone: 'Europe/Berlin' })).toMatchObject({
      ok: true,
      start_time: '2027-05-18T07:00:00.000Z',
      end_time: '2027-05-18T08:00:00.000Z',
    });
  });

  it('takes 2000-01-01 (36526) to 2099-12-31 (73050) and no number outside them', () => {
    expect(convertOne({ date: '36526' }, { timezone: 'UTC' })).toMatchObject({
      ok: true,
      start_time: '2000-01-01T00:00:00.000Z',
      all_day: true,
    });
    expect(convertOne({ date: '73050' }, { timezone: 'UTC' })).toMatchObject({ ok: true, start_time: '2099-12-31T00:00:00.000Z' });
    for (const text of ['36525', '73051', '12345']) {
      const result = convertOne({ date: text }, { timezone: 'UTC' });
      expect(result.ok ? 'converted' : result.issues[0]?.code).toBe('bad_date');
    }
  });
});
