import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedHeadersHint } from '../../src/map/fields.js';
import { openSheet } from '../../src/read/index.js';
import type { RawRow } from '../../src/types.js';
import { collect, fileErrorOf, fixture, scoreHeader } from './helpers.js';

const HEADERS = ['Title', 'Date', 'Start', 'End', 'Room', 'Description'];

/** The rows of make-fixtures' CSV_RECORDS, as every encoding and delimiter must give them. */
function agendaRows(sheet: string, newline = '\r\n') {
  return [
    { sheet, row: 2, cells: ['Opening keynote', '2027-03-01', '09:00', '10:00', 'Hall A, Level 2', 'Welcome; coffee | tea'] },
    { sheet, row: 3, cells: ['Café de l’Europe', '2027-03-01', '10:30', '11:15', 'Room 5', 'Costs 5 € at the door'] },
    { sheet, row: 4, cells: ['He said "hi"', '2027-03-01', '11:30', '12:00', 'Room 6', `Line one${newline}Line two`] },
    // The multi-line cell above spans two lines of the file but is one row: Closing is row 5.
    { sheet, row: 5, cells: ['Closing', '2027-03-01', '17:00', '17:30', 'Hall A', null] },
  ];
}

const tmp = mkdtempSync(join(tmpdir(), 'read-csv-'));
function tempFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

