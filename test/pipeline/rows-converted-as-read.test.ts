// validate converts each row as it is read, under the facts known so far, and converts again at
// the end only the rows a later fact changed (convert-rows.ts collectSheetFacts, asAdded); import
// converts them once the whole sheet is read. Sheets whose facts change late must give the same
// rows, warnings and run-level errors either way.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, writeCsvLines } from '../support/temp-dir.js';
import { readSheet } from '../../src/pipeline/sheet-rows.js';
import { validateFile } from '../../src/pipeline/validate-file.js';
import type { TimeOptions } from '../../src/time/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = tempDir('gbi-rows-converted-as-read');
const csvFile = (name: string, lines: string[]): string => writeCsvLines(dir, name, lines);

/** The rows, ids and warnings of one path: as read (`time` known before the read) or after it. */
async function converted(file: string, time: TimeOptions, asRead: boolean, checkOnly = false) {
  const read = await readSheet({ file, ...(asRead ? { time, convertAsRead: { checkOnly } } : {}) });
  const rows = read.convert(time, { checkOnly });
  const all = [...rows.rows];
  return { rows: all, importIds: [...rows.importIds], warnings: [...read.warnings, ...rows.warnings()], detected: rows.formats.detected };
}

/** The outcome of a path: its rows, or the run-level error it throws (message and code). */
async function outcome(file: string, time: TimeOptions, asRead: boolean, checkOnly = false) {
  try {
    return { converted: await converted(file, time, asRead, checkOnly) };
  } catch (error) {
    return { error: { message: (error as Error).message, code: (error as { code?: string }).code } };
  }
}

/** `count` session rows of one day, their own ids S1.. unless `ids` is false. */
function sessions(count: number, cells: (n: number) => string, ids = true): string[] {
  return Array.from({ length: count }, (_, i) => `${ids ? `S${i + 1}` : ''},Talk ${i + 1},${cells(i + 1)}`);
}

// The date column reads 3/4/2027 both ways until the last row's 3/13/2027 says month/day.
const dayAbove12Last = csvFile('day-above-12-last.csv', [
  'Session ID,Title,Date,Start,End,Time Zone',
  ...sessions(30, (n) => `3/4/2027,${8 + (n % 9)}:00,${9 + (n % 9)}:00,Europe/Berlin`),
  'S99,Closing,3/13/2027,17:00,18:00,Europe/Berlin',
]);
// Day/month known from row 2 (13/3), so rows are converted at once; a later column fact (an x in
// Allow Rating) changes how every earlier blank there reads: they are converted again.
const xMarkLate = csvFile('x-mark-late.csv', [
  'Session ID,Title,Date,Start,End,Time Zone,Allow Rating',
  ...sessions(30, (n) => `${n % 2 === 0 ? '13/3/2027' : '4/3/2027'},${8 + (n % 9)}:00,${9 + (n % 9)}:00,Europe/Berlin,`),
  'S99,Closing,13/3/2027,17:00,18:00,Europe/Berlin,x',
]);
// Rows 1-30 have dates and no times (all-day by omission) until the last row gives a time.
const timeLate = csvFile('time-late.csv', [
  'Session ID,Title,Date,Start,Time Zone',
  ...sessions(30, () => '14/3/2027,,Europe/Berlin'),
  'S99,Closing,14/3/2027,17:00,Europe/Berlin',
]);
// The last row is a second presenter of row 1's session: row 1 is converted merged, with both speakers.
const presenterLast = csvFile('presenter-last.csv', [
  'Session ID,Title,Date,Start,End,Room,Speaker,Time Zone',
  'S1,Opening,14/3/2027,9:00,10:00,Hall A,Ada,Europe/Berlin',
  ...sessions(20, (n) => `14/3/2027,${10 + (n % 8)}:00,${11 + (n % 8)}:00,Hall B,Bram,Europe/Berlin`).map((line) =>
    line.replace(/^S/, 'T'),
  ),
  'S2,Opening,14/3/2027,9:00,10:00,Hall A,Cleo,Europe/Berlin',
]);
// Rows without a zone: the run stops at the first of them in sheet order, whichever path.
const noZone = csvFile('no-zone.csv', [
  'Session ID,Title,Date,Start,End,Time Zone',
  'S1,Opening,14/3/2027,9:00,10:00,Europe/Berlin',
  'S2,Keynote,14/3/2027,10:00,11:00,',
  ',Panel,14/3/2027,11:00,12:00,',
  'S4,Closing,14/3/2027,12:00,13:00,',
]);

