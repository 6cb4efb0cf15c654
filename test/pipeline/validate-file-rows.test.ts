import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, writeCsvLines } from '../support/temp-dir.js';
import { GuidebookImportError } from '../../src/errors.js';
import { validateFile, validateFileRows, type ValidateFileOptions } from '../../src/index.js';
import { formatSummaryText } from '../../src/report/index.js';
import type { ReportDocument } from '../../src/report/types.js';
import type { ReportRow } from '../../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = tempDir('gbi-validate-rows');
const csvFile = (name: string, lines: string[]): string => writeCsvLines(dir, name, lines);

// Valid rows, a bad date, a bad yes/no, an end before its start, an import_id on two rows, a
// derived id twice (same title and start), a row without a title, an x-marked column with blanks.
const mixed = csvFile('mixed.csv', [
  'Import ID,Title,Date,Start,End,Track(s),Room/Location,Description,Allow Rating,Time Zone',
  'a-1,Opening,3/14/2027,9:00,10:00,Keynote,Hall A,"Welcome, all",x,Europe/Berlin',
  'a-2,Second,3/14/2027,10:00,9:00,Data; Web,Hall B,,,America/New_York',
  'a-3,Third,3/31/2027,11:00,12:00,Web,Hall A,<b>bold</b> <script>x</script>,,Europe/Berlin',
  'a-1,Again,3/15/2027,9:00,10:00,,,,x,Europe/Berlin',
  ',Derived,3/16/2027,9:00,10:00,,,,,Europe/Berlin',
  ',Derived,3/16/2027,9:00,10:00,,,,,Europe/Berlin',
  ',Only once,3/16/2027,9:30,10:00,,,"Line one\nline two",,Europe/Berlin',
  'a-4,Bad date,3/44/2027,9:00,10:00,,,,,Europe/Berlin',
  'a-5,,3/17/2027,9:00,10:00,,,,,Europe/Berlin',
  'a-6,Bad zone,3/17/2027,9:00,10:00,,,,,Mars/Olympus',
]);

async function streamed(file: string, options: Omit<ValidateFileOptions, 'file'> = {}) {
  const validation = await validateFileRows(file, options);
  const rows = [...validation.rows];
  return { rows, ...validation.finish() };
}

/** The document without what differs between two runs (the clock) and the rows. */
function head(doc: ReportDocument): Omit<ReportDocument, 'rows' | 'startedAt' | 'finishedAt'> {
  const { rows: _rows, startedAt: _startedAt, finishedAt: _finishedAt, ...rest } = doc;
  return rest;
}

