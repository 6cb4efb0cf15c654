// guidebook-import.config.json in the working folder makes a scheduled job one short command:
// it supplies guide, time zone and rate; flags given on the command line win; an API key in it is
// refused (a config file gets committed and copied around).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAgendaCsv, type AgendaRow } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readJsonReport } from '../support/report-file.js';

let world: ImportWorld;
// A sheet without a time-zone column, on guide 2's dates (2027-09-20/21).
const rows: AgendaRow[] = [
  { id: 'C-1', title: 'Welcome', date: '2027-09-20', start: '9:00', end: '9:30' },
  { id: 'C-2', title: 'Workshop', date: '2027-09-21', start: '14:00', end: '15:30' },
];

beforeAll(async () => {
  world = await importWorld();
  writeAgendaCsv(join(world.dir, 'agenda.csv'), rows);
});
afterAll(cleanUp);

function writeConfig(values: Record<string, unknown>): void {
  writeFileSync(join(world.dir, 'guidebook-import.config.json'), JSON.stringify(values, null, 2));
}

// Run from the folder that holds the config file, as cron would: `cd /jobs/agenda && guidebook-import import agenda.csv`.
const importHere = (args: string[]) =>
  runCli(['import', 'agenda.csv', '--api-url', world.sandbox.apiUrl, '--report', 'run.json', '--json', ...args], {
    apiKey: SECRET_KEY,
    cwd: world.dir,
  });

describe('guidebook-import.config.json', () => {
  it('supplies the guide, the time zone and the rate', async () => {
    writeConfig({ $comment: 'nightly agenda sync', guide: 2, timezone: 'Asia/Tokyo', rate: 250 });
    const run = await importHere([]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2 });
    const inGuide2 = sessionsByImportId(await world.sandbox.state(), 2);
    // 9:00 in Tokyo (UTC+9), not in the guide's own Europe/Berlin.
    expect(inGuide2.get('C-1')![0]!.start_time).toBe('2027-09-20T00:00:00.000000+0000');
    const report = readJsonReport(join(world.dir, 'run.json'));
    expect(report.guideId).toBe(2);
    expect(report.options).toMatchObject({ guide: 2, timezone: 'Asia/Tokyo', rate: 250 });
  });

  it('flags override it', async () => {
    const run = await importHere(['--guide', '1', '--timezone', 'America/Chicago', '--rate', '300']);
    expect(run.code, run.stderr).toBe(0);
    const inGuide1 = sessionsByImportId(await world.sandbox.state(), 1);
    // 9:00 in Chicago (CDT, UTC-5).
    expect(inGuide1.get('C-1')![0]!.start_time).toBe('2027-09-20T14:00:00.000000+0000');
    expect(readJsonReport(join(world.dir, 'run.json')).options).toMatchObject({ guide: 1, timezone: 'America/Chicago', rate: 300 });
  });

  it.each([['apiKey'], ['api-key'], ['GUIDEBOOK_API_KEY'], ['token']])(
    'refuses a key in it ("%s"), without echoing the value',
    async (name) => {
      writeConfig({ guide: 1, [name]: SECRET_KEY });
      const run = await importHere([]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(`"${name}" is not allowed in a config file`);
      expect(run.stderr).not.toContain(SECRET_KEY);
    },
  );

  it('names an unknown option in it, and --config FILE points elsewhere', async () => {
    writeConfig({ guide: 1, colour: 'blue' });
    const unknown = await importHere([]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option "colour"/);
    writeConfig({ guide: 1, createMisisng: true });
    expect((await importHere([])).stderr).toMatch(/unknown option "createMisisng" \(did you mean "createMissing"\? known: /);
    // A switch is true or false, --quiet too (1 was taken as not quiet, silently).
    writeConfig({ guide: 1, quiet: 1 });
    const quiet = await importHere([]);
    expect([quiet.code, quiet.stderr]).toEqual([2, 'guidebook-import: --quiet is a switch; got 1\n']);
    // Quoted as the file spells it, the right key in the same style.
    writeConfig({ guide: 1, 'create-mising': true });
    expect((await importHere([])).stderr).toMatch(/unknown option "create-mising" \(did you mean "create-missing"\? known: /);

    const other = join(world.dir, 'other.json');
    writeFileSync(other, JSON.stringify({ guide: 2, timezone: 'Asia/Tokyo' }));
    const run = await importHere(['--config', other, '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(readJsonReport(join(world.dir, 'run.json'))).toMatchObject({ guideId: 2, dryRun: true });
  });
});