describe('rows converted as read, facts changing late', () => {
  const cases: Array<[string, string, TimeOptions]> = [
    ['a day above 12 in the last row', dayAbove12Last, {}],
    ['an x-mark column decided by the last row', xMarkLate, {}],
    ['a time column known from the last row', timeLate, {}],
    ['a presenter row merged into row 1 from the last row', presenterLast, {}],
    ['the no-zone run error', noZone, {}],
    ['the no-zone rows under --timezone', noZone, { timezone: 'Asia/Tokyo' }],
    ['the DevCon sample workbook', path.join(root, 'samples/devcon-2027.xlsx'), { timezone: 'America/New_York' }],
    ['the edited DevCon sample', path.join(root, 'samples/devcon-2027-edited.xlsx'), { timezone: 'America/New_York' }],
    ['the Sched export sample', path.join(root, 'samples/sched-export.csv'), { timezone: 'America/Chicago' }],
  ];

  it.each(cases)('give the rows converted after the read: %s', async (_name, file, time) => {
    for (const checkOnly of [false, true]) {
      const asRead = await outcome(file, time, true, checkOnly);
      const after = await outcome(file, time, false, checkOnly);
      expect(asRead).toEqual(after);
    }
  });

  it('reads the early rows as the last row says (month/day)', async () => {
    const { document } = await validateFile(dayAbove12Last, { convertAsRead: true });
    expect(document.rows).toHaveLength(31);
    expect(document.rows.map((row) => row.action)).toEqual(Array(31).fill('create'));
    expect(document.rows[0]?.fields?.start_time).toBe('2027-03-04T08:00:00.000Z');
  });

  it('reads the blanks of a column x-marked by its last row as no', async () => {
    const { document } = await validateFile(xMarkLate, { convertAsRead: true });
    expect(document.rows.map((row) => row.fields?.allow_rating)).toEqual([...Array(30).fill(false), true]);
  });

  it('warns rows with no time once a later row shows the sheet has times', async () => {
    const { document } = await validateFile(timeLate, { convertAsRead: true });
    expect(document.rows).toHaveLength(31);
    expect(document.rows[0]?.issues?.map((issue) => issue.severity)).toContain('warning');
    expect(document.warnings.some((warning) => /imported as all-day: no column/.test(warning))).toBe(false);
  });

  it('merges the last row into row 1 and names both speakers', async () => {
    const { document } = await validateFile(presenterLast, { convertAsRead: true });
    expect(document.rows).toHaveLength(21);
    expect(document.rows[0]?.issues?.map((issue) => issue.code)).toContain('merged_rows');
    const { rows } = await converted(presenterLast, {}, true);
    const first = rows[0];
    expect(first?.ok && first.session.speakers?.map((speaker) => speaker.name)).toEqual(['Ada', 'Cleo']);
  });

  it('names the first row without a zone in sheet order, an own-id row before a derived-id one', async () => {
    await expect(validateFile(noZone, { convertAsRead: true })).rejects.toThrow(/^Row 3 has local times/);
  });

  it('marks a derived id taken by a later row as its own id a duplicate, either way', async () => {
    const probe = csvFile('derived-probe.csv', ['Session ID,Title,Date,Start,Time Zone', ',Opening,14/3/2027,9:00,Europe/Berlin']);
    const [derivedId] = (await converted(probe, {}, true)).importIds;
    expect(derivedId).toBeTruthy();
    const collision = csvFile('derived-collision.csv', [
      'Session ID,Title,Date,Start,Time Zone',
      ',Opening,14/3/2027,9:00,Europe/Berlin',
      ...sessions(10, (n) => `14/3/2027,${10 + n}:00,Europe/Berlin`),
      `${derivedId},Other,15/3/2027,9:00,Europe/Berlin`,
    ]);
    expect(await outcome(collision, {}, true)).toEqual(await outcome(collision, {}, false));
    const { document } = await validateFile(collision, { convertAsRead: true });
    const marked = document.rows.filter((row) => row.import_id === derivedId);
    expect(marked.map((row) => row.row)).toEqual([2, 13]);
    expect(marked.map((row) => row.action)).toEqual(['conflict', 'conflict']);
  });
});
