// Arbitrary CSV files: mostly sheets with real header names (so the reader, the map and the time
// stage all get to work), full of the cells that break readers: quotes left open, NUL, stray
// delimiters, huge fields, broken UTF-8, every line ending, and time values on their edges.
import fc from 'fast-check';

const HEADERS = [
  'Import ID',
  'Session Name',
  'Title',
  'Description',
  'Date',
  'Start',
  'End',
  'Start Time',
  'End Time',
  'Start Date Time',
  'End Date Time',
  'Duration',
  'Time Zone',
  'All Day',
  'Track',
  'Room',
  'Allow Rating',
  'Add to Schedule',
  'Rank',
  'Require Login',
  'Max Capacity',
  'Waitlist',
  'Registration Start',
  'Registration End',
  'Notes',
  '',
  ' ',
  '#',
  'title',
  'START',
  'ＴＩＴＬＥ',
];

export const EDGE_CELLS = [
  '',
  ' ',
  '"',
  '""',
  '"a',
  'a"b',
  '"a""',
  '\0',
  'a\0b',
  '\r',
  '\n',
  '\r\n',
  ',',
  ';',
  '\t',
  '|',
  '\uFEFF',
  '\uFFFD',
  '=1+1',
  '+cmd',
  '-1',
  '@SUM(A1)',
  '<b>x</b>',
  '<script>alert(1)</script>',
  '<p',
  '&amp;',
  '👩‍💻',
  'é',
  'İ',
  '3/14/2027',
  '14/3/2027',
  '3/4/2027',
  '2027-03-14',
  '2027-03-14T09:00',
  '2027-03-14T09:00:00Z',
  '2027-03-14 09:00+05:30',
  '2/29/2027',
  '2/29/2028',
  '0/0/0',
  '99/99/9999',
  '3/14/27',
  '14.03.2027',
  'Mar 14, 2027',
  '14 March 2027',
  '9:30',
  '9:30 AM',
  '12:00 AM',
  '12:00 PM',
  'noon',
  'midnight',
  '24:00',
  '25:99',
  '9',
  '930',
  '-1:00',
  '9:30:61',
  '2:30',
  '3/14/2027 2:30 AM',
  '3/28/2027 2:30',
  '11/7/2027 1:30 AM',
  '45',
  '1:30',
  '90 min',
  '1h 30m',
  '-5',
  'P1D',
  'America/New_York',
  'Europe/Berlin',
  'UTC',
  'utc',
  'GMT+2',
  'EST',
  'Mars/Base',
  'Etc/GMT-14',
  '+05:30',
  'yes',
  'no',
  'x',
  'X',
  'TRUE',
  'maybe',
  '1',
  '0',
  '2',
  '1e309',
  '99999999999999',
  '1:99999999',
  'NaN',
  'Infinity',
  '1,5',
  '1.5',
  '0x10',
  'Keynote; Data',
  'Hall A, Level 2; Hall B',
  ';;;',
  ',,,',
  'gb-session-12',
  'gb-session-',
  'S-001',
  'S-001 ',
];

const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_CELLS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  // Huge fields. (Not thousands of bare line breaks: csv-parse builds an error object with a stack
  // for every record whose length differs from the first, which makes those files slow, not wrong.)
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '"', 'ab,', 'é\n'), fc.integer({ min: 1_000, max: 60_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  },
);

const header: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 15 }) },
);

/** How a cell is written: plain, quoted properly, or with a quote left open or closed too early. */
type Quoting = 'plain' | 'quoted' | 'open' | 'stray';
const quoting = fc.constantFrom<Quoting>('plain', 'plain', 'quoted', 'quoted', 'open', 'stray');

function writeCell(text: string, how: Quoting): string {
  if (how === 'quoted') return `"${text.replace(/"/g, '""')}"`;
  if (how === 'open') return `"${text}`;
  if (how === 'stray') return `${text}"x`;
  return text;
}

export interface CsvSheet {
  headerRows: string[][];
  rows: string[][];
  delimiter: string;
  lineEnd: string;
  quotings: Quoting[];
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'latin1';
  /** Bytes spliced into the encoded file at relative positions: broken UTF-8, NUL, lone BOMs. */
  splices: Array<{ at: number; bytes: number[] }>;
  extension: string;
}

export const csvSheet: fc.Arbitrary<CsvSheet> = fc.record({
  headerRows: fc.array(fc.array(header, { maxLength: 12 }), { minLength: 0, maxLength: 3 }),
  rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 12 }),
  delimiter: fc.constantFrom(',', ',', ';', '\t', '|', ' '),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r', '\n\n'),
  quotings: fc.array(quoting, { minLength: 1, maxLength: 8 }),
  encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'latin1'),
  splices: fc.array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0x00], [0xef, 0xbb, 0xbf], [0x80, 0x80], [0x22]),
    }),
    { maxLength: 3 },
  ),
  extension: fc.constantFrom('.csv', '.csv', '.csv', '.tsv', '.txt', '.CSV', '.xlsx'),
});

export function csvBytes(sheet: CsvSheet): Uint8Array {
  let n = 0;
  const line = (cells: string[]) =>
    cells.map((text) => writeCell(text, sheet.quotings[n++ % sheet.quotings.length]!)).join(sheet.delimiter);
  const text = [...sheet.headerRows, ...sheet.rows].map(line).join(sheet.lineEnd);
  let bytes: Uint8Array;
  if (sheet.encoding === 'utf-16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (sheet.encoding === 'latin1') bytes = Buffer.from(text, 'latin1');
  else if (sheet.encoding === 'utf-8-bom') bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  else bytes = Buffer.from(text, 'utf8');
  for (const splice of sheet.splices) {
    const at = Math.floor(splice.at * bytes.length);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(splice.bytes), bytes.subarray(at)]);
  }
  return bytes;
}

/** Files that are not text at all, or only pretend to be workbooks. */
export const binaryFile: fc.Arbitrary<{ bytes: Uint8Array; extension: string }> = fc
  .record({
    prefix: fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04], // a zip's local header: XLSX/ODS
      [0x50, 0x4b, 0x05, 0x06], // an empty zip's end record
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // an OLE2 compound file: XLS
      [0x09, 0x08, 0x10, 0x00], // a BIFF record
      [0x3c, 0x3f, 0x78, 0x6d, 0x6c], // "<?xml"
      [0x3c, 0x74, 0x61, 0x62, 0x6c, 0x65, 0x3e], // "<table>"
    ),
    body: fc.uint8Array({ maxLength: 3000 }),
    extension: fc.constantFrom('.csv', '.xlsx', '.xls', '.ods', '.txt', '.tsv'),
  })
  .map(({ prefix, body, extension }) => ({ bytes: Buffer.concat([Buffer.from(prefix), Buffer.from(body)]), extension }));
