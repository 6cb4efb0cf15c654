import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { acceptedHeadersHint } from '../../src/map/fields.js';
import { openSheet } from '../../src/read/index.js';
import type { CellValue, SheetDateCell, WallClockParts } from '../../src/types.js';
import { collect, fileErrorOf, fixture, scoreHeader } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'read-workbook-'));

function parts(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClockParts {
  return { year, month, day, hour, minute, second, millisecond: 0 };
}

function dateCell(serial: number, date1904: boolean, p: WallClockParts, text: string, kind: 'date' | 'time' | 'datetime'): SheetDateCell {
  return { kind: 'date', serial, date1904, parts: p, timeOnly: kind === 'time', dateOnly: kind === 'date', text };
}

/** What agenda.xlsx (written by make-fixtures) must read as, for either date system. */
function agendaRows(date1904: boolean): Array<{ sheet: string; row: number; cells: CellValue[] }> {
  const shift = date1904 ? 1462 : 0;
  // A time-only serial has no calendar day; SheetJS's date code gives the epoch's day 0.
  const epoch = date1904 ? { y: 1904, m: 1, d: 1 } : { y: 1900, m: 1, d: 0 };
  const time = (serial: number, h: number, m: number, text: string) =>
    dateCell(serial, date1904, parts(epoch.y, epoch.m, epoch.d, h, m), text, 'time');
  return [
    {
      sheet: 'Agenda',
      row: 5,
      cells: [
        'Opening keynote',
        dateCell(46447 - shift, date1904, parts(2027, 3, 1), '2027-03-01', 'date'),
        time(0.375, 9, 0, '9:00'),
        time(0.4375, 10, 30, '10:30'),
        dateCell(46447.375 - shift, date1904, parts(2027, 3, 1, 9, 0), '2027-03-01 09:00:00', 'datetime'),
        'Hall A',
        true,
        250,
        '  spaced text  ',
      ],
    },
    // Row 6 is hidden and row 7 empty: both skipped.
    {
      sheet: 'Agenda',
      row: 8,
      cells: [
        'Workshop',
        dateCell(46448 - shift, date1904, parts(2027, 3, 2), '2027-03-02', 'date'),
        time(0.5625, 13, 30, '1:30 PM'),
        time(14.5 / 24, 14, 30, '14:30'), // a formula: its cached value
        dateCell(
          46448 + (13 * 3600 + 30 * 60 + 15) / 86400 - shift,
          date1904,
          parts(2027, 3, 2, 13, 30, 15),
          '2027-03-02 13:30:15',
          'datetime',
        ),
        'Room 5',
        false,
        200,
        '#N/A',
      ],
    },
    // A ragged last row; the stray cell past the header (column J) is left out.
    {
      sheet: 'Agenda',
      row: 9,
      cells: [
        'Closing',
        dateCell(46449 - shift, date1904, parts(2027, 3, 3), '2027-03-03', 'date'),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    },
  ];
}

const AGENDA_HEADERS = ['Title', 'Date', 'Start', 'End', 'Starts at', 'Room', 'Rating', 'Capacity', 'Note'];

/** Serials of computed times differ from the decimal literal in the last bits; compare them loosely. */
function expectRows(actual: unknown[], expected: unknown[]): void {
  expect(actual).toEqual(
    expected.map((row) => ({
      ...(row as object),
      cells: (row as { cells: CellValue[] }).cells.map((cell) =>
        cell !== null && typeof cell === 'object' ? { ...cell, serial: expect.closeTo(cell.serial, 9) } : cell,
      ),
    })),
  );
}

describe('XLSX', () => {
  it('reads dates, times, date-times, booleans, numbers, formulas and errors; skips hidden and empty rows', async () => {
    const source = await openSheet(fixture('agenda.xlsx'), { scoreHeader });
    expect(source.format).toBe('xlsx');
    expect(source.sheet).toBe('Agenda');
    expect(source.date1904).toBe(false);
    expect(source.header).toEqual({ sheet: 'Agenda', row: 4, headers: AGENDA_HEADERS });
    expect(source.warnings).toEqual([]);
    expectRows(await collect(source.rows), agendaRows(false));
  });

  it('reads a 1904-date workbook to the same calendar days', async () => {
    const source = await openSheet(fixture('agenda-1904.xlsx'), { scoreHeader });
    expect(source.date1904).toBe(true);
    expectRows(await collect(source.rows), agendaRows(true));
  });

  it('reads the fixture workbook as made: the header row really is the 4th and row 6 really is hidden', () => {
    const book = XLSX.read(readFileSync(fixture('agenda.xlsx')), { type: 'buffer', cellStyles: true });
    const sheet = book.Sheets.Agenda!;
    expect(sheet.A4?.v).toBe('Title');
    expect(sheet.A6?.v).toBe('Hidden draft');
    expect(sheet['!rows']?.[5]?.hidden).toBe(true);
  });

  it('reads an XLSX saved under a .csv name as XLSX, with a warning', async () => {
    const source = await openSheet(fixture('really-xlsx.csv'), { scoreHeader });
    expect(source.format).toBe('xlsx');
    expect(source.warnings).toEqual(['really-xlsx.csv is an XLSX workbook despite its name (.csv): read as XLSX']);
    expectRows(await collect(source.rows), agendaRows(false));
  });

  it('stops past maxRows data rows', async () => {
    const source = await openSheet(fixture('agenda.xlsx'), { scoreHeader, maxRows: 2 });
    const error = await fileErrorOf(collect(source.rows));
    expect(error.message).toBe(`${fixture('agenda.xlsx')}: has more than 2 data rows, the most one import reads`);
  });
});

describe('XLS and ODS', () => {
  it('reads the same agenda from an XLS (BIFF8) workbook', async () => {
    const source = await openSheet(fixture('agenda.xls'), { scoreHeader });
    expect(source.format).toBe('xls');
    expect(source.header).toEqual({ sheet: 'Agenda', row: 4, headers: AGENDA_HEADERS });
    const rows = await collect(source.rows);
    // SheetJS's XLS writer drops row flags, so the fixture's draft row is not hidden in this file.
    expect(rows.map((r) => r.row)).toEqual([5, 6, 8, 9]);
    const expected = agendaRows(false);
    expectRows([rows[0], rows[2], rows[3]], expected);
  });

  it('reads ODS date-values and time-values as LibreOffice writes them', async () => {
    const source = await openSheet(fixture('agenda.ods'), { scoreHeader });
    expect(source.format).toBe('ods');
    expect(source.header).toEqual({
      sheet: 'Agenda',
      row: 3,
      headers: ['Title', 'Date', 'Start', 'Starts at', 'Room', 'Rating', 'Capacity'],
    });
    const rows = await collect(source.rows);
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    const [keynote, workshop] = rows as unknown as [{ cells: CellValue[] }, { cells: CellValue[] }];
    expect(keynote.cells[0]).toBe('Opening keynote');
    expect(keynote.cells[1]).toMatchObject({ serial: 46447, parts: parts(2027, 3, 1), dateOnly: true, timeOnly: false });
    expect(keynote.cells[2]).toMatchObject({ serial: 0.375, parts: { hour: 9, minute: 0 }, timeOnly: true, text: '09:00:00' });
    expect(keynote.cells[3]).toMatchObject({ serial: 46447.375, parts: parts(2027, 3, 1, 9, 0), timeOnly: false, dateOnly: false });
    expect(keynote.cells.slice(4)).toEqual(['Hall A', true, 250]);
    expect(workshop.cells[2]).toMatchObject({ parts: { hour: 13, minute: 30 }, timeOnly: true });
    expect(workshop.cells[3]).toMatchObject({ parts: parts(2027, 3, 2, 13, 30) });
  });
  it('reads an HTML table saved as .xls (as Excel exports do), keeping its text as text', async () => {
    const path = join(tmp, 'export.xls');
    writeFileSync(
      path,
      '<html><body><table><tr><td>Agenda export</td></tr><tr><td>Title</td><td>Start</td></tr>' +
        '<tr><td>Keynote</td><td>09:00</td></tr></table></body></html>',
    );
    const source = await openSheet(path, { scoreHeader });
    expect(source.format).toBe('xls');
    expect(source.header).toEqual({ sheet: 'Sheet1', row: 2, headers: ['Title', 'Start'] });
    expect(await collect(source.rows)).toEqual([{ sheet: 'Sheet1', row: 3, cells: ['Keynote', '09:00'] }]);
  });
});

describe('choosing the sheet', () => {
  const multi = fixture('multi-sheet.xlsx');

  it('defaults to the first sheet with a recognisable header, and says which', async () => {
    const source = await openSheet(multi, { scoreHeader });
    expect(source.sheet).toBe('Day 1');
    expect(source.warnings).toEqual(['read sheet "Day 1": "Read me" before it has no recognisable header']);
    const rows = await collect(source.rows);
    expect(rows).toEqual([
      {
        sheet: 'Day 1',
        row: 2,
        cells: ['Day one talk', dateCell(46447.375, false, parts(2027, 3, 1, 9, 0), '3/1/27 9:00', 'datetime')],
      },
    ]);
  });

  it.each([['Day 2'], ['day 2'], [3], ['3']])('takes sheet %j', async (sheet) => {
    const source = await openSheet(multi, { scoreHeader, sheet });
    expect(source.sheet).toBe('Day 2');
    expect(source.header).toEqual({ sheet: 'Day 2', row: 3, headers: ['Title', 'Start'] });
    expect((await collect(source.rows)).map((r) => [r.sheet, r.row, r.cells[0]])).toEqual([['Day 2', 4, 'Day two talk']]);
  });

  it('names the sheets when the one asked for does not exist', async () => {
    const byName = await fileErrorOf(openSheet(multi, { scoreHeader, sheet: 'Day 4' }));
    expect(byName.message).toBe(`${multi}: no sheet named "Day 4" (sheets: "Read me", "Day 1", "Day 2")`);
    const byIndex = await fileErrorOf(openSheet(multi, { scoreHeader, sheet: 4 }));
    expect(byIndex.message).toBe(`${multi}: no sheet 4 (sheets: "Read me", "Day 1", "Day 2")`);
  });

  it('refuses a chosen sheet without a header, quoting its first row', async () => {
    const error = await fileErrorOf(openSheet(multi, { scoreHeader, sheet: 'Read me' }));
    expect(error.message).toBe(
      `${multi}: no header row found in sheet "Read me" in the first 30 rows (no cell is a known column name; row 1 is: "How to use this workbook"); ${acceptedHeadersHint()}`,
    );
  });

  it('refuses a workbook where no sheet has a header', async () => {
    const error = await fileErrorOf(openSheet(fixture('no-header.xlsx'), { scoreHeader }));
    expect(error.message).toBe(
      `${fixture('no-header.xlsx')}: no header row found in sheet "Notes" in the first 30 rows (no cell is a known column name; row 1 is: "How to use this workbook"); ${acceptedHeadersHint()}`,
    );
  });

  it('passes over hidden sheets when choosing, but reads one asked for by name', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Title'], ['Old talk']]), 'Archive');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Title'], ['New talk']]), 'Current');
    book.Workbook = {
      Sheets: [
        { name: 'Archive', Hidden: 1 },
        { name: 'Current', Hidden: 0 },
      ],
    };
    const path = join(tmp, 'hidden-sheet.xlsx');
    writeFileSync(path, XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }));
    expect((await openSheet(path, { scoreHeader })).sheet).toBe('Current');
    expect((await openSheet(path, { scoreHeader, sheet: 'Archive' })).sheet).toBe('Archive');
  });
});

describe('damaged workbooks', () => {
  it('refuses a truncated XLSX as damaged', async () => {
    const bytes = readFileSync(fixture('agenda.xlsx'));
    const path = join(tmp, 'truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, bytes.length - 200));
    const error = await fileErrorOf(openSheet(path, { scoreHeader }));
    expect(error.message).toMatch(/truncated\.xlsx: is a damaged workbook: /);
  });

  it('refuses a zip that holds no workbook', async () => {
    const zip = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(zip, 'word/document.xml', Buffer.from('<w:document/>'));
    const path = join(tmp, 'letter.xlsx');
    writeFileSync(path, XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer);
    const error = await fileErrorOf(openSheet(path, { scoreHeader }));
    expect(error.message).toMatch(`${path}: is a Word document (.docx), not an XLSX or ODS workbook: `);
  });

  it('refuses an XLS whose bytes SheetJS cannot read, naming the format', async () => {
    const path = join(tmp, 'broken.xls');
    const bytes = Buffer.alloc(1024, 0x41);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    writeFileSync(path, bytes);
    const error = await fileErrorOf(openSheet(path, { scoreHeader }));
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: could not be read as XLS \\(damaged or protected\\?\\): .+`),
    );
    expect(error.message).not.toContain('\n');
  });
});
