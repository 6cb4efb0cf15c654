// `validate`: offline (no key, no server), every problem of the sheet in the report with its row,
// column and value, exit 1 when a row is invalid or conflicting, 2 when the sheet cannot be read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { tempDir } from '../support/temp-dir.js';

describe('guidebook-import validate', () => {
  it('reports every bad row with row, column and value, and exits 1, with no key and no server', async () => {
    const dir = tempDir('gi-validate');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(
      sheet,
      [
        'Import ID,Title,Date,Start,End,Time Zone',
        'V-1,Fine,2027-05-10,9:00,9:30,Europe/Berlin',
        'V-2,Bad date,2027-02-31,9:00,9:30,Europe/Berlin',
        'V-3,Bad zone,2027-05-10,9:00,9:30,Mars/Base',
        'V-1,Same id,2027-05-10,10:00,10:30,Europe/Berlin',
        'V-5,,2027-05-10,11:00,11:30,Europe/Berlin',
      ].join('\n'),
    );
    const run = await runCli(['validate', sheet, '--json'], { apiKey: null });
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ invalid: 3, conflicts: 2, requests: 0 });
    const report = readCsvReport(join(dir, 'agenda.report.csv'));
    const byRow = new Map(report.map((r) => [r.row, r]));
    expect([...byRow.keys()]).toEqual(['2', '3', '4', '5', '6']);
    expect(byRow.get('2')).toMatchObject({ action: 'conflict', outcome: 'failed' });
    expect(byRow.get('3')!.message).toMatch(/Row 3, column "Date": "2027-02-31"/);
    expect(byRow.get('4')!.message).toMatch(/Row 4, column "Time Zone": "Mars\/Base"/);
    expect(byRow.get('5')).toMatchObject({ action: 'conflict', outcome: 'failed' });
    expect(byRow.get('6')).toMatchObject({ action: 'invalid', outcome: 'failed' });
    expect(byRow.get('6')!.message).toMatch(/Row 6.*"Title"/);
  });

  it('a clean sheet exits 0 with every row a planned create', async () => {
    const dir = tempDir('gi-validate');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, 'Import ID,Title,Date,Start,End\nV-1,Fine,2027-05-10,9:00,9:30\n');
    const run = await runCli(['validate', sheet, '--timezone', 'Europe/Berlin', '--report', join(dir, 'v.csv')], { apiKey: null });
    expect(run.code, run.stderr).toBe(0);
    expect(readCsvReport(join(dir, 'v.csv')).map((r) => [r.action, r.outcome])).toEqual([['create', 'planned']]);
  });
});
