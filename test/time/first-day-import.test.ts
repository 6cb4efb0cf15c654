// Day numbers, weekdays and year-less dates on `import`: day 1 is the guide's start_date unless
// --first-day says otherwise. End to end through the CLI into the sandbox (guide 2: Europe/Berlin,
// starts Monday 20 September 2027; CEST, UTC+2).
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

const SHEET = [
  'Import ID,Title,Day,Time',
  'T-1,Opening,Day 1,9:00-10:30',
  'T-2,Workshop,Tuesday,14:00-15:30 Uhr',
  'T-3,Dinner,Sep 21,19:00 - open end',
].join('\n');

async function times(guide: number): Promise<Record<string, [string | undefined, string | null | undefined]>> {
  const byId = sessionsByImportId(await world.sandbox.state(), guide);
  const out: Record<string, [string | undefined, string | null | undefined]> = {};
  for (const id of ['T-1', 'T-2', 'T-3']) {
    const session = byId.get(id)?.[0];
    out[id] = [session?.start_time, session?.end_time];
  }
  return out;
}

describe('import: day 1 is the guide start date', () => {
  it("reads day labels against the guide's start_date, with no option", async () => {
    const sheet = join(world.dir, 'days.csv');
    fs.writeFileSync(sheet, `${SHEET}\n`);
    const run = await world.importCli(sheet, ['--guide', '2', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(await times(2)).toEqual({
      'T-1': ['2027-09-20T07:00:00.000000+0000', '2027-09-20T08:30:00.000000+0000'],
      'T-2': ['2027-09-21T12:00:00.000000+0000', '2027-09-21T13:30:00.000000+0000'],
      'T-3': ['2027-09-21T17:00:00.000000+0000', null],
    });
  });

  it('--first-day wins over the guide start date', async () => {
    const sheet = join(world.dir, 'days-later.csv');
    fs.writeFileSync(sheet, `${SHEET}\n`);
    const run = await world.importCli(sheet, ['--guide', '2', '--first-day', '2027-09-27', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const [start] = (await times(2))['T-1'] ?? [];
    expect(start).toBe('2027-09-27T07:00:00.000000+0000');
  });
});
