// The sandbox answers guide dates as the API does, as datetimes ("2027-05-10T00:00:00.000000+0000");
// the importer still reads them as the guide's days.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

describe('guide dates given as API datetimes', () => {
  it("a row far outside the guide's days is warned about, one inside is not", async () => {
    const sheet = join(world.dir, 'window.csv');
    writeFileSync(sheet, 'Import ID,Title,Date,Start,End\nW-1,Inside,2027-05-11,9:00,9:30\nW-2,Next year,2028-05-11,9:00,9:30\n');
    const guide = await fetch(`${world.sandbox.apiUrl}guides/1/`, { headers: { Authorization: 'JWT SECRET-KEY-123456' } });
    expect(((await guide.json()) as { start_date: string }).start_date).toBe('2027-05-10T00:00:00.000000+0000');
    const run = await world.importCli(sheet, ['--dry-run', '--json']);
    expect(run.code, describeRun(run)).toBe(0);
    const rows = readCsvReport(join(world.dir, 'window.report.csv'));
    expect(rows.find((r) => r.import_id === 'W-1')!.message).not.toMatch(/outside/);
    expect(rows.find((r) => r.import_id === 'W-2')!.message).toMatch(/outside the guide's dates \(2027-05-10 to 2027-05-12\)/);
  });
});