describe('CSV encodings', () => {
  it.each([
    ['utf8.csv', 'utf-8', []],
    ['utf8-bom.csv', 'utf-8', []],
    ['utf16le-bom.csv', 'utf-16le', []],
    ['utf16be-bom.csv', 'utf-16be', []],
    ['windows-1252.csv', 'windows-1252', ['decoded as Windows-1252 because the bytes are not valid UTF-8']],
  ])('%s reads as %s with the exact cells', async (name, encoding, warnings) => {
    const source = await openSheet(fixture(name), { scoreHeader });
    expect(source.format).toBe('csv');
    expect(source.encoding).toBe(encoding);
    expect(source.delimiter).toBe(',');
    expect(source.sheet).toBe(name);
    expect(source.header).toEqual({ sheet: name, row: 1, headers: HEADERS });
    expect(source.warnings).toEqual(warnings);
    expect(await collect(source.rows)).toEqual(agendaRows(name));
  });

  it('never lets the UTF-8 byte-order mark into the first header', async () => {
    expect(readFileSync(fixture('utf8-bom.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const source = await openSheet(fixture('utf8-bom.csv'), { scoreHeader });
    expect(source.header.headers[0]).toBe('Title');
  });

  it('decides Windows-1252 even when the only non-UTF-8 byte is far down the file', async () => {
    const lines = ['Title,Room'];
    for (let i = 0; i < 5000; i++) lines.push(`Talk ${i},Room ${i}`);
    lines.push('Caf\xe9,Salle');
    const path = tempFile('late-1252.csv', Buffer.from(lines.join('\n'), 'latin1'));
    const source = await openSheet(path, { scoreHeader });
    expect(source.encoding).toBe('windows-1252');
    const rows = await collect(source.rows);
    expect(rows.at(-1)).toEqual({ sheet: 'late-1252.csv', row: 5002, cells: ['Café', 'Salle'] });
  });

  it('reads UTF-8 whose characters straddle the 1 MiB chunks it is checked in, and still finds a cut one at the end', async () => {
    const line = (i: number) => `Talk ${i} — café 🎤,Salle ${i}`;
    const lines = ['Title,Room'];
    for (let i = 0, size = 0; size < 3 * 1024 * 1024; i++) {
      lines.push(line(i));
      size += line(i).length + 1;
    }
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    // Move the text so that a 4-byte character crosses each 1 MiB boundary, whatever the offsets.
    for (const shift of [0, 1, 2, 3]) {
      const path = tempFile(
        `straddle-${shift}.csv`,
        Buffer.concat([Buffer.from(`Title,Room\n${'x'.repeat(shift)},Pad\n`), bytes.subarray(11)]),
      );
      const source = await openSheet(path, { scoreHeader });
      expect(source.encoding).toBe('utf-8');
      const rows = await collect(source.rows);
      expect(rows.at(-1)?.cells).toEqual(line(lines.length - 2).split(','));
    }
    const cut = tempFile('cut.csv', Buffer.concat([bytes, Buffer.from([0xf0, 0x9f, 0x8e])]));
    expect((await openSheet(cut, { scoreHeader })).encoding).toBe('windows-1252');
  });

  it('reads UTF-16 saved without a byte-order mark, and says so', async () => {
    const path = tempFile('no-bom-16.csv', Buffer.from('Title,Room\nKeynote,Hall A\n', 'utf16le'));
    const source = await openSheet(path, { scoreHeader });
    expect(source.encoding).toBe('utf-16le');
    expect(source.warnings[0]).toMatch(/UTF-16LE/);
    expect(await collect(source.rows)).toEqual([{ sheet: 'no-bom-16.csv', row: 2, cells: ['Keynote', 'Hall A'] }]);
  });
});

describe('CSV delimiters', () => {
  it.each([
    ['semicolon.csv', ';', 'csv', '\r\n'],
    ['tab.tsv', '\t', 'tsv', '\r\n'],
    ['pipe.txt', '|', 'csv', '\n'],
  ])('%s: sniffs %j outside quotes', async (name, delimiter, format, newline) => {
    const source = await openSheet(fixture(name), { scoreHeader });
    expect(source.delimiter).toBe(delimiter);
    expect(source.format).toBe(format);
    expect(source.header.headers).toEqual(HEADERS);
    expect(await collect(source.rows)).toEqual(agendaRows(name, newline));
  });

  it('prefers a tab for a .tsv file whose lines have as many commas', async () => {
    const path = tempFile('even.tsv', 'Title\tRoom, Floor\nKeynote\tHall, 1\n');
    const source = await openSheet(path, { scoreHeader });
    expect(source.delimiter).toBe('\t');
    expect(await collect(source.rows)).toEqual([{ sheet: 'even.tsv', row: 2, cells: ['Keynote', 'Hall, 1'] }]);
  });
});

describe('CSV header and rows', () => {
  it('finds the header below title rows, skips empty rows, pads short rows and drops extra cells', async () => {
    const source = await openSheet(fixture('title-rows.csv'), { scoreHeader });
    expect(source.header).toEqual({ sheet: 'title-rows.csv', row: 4, headers: ['Title', 'Date', 'Start', 'Room'] });
    expect(await collect(source.rows)).toEqual([
      { sheet: 'title-rows.csv', row: 5, cells: ['Keynote', '2027-03-01', '09:00', 'Hall A'] },
      { sheet: 'title-rows.csv', row: 7, cells: ['Short row', '2027-03-02', null, null] },
      { sheet: 'title-rows.csv', row: 8, cells: ['Long row', '2027-03-02', '10:00', 'Room 1'] },
      { sheet: 'title-rows.csv', row: 10, cells: ['Last', '2027-03-03', '16:00', 'Room 2'] },
    ]);
  });

  it('reads ragged rows without csv-parse building an error per row of another length', async () => {
    const lines = ['Title,Room,Track'];
    for (let i = 0; i < 200; i++) lines.push(i % 3 === 0 ? `T${i},R` : i % 3 === 1 ? `T${i},R,K,extra,more` : `T${i},R,K`);
    const path = tempFile('ragged.csv', `${lines.join('\n')}\n`);
    const built: string[] = [];
    const capture = Error.captureStackTrace;
    Error.captureStackTrace = ((target: object, ...rest: unknown[]) => {
      built.push(target.constructor.name);
      return (capture as (...args: unknown[]) => void).call(Error, target, ...rest);
    }) as typeof Error.captureStackTrace;
    let rows: Awaited<ReturnType<typeof collect>>;
    try {
      rows = await collect((await openSheet(path, { scoreHeader })).rows);
    } finally {
      Error.captureStackTrace = capture;
    }
    expect(built.filter((name) => name === 'CsvError')).toEqual([]);
    expect(rows).toHaveLength(200);
    expect(rows[0]).toEqual({ sheet: 'ragged.csv', row: 2, cells: ['T0', 'R', null] });
    expect(rows[1]).toEqual({ sheet: 'ragged.csv', row: 3, cells: ['T1', 'R', 'K'] });
    expect(rows[2]).toEqual({ sheet: 'ragged.csv', row: 4, cells: ['T2', 'R', 'K'] });
  });

  it('hands out the same rows in batches as one by one, across the header scan and file chunks', async () => {
    const lines = ['Agenda', '', 'Title,Room,Notes'];
    for (let i = 0; i < 20_000; i++) lines.push(i % 7 === 0 ? ',,' : `Session ${i},"Room ${i % 9}, East",${'x'.repeat(i % 40)}`);
    const path = tempFile('batches.csv', `${lines.join('\r\n')}\r\n`);
    const oneByOne = await collect((await openSheet(path, { scoreHeader })).rows);
    const batches: RawRow[][] = [];
    for await (const batch of (await openSheet(path, { scoreHeader })).rowBatches!) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThan(oneByOne.length / 10);
    expect(batches.flat()).toEqual(oneByOne);
    expect(oneByOne).toHaveLength(20_000 - Math.ceil(20_000 / 7));
    expect(oneByOne[0]).toEqual({ sheet: 'batches.csv', row: 5, cells: ['Session 1', 'Room 1, East', 'x'] });
  });

  it('stops reading when the batches are left early', async () => {
    const path = tempFile('early.csv', `Title\n${'row\n'.repeat(50_000)}`);
    const source = await openSheet(path, { scoreHeader });
    for await (const batch of source.rowBatches!) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(await collect(source.rows)).toEqual([]);
  });

  it('keeps cell text as it is, spaces included, and reads mixed line endings', async () => {
    const path = tempFile('mixed.csv', 'Title,Room\r\n  Keynote  ,Hall A\nPanel,"Room\r\n2"\rLast, B \n');
    const rows = await collect((await openSheet(path, { scoreHeader })).rows);
    expect(rows).toEqual([
      { sheet: 'mixed.csv', row: 2, cells: ['  Keynote  ', 'Hall A'] },
      { sheet: 'mixed.csv', row: 3, cells: ['Panel', 'Room\r\n2'] },
      { sheet: 'mixed.csv', row: 4, cells: ['Last', ' B '] },
    ]);
  });

  it('picks the row with the most known headers, the earliest on a tie', async () => {
    const path = tempFile('ties.csv', 'Title,Notes\nTitle,Date,Room\nTitle,Date,Room\nKeynote,2027-03-01,Hall A\n');
    const source = await openSheet(path, { scoreHeader });
    expect(source.header.row).toBe(2);
    expect((await collect(source.rows)).map((r) => r.row)).toEqual([3, 4]);
  });

  it('refuses a file with no recognisable header, quoting its first row', async () => {
    const error = await fileErrorOf(openSheet(fixture('no-header.csv'), { scoreHeader }));
    expect(error.message).toBe(
      `${fixture('no-header.csv')}: no header row found in the first 30 rows (no cell is a known column name; row 1 is: "alpha", "beta", "gamma"); ${acceptedHeadersHint()}`,
    );
  });

  it('looks no further than 30 rows for the header', async () => {
    const path = tempFile('deep.csv', `${'note\n'.repeat(30)}Title,Room\nKeynote,Hall A\n`);
    const error = await fileErrorOf(openSheet(path, { scoreHeader }));
    expect(error.message).toMatch(/no header row found in the first 30 rows/);
  });

  it('reports a quote left open as a file error naming its row', async () => {
    const read = async () => collect((await openSheet(fixture('unclosed-quote.csv'), { scoreHeader })).rows);
    const error = await fileErrorOf(read());
    expect(error.message).toBe(
      `${fixture('unclosed-quote.csv')}: could not be read as CSV: row 2: Quote Not Closed: the parsing is finished with an opening quote at line 3`,
    );
  });

  it('warns that --sheet means nothing for a CSV file', async () => {
    const source = await openSheet(fixture('utf8.csv'), { scoreHeader, sheet: 'Day 2' });
    expect(source.warnings).toEqual(['--sheet "Day 2" ignored: a CSV file has one sheet']);
    const quiet = await openSheet(fixture('utf8.csv'), { scoreHeader, sheet: 1 });
    expect(quiet.warnings).toEqual([]);
  });
});

describe('CSV limits and file errors', () => {
  it('stops past maxRows data rows with a clear file error', async () => {
    const path = tempFile('five.csv', `Title\n${['a', 'b', 'c', 'd', 'e'].join('\n')}\n`);
    const source = await openSheet(path, { scoreHeader, maxRows: 4 });
    const seen: number[] = [];
    const error = await fileErrorOf(
      (async () => {
        for await (const row of source.rows) seen.push(row.row);
      })(),
    );
    expect(seen).toEqual([2, 3, 4, 5]);
    expect(error.message).toBe(`${path}: has more than 4 data rows, the most one import reads`);
    const batched = await openSheet(path, { scoreHeader, maxRows: 4 });
    const seenInBatches: number[] = [];
    const batchError = await fileErrorOf(
      (async () => {
        for await (const batch of batched.rowBatches!) seenInBatches.push(...batch.map((row) => row.row));
      })(),
    );
    expect(seenInBatches).toEqual([2, 3, 4, 5]);
    expect(batchError.message).toBe(error.message);
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const path = tempFile('big.csv', `Title\n${'x'.repeat(2048)}\n`);
    const error = await fileErrorOf(openSheet(path, { scoreHeader, maxBytes: 1024 }));
    expect(error.message).toBe(`${path}: is 2055 bytes, more than the 1024 bytes a sheet may be`);
  });

  it.each([
    ['a missing file', join(tmp, 'absent.csv'), 'no such file'],
    ['an empty file', 'empty.csv', 'is empty'],
    ['a file with only a byte-order mark', 'bom-only.csv', 'is empty'],
    ['an unknown extension', 'agenda.pdf', 'unknown file type ".pdf" (expected .csv, .tsv, .txt, .xlsx, .xls or .ods)'],
    ['binary content', 'binary.txt', 'is not a spreadsheet or a text file (unknown content)'],
    ['a folder', tmp, 'is a folder, not a file'],
  ])('refuses %s in one line naming the file', async (_what, name, message) => {
    const contents: Record<string, string | Buffer> = {
      'empty.csv': '',
      'bom-only.csv': Buffer.from([0xef, 0xbb, 0xbf]),
      'agenda.pdf': '%PDF-1.4',
      'binary.txt': Buffer.from([1, 2, 0, 0, 7, 0, 9, 0xff, 0, 0, 0, 3]),
    };
    const path = name in contents ? tempFile(name, contents[name]!) : name;
    const error = await fileErrorOf(openSheet(path, { scoreHeader }));
    expect(error.message).toBe(`${path}: ${message}`);
    expect(error.message).not.toContain('\n');
  });

  it('reads a CSV saved under an .xlsx name as CSV, with a warning', async () => {
    const source = await openSheet(fixture('really-csv.xlsx'), { scoreHeader });
    expect(source.format).toBe('csv');
    expect(source.warnings).toEqual(['really-csv.xlsx is a CSV file despite its name (.xlsx): read as CSV']);
    expect(await collect(source.rows)).toEqual(agendaRows('really-csv.xlsx'));
  });
});
