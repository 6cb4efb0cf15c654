// Arbitrary cell values of every kind a reader hands out: text on the edges of every parser,
// numbers including NaN and infinities, booleans, blanks, and workbook date cells from serials
// far outside the calendar. Also typed workbook cells, for sheets written with SheetJS.
import fc from 'fast-check';
import type * as XLSX from 'xlsx';
import { sheetDateCellOrNull } from '../../../src/read/sheet-date.js';
import type { CellValue } from '../../../src/types.js';
import { EDGE_CELLS } from './csv-input.js';

export const DATE_FORMATS = [
  'm/d/yyyy',
  'd/m/yyyy',
  'yyyy-mm-dd',
  'h:mm AM/PM',
  'hh:mm',
  'yyyy-mm-dd hh:mm',
  'm/d/yyyy h:mm',
  '[h]:mm',
  'mm:ss.0',
  'dddd, mmmm d',
];

/** Serials on and past the edges: before 1900, the phantom 29 Feb 1900, after 9999, fractions. */
export const serial: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, -0.25, 0, 1e-9, 0.5, 0.999999999, 59, 60, 61, 45000.395833333, 2958465, 2958466, 1e9),
  fc.double({ min: -1e4, max: 3e6, noNaN: true }),
  fc.tuple(fc.integer({ min: 40000, max: 50000 }), fc.integer({ min: 0, max: 287 })).map(([days, slot]) => days + slot / 288),
);

const number: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    45,
    1e21,
    -1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
  ),
  fc.double(),
  fc.integer({ min: -100_000, max: 100_000 }),
);

/** A date cell as the workbook reader builds it, or the number when it would not build one. */
function dateCell(value: number, date1904: boolean, format: string): CellValue {
  return sheetDateCellOrNull(value, date1904, format, /[hs]/i.test(format)) ?? value;
}

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_CELLS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.tuple(serial, fc.boolean(), fc.constantFrom(...DATE_FORMATS)).map(([v, d1904, f]) => dateCell(v, d1904, f)) },
);

/** A SheetJS cell of any type, as a spreadsheet program could have saved it. */
export const workbookCell: fc.Arbitrary<XLSX.CellObject | null> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(...EDGE_CELLS)
      .filter(xmlSafe)
      .map((v): XLSX.CellObject => ({ t: 's', v })),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ maxLength: 30 })
      .filter(xmlSafe)
      .map((v): XLSX.CellObject => ({ t: 's', v })),
  },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v): XLSX.CellObject => ({ t: 'n', v })) },
  { weight: 4, arbitrary: fc.tuple(serial, fc.constantFrom(...DATE_FORMATS)).map(([v, z]): XLSX.CellObject => ({ t: 'n', v, z })) },
  { weight: 1, arbitrary: fc.boolean().map((v): XLSX.CellObject => ({ t: 'b', v })) },
  { weight: 1, arbitrary: fc.constantFrom(0x07, 0x0f, 0x17, 0x2a).map((v): XLSX.CellObject => ({ t: 'e', v })) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** XML 1.0 cannot carry most control characters; SheetJS would write a file no program opens. */
function xmlSafe(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(text);
}
