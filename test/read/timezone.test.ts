import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSheet } from '../../src/read/index.js';
import { collect, fixture, scoreHeader } from './helpers.js';

const script = fileURLToPath(new URL('./print-rows.ts', import.meta.url));
const WORKBOOKS = ['agenda.xlsx', 'agenda-1904.xlsx', 'agenda.xls', 'agenda.ods', 'multi-sheet.xlsx'].map(fixture);

function readUnder(tz: string): { offsetMinutes: number; sheets: unknown[] } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...WORKBOOKS], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { offsetMinutes: number; sheets: unknown[] };
}

describe("the machine's time zone never leaks into workbook dates", () => {
  it('reads identical cells under UTC, America/New_York and Asia/Kolkata', async () => {
    const utc = readUnder('UTC');
    const newYork = readUnder('America/New_York');
    const kolkata = readUnder('Asia/Kolkata');
    // The zones really were in force in the children.
    expect([utc.offsetMinutes, newYork.offsetMinutes, kolkata.offsetMinutes]).toEqual([0, 300, -330]);
    expect(newYork.sheets).toEqual(utc.sheets);
    expect(kolkata.sheets).toEqual(utc.sheets);

    // And they are the wall-clock values written in the files, not shifted ones.
    const keynote = await collect((await openSheet(fixture('agenda.xlsx'), { scoreHeader })).rows);
    expect(JSON.parse(JSON.stringify(keynote))).toEqual((utc.sheets[0] as { rows: unknown }).rows);
    expect(keynote[0]?.cells[4]).toMatchObject({ parts: { year: 2027, month: 3, day: 1, hour: 9, minute: 0 } });
  }, 60_000);
});
