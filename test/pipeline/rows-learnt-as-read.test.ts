// validate knows its time options before the sheet is read, so the presenter rows and the
// sheet-wide facts are learnt from each row as it is read (sheet-rows.ts, agenda-rows.ts); import
// learns them once the whole sheet is read. Both must convert every sheet to the same rows.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, writeCsvLines } from '../support/temp-dir.js';
import { fieldForHeader, headerScorer } from '../../src/map/index.js';
import { readAgendaRows } from '../../src/pipeline/agenda-rows.js';
import { readSheet } from '../../src/pipeline/sheet-rows.js';
import { openSource } from '../../src/sources/open-source.js';
import type { TimeOptions } from '../../src/time/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = tempDir('gbi-rows-as-read');
const csvFile = (name: string, lines: string[]): string => writeCsvLines(dir, name, lines);

// Presenter rows (one merged, one copy left a duplicate), an x-marked column, own and derived ids,
// an invisible character in an id, day/month evidence late in the sheet, 12-hour times.
const mixed = csvFile('mixed.csv', [
  'Import ID,Title,Date,Start,End,Room,Speaker,Allow Rating,Time Zone',
  'a-1,Opening,3/4/2027,9:00,10:00,Hall A,Ada,x,Europe/Berlin',
  'a-2,Opening,3/4/2027,9:00,10:00,Hall A,Bram,,Europe/Berlin',
  ',Copied,3/4/2027,11:00,12:00,Hall B,Cleo,,Europe/Berlin',
  ',Copied,3/4/2027,11:00,12:00,Hall B,Cleo,,Europe/Berlin',
  'a-3\u200b,Late,3/5/2027,1:00,2:00,Hall A,,x,Europe/Berlin',
  'a-3,Later,3/5/2027,3:00,4:00,Hall A,,,Europe/Berlin',
  'a-4,Evening,3/25/2027,7:00 PM,8:00 PM,Hall C,,,Europe/Berlin',
]);
// No Date column: day rows give each row its day, and the sheet gets a Date column once read.
const dayRows = csvFile('day-rows.csv', [
  'Title,Start,End,Room',
  'Friday 14 May 2027,,,',
  'Keynote,9:00,10:00,Hall',
  'Keynote,9:00,10:00,Hall',
  'Saturday 15 May 2027,,,',
  'Panel,9:00,10:00,Hall',
]);

async function converted(file: string, time: TimeOptions, sheet?: number, asRead = true) {
  const read = await readSheet({ file, sheet, ...(asRead ? { time } : {}) });
  const rows = read.convert(time);
  const all = [...rows.rows];
  return { rows: all, importIds: [...rows.importIds], warnings: [...read.warnings, ...rows.warnings()], formats: rows.formats };
}

describe('facts learnt as the rows are read', () => {
  const cases: Array<[string, string, TimeOptions, number?]> = [
    ['presenter rows, copies, x marks, ids', mixed, { timezone: 'UTC' }],
    ['day rows (the header changes once read)', dayRows, { timezone: 'Europe/Berlin' }],
    ['the DevCon sample workbook', path.join(root, 'samples/devcon-2027.xlsx'), { timezone: 'America/New_York' }],
    ['the Sched export sample', path.join(root, 'samples/sched-export.csv'), { timezone: 'America/Chicago' }],
    ['a multi-sheet workbook', path.join(root, 'test/fixtures/read/multi-sheet.xlsx'), { timezone: 'Europe/Berlin' }, 2],
    ['a calendar feed', path.join(root, 'test/fixtures/sources/devcon-spring.ics'), { timezone: 'Europe/Berlin' }],
  ];

  it.each(cases)('give the rows learnt once the sheet is read: %s', async (_name, file, time, sheet) => {
    const asRead = await converted(file, time, sheet, true);
    const after = await converted(file, time, sheet, false);
    expect(asRead.rows.length).toBeGreaterThan(0);
    expect(asRead).toEqual(after);
  });

  it('merges presenter rows and keeps a copy a duplicate when learnt as read', async () => {
    const { rows } = await converted(mixed, { timezone: 'UTC' });
    expect(rows.map((row) => (row.ok ? row.session.row : row.row))).toEqual([2, 4, 5, 6, 7, 8]);
    const opening = rows[0];
    expect(opening?.ok && opening.session.speakers?.map((speaker) => speaker.name)).toEqual(['Ada', 'Bram']);
    expect(rows[1]?.ok).toBe(false);
  });

  it('learns them after the read when convert() is given other options', async () => {
    const read = await readSheet({ file: mixed, time: { timezone: 'UTC' } });
    const rows = [...read.convert({ timezone: 'Asia/Tokyo' }).rows];
    const fresh = await converted(mixed, { timezone: 'Asia/Tokyo' }, undefined, false);
    expect(rows).toEqual(fresh.rows);
  });

  // The cases above pass whichever path is taken: these pin which one is.
  it('are handed every row as read, unless the header changes once read (day rows)', async () => {
    const watched = async (file: string) => {
      const source = await openSource(file, { scoreHeader: headerScorer(undefined), headerField: fieldForHeader });
      const handed: number[] = [];
      const agenda = await readAgendaRows(source, undefined, { start() {}, row: (index) => handed.push(index) });
      return { watched: agenda.watched, handed, read: agenda.read.length };
    };
    expect(await watched(mixed)).toEqual({ watched: true, handed: [0, 1, 2, 3, 4, 5, 6], read: 7 });
    expect(await watched(dayRows)).toMatchObject({ watched: false, read: 3 });
  });
});