describe('validateFileRows', () => {
  const cases: Array<[string, string, Omit<ValidateFileOptions, 'file'>]> = [
    ['mixed rows, duplicates, derived ids, x marks', mixed, {}],
    ['the DevCon sample workbook', path.join(root, 'samples/devcon-2027.xlsx'), { timezone: 'America/New_York' }],
    ['the Sched export sample', path.join(root, 'samples/sched-export.csv'), { timezone: 'America/Chicago' }],
    ['a multi-sheet workbook', path.join(root, 'test/fixtures/read/multi-sheet.xlsx'), { timezone: 'Europe/Berlin', sheet: 2 }],
  ];

  it.each(cases)('hands out exactly the rows, summary and warnings of validateFile: %s', async (_name, file, options) => {
    const whole = await validateFile(file, options);
    const stream = await streamed(file, options);
    expect(whole.document.rows.length).toBeGreaterThan(0);
    expect(stream.rows).toEqual(whole.document.rows);
    expect(head(stream.document)).toEqual(head(whole.document));
    expect(stream.document.rows).toEqual([]);
    expect(stream.document.warnings).toEqual(whole.document.warnings);
    expect(stream.tally.summary).toEqual(whole.document.summary);
  });

  it('gives the summary text validateFile gives, from its tally', async () => {
    const whole = await validateFile(mixed);
    const stream = await streamed(mixed);
    const extra = { reportPath: 'r.csv', durationMs: 1200 };
    expect(formatSummaryText(stream.document, { ...extra, tally: stream.tally })).toBe(formatSummaryText(whole.document, extra));
    expect(stream.tally.failures).toBeGreaterThan(5);
  });

  it('decides every row the way the whole-file validation does', async () => {
    const { rows } = await streamed(mixed);
    expect(rows.map((row) => [row.row, row.action])).toEqual([
      [2, 'conflict'],
      [3, 'invalid'],
      [4, 'create'],
      [5, 'conflict'],
      [6, 'conflict'],
      [7, 'conflict'],
      [8, 'create'],
      [9, 'invalid'],
      [10, 'invalid'],
      [11, 'invalid'],
    ]);
    expect(rows[2]?.message).toContain('removed <script>');
    expect(rows[3]?.message).toContain('import_id "a-1" is also on row 2');
  });

  it('checkOnly (a CSV report) finds every row issue and decision, and only leaves short plain text unconverted', async () => {
    const long = 'word '.repeat(900); // 4,500 characters: converted (it might be too long), fits
    const tooLong = '&'.repeat(4_500); // 22,507 characters as HTML: too long
    const file = csvFile('descriptions.csv', [
      'Import ID,Title,Date,Start,End,Description,Time Zone',
      'd-1,Short,2027-03-14,9:00,10:00,"One line, then\n\nanother & more",Europe/Berlin',
      `d-2,Long,2027-03-14,10:00,11:00,${long},Europe/Berlin`,
      `d-3,Too long,2027-03-14,11:00,12:00,${tooLong},Europe/Berlin`,
      'd-4,Script,2027-03-14,12:00,13:00,<b>bold</b><script>x</script>,Europe/Berlin',
      'd-5,Clean,2027-03-14,13:00,14:00,<p>clean</p>,Europe/Berlin',
      'd-6,Blank,2027-03-14,14:00,15:00,,Europe/Berlin',
      'd-5,Twice,2027-03-15,9:00,10:00,short,Europe/Berlin',
    ]);
    const full = await streamed(file);
    const checked = await streamed(file, { checkOnly: true });
    const csvColumns = (row: ReportRow) => ({ ...row, fields: undefined });
    expect(checked.rows.map(csvColumns)).toEqual(full.rows.map(csvColumns));
    expect(checked.tally.summary).toEqual(full.tally.summary);
    expect(checked.document.warnings).toEqual(full.document.warnings);
    expect(full.rows.map((row) => [row.action, row.fields?.description_html === undefined])).toEqual([
      ['create', false],
      ['create', false],
      ['invalid', true],
      ['create', false],
      ['conflict', true],
      ['create', true],
      ['conflict', true],
    ]);
    // Only the short plain texts are left unconverted; the others are as a full run makes them.
    expect(checked.rows.map((row) => row.fields?.description_html)).toEqual([
      undefined,
      full.rows[1]!.fields!.description_html,
      undefined,
      full.rows[3]!.fields!.description_html,
      undefined,
      undefined,
      undefined,
    ]);
    expect(checked.rows[2]!.message).toContain('is 22,507 characters as HTML');
    expect(checked.rows[3]!.message).toContain('removed <script>');
    // explain shows what each cell became: checkOnly is ignored then.
    const explained = await streamed(file, { checkOnly: true, explain: true });
    expect(explained.rows).toEqual((await streamed(file, { explain: true })).rows);
  });

  it('throws a run-level problem before handing out any row', async () => {
    const ambiguous = csvFile('ambiguous.csv', ['Title,Date,Start', 'One,03/04/2027,9:00', 'Two,04/05/2027,9:00']);
    await expect(validateFileRows(ambiguous, { timezone: 'UTC' })).rejects.toMatchObject({ code: 'date_format' });
    const zoneless = csvFile('zoneless.csv', ['Title,Date,Start', 'One,2027-03-04,9:00']);
    const error = await validateFileRows(zoneless).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect(error).toMatchObject({ code: 'timezone' });
  });
});
