// The options that say how to read a sheet and where to send it, end to end: --mapping (a sheet
// with headers only the mapping knows), --sheet, --date-format, the time zone rules (flag, per-row
// column, the guide's own zone, else a clear error), GUIDEBOOK_API_URL, an API v1 URL, --sandbox.
import * as fs from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSandboxState } from '../../src/sandbox/index.js';
import { AGENDA_HEADER, agendaRows } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, readJsonReport } from '../support/report-file.js';

XLSX.set_fs(fs);

const NO_ZONE_GUIDE = 5;
let world: ImportWorld;
beforeAll(async () => {
  const state = defaultSandboxState();
  state.guides.push({
    id: NO_ZONE_GUIDE,
    name: 'No Zone Fest',
    timezone: null,
    start_date: '2027-05-10',
    end_date: '2027-05-12',
    owner: state.account,
  });
  world = await importWorld({ initialState: state });
});
afterAll(cleanUp);

const write = (name: string, text: string): string => {
  const path = join(world.dir, name);
  fs.writeFileSync(path, text);
  return path;
};
const startOf = async (guide: number, importId: string) =>
  sessionsByImportId(await world.sandbox.state(), guide).get(importId)?.[0]?.start_time;

describe('reading the sheet', () => {
  it('--mapping: a sheet whose headers only the mapping file knows is found, mapped and imported', async () => {
    const sheet = write(
      'de.csv',
      'Kennung;Titel;Datum;Beginn;Schluss\nG-1;Eröffnung;20.9.2027;9:00;9:30\nG-2;Werkstatt;21.9.2027;14:00;15:30\n',
    );
    const mapping = write(
      'de.json',
      JSON.stringify({
        $comment: 'German agenda',
        columns: { Kennung: 'import_id', Titel: 'name', Datum: 'date', Beginn: 'start', Schluss: 'end' },
        formats: { date: 'd.M.yyyy' },
      }),
    );
    const run = await world.importCli(sheet, ['--guide', '2', '--mapping', mapping, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2 });
    expect(await startOf(2, 'G-1')).toBe('2027-09-20T07:00:00.000000+0000'); // 9:00 in Berlin (CEST)
    const bad = write('bad.json', JSON.stringify({ columns: { Kennung: 'identifier' } }));
    const refused = await world.importCli(sheet, ['--guide', '2', '--mapping', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.json: "columns" maps "Kennung" to "identifier", which is not a field/);
  });

  it('--sheet picks a worksheet by name or by 1-based index; the report names it', async () => {
    const book = XLSX.utils.book_new();
    const [day1, day2] = [agendaRows(2), agendaRows(4).slice(2)];
    for (const [name, rows] of [
      ['Day 1', day1],
      ['Day 2', day2],
    ] as const) {
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([AGENDA_HEADER, ...rows.map((r) => [r.id, r.title, r.date, r.start, r.end])]),
        name,
      );
    }
    const path = join(world.dir, 'days.xlsx');
    XLSX.writeFile(book, path);

    const byName = await world.importCli(path, ['--sheet', 'Day 2', '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    expect(readCsvReport(join(world.dir, 'days.report.csv')).map((r) => [r.sheet, r.row, r.import_id])).toEqual([
      ['Day 2', '2', 'S-003'],
      ['Day 2', '3', 'S-004'],
    ]);
    const byIndex = await world.importCli(path, ['--sheet', '1', '--json']);
    expect(byIndex.code, byIndex.stderr).toBe(0);
    expect(JSON.parse(byIndex.stdout)).toMatchObject({ created: 2 });
    expect([...sessionsByImportId(await world.sandbox.state()).keys()].sort()).toEqual(['S-001', 'S-002', 'S-003', 'S-004']);
    const missing = await world.importCli(path, ['--sheet', 'Day 3']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Day 3/);
  });

  it('--date-format settles a d/M vs M/d column; without it the run stops before listing anything', async () => {
    const sheet = write('ambiguous.csv', 'Import ID,Title,Date,Start,End\nD-1,A,11/05/2027,9:00,9:30\nD-2,B,12/05/2027,9:00,9:30\n');
    const mark = world.sandbox.requests().length;
    const stopped = await world.importCli(sheet);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toMatch(/Column "Date" is ambiguous.*--date-format d\/M\/yyyy or --date-format M\/d\/yyyy/);
    // Dates are read in the guide's zone, so only the guide was asked for; no listing, no write.
    expect(world.sandbox.requestsSince(mark).map((r) => r.path)).toEqual(['/open-api/v1.1/guides/1/']);
    const run = await world.importCli(sheet, ['--date-format', 'd/M/yyyy']);
    expect(run.code, run.stderr).toBe(0);
    expect(await startOf(1, 'D-1')).toBe('2027-05-11T13:00:00.000000+0000');
  });
});

describe('time zones', () => {
  const sheet = () => write('zoneless.csv', 'Import ID,Title,Date,Start,End\nZ-1,A,2027-05-11,9:00,9:30\n');

  it('a guide without a time zone and no --timezone: exit 2 with the fix; --timezone imports', async () => {
    const stopped = await world.importCli(sheet(), ['--guide', String(NO_ZONE_GUIDE)]);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr.trim().split('\n')).toHaveLength(1);
    expect(stopped.stderr).toMatch(/no time zone is known\. Pass --timezone/);
    const run = await world.importCli(sheet(), ['--guide', String(NO_ZONE_GUIDE), '--timezone', 'Europe/Paris']);
    expect(run.code, run.stderr).toBe(0);
    expect(await startOf(NO_ZONE_GUIDE, 'Z-1')).toBe('2027-05-11T07:00:00.000000+0000');
  });

  it('a per-row Time Zone column wins over the guide; the report shows the zone used', async () => {
    const path = write(
      'zones.csv',
      [
        'Import ID,Title,Date,Start,End,Time Zone',
        'T-1,Tokyo,2027-05-11,9:00,9:30,Asia/Tokyo',
        'T-2,London,2027-05-11,9:00,9:30,Europe/London',
        'T-3,Guide zone,2027-05-11,9:00,9:30,',
      ].join('\n'),
    );
    const report = join(world.dir, 'zones.json');
    const run = await world.importCli(path, ['--report', report]);
    expect(run.code, run.stderr).toBe(0);
    expect(await startOf(1, 'T-1')).toBe('2027-05-11T00:00:00.000000+0000');
    expect(await startOf(1, 'T-2')).toBe('2027-05-11T08:00:00.000000+0000');
    expect(await startOf(1, 'T-3')).toBe('2027-05-11T13:00:00.000000+0000'); // America/New_York
    expect(readJsonReport(report).rows.map((r) => r.zone)).toEqual(['Asia/Tokyo', 'Europe/London', 'America/New_York']);
  });
});

describe('where the sessions go', () => {
  it('GUIDEBOOK_API_URL is used when --api-url is not given', async () => {
    const sheet = write('env.csv', 'Import ID,Title,Date,Start,End\nE-1,Env,2027-05-11,10:00,10:30\n');
    const run = await runCli(['import', sheet, '--guide', '1', '--json'], {
      apiKey: SECRET_KEY,
      env: { GUIDEBOOK_API_URL: world.sandbox.apiUrl },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await startOf(1, 'E-1')).toBe('2027-05-11T14:00:00.000000+0000');
  });

  it('an API v1 URL leaves locations out, says so, and does not list them', async () => {
    const sheet = write('v1.csv', 'Import ID,Title,Date,Start,End,Room\nV-1,Old API,2027-05-11,11:00,11:30,Main Hall\n');
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet, ['--api-url', world.sandbox.apiUrl.replace('/v1.1/', '/v1/'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: the sheet names locations, but sessions have no locations in API v1/);
    const sent = world.sandbox.requestsSince(mark);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /open-api/v1/guides/1/',
      'GET /open-api/v1/sessions/',
      'POST /open-api/v1/sessions/',
    ]);
    expect(sent[2]!.body).not.toHaveProperty('locations');
    expect(sent[2]!.body).toHaveProperty('description_html', '<p></p>'); // required in v1, and not blank
  });

  it('--sandbox needs no key; --sandbox-state keeps the guide between runs', async () => {
    const dir = tempDir('gi-sandbox-state');
    const sheet = join(dir, 'agenda.csv');
    fs.writeFileSync(sheet, 'Import ID,Title,Date,Start,End\nX-1,Rehearsal,2027-05-11,9:00,9:30\n');
    const state = join(dir, 'sandbox.json');
    const args = ['import', sheet, '--guide', '1', '--sandbox', '--sandbox-state', state, '--rate', '500', '--json'];
    const first = await runCli(args, { apiKey: null });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 1 });
    const second = await runCli(args, { apiKey: null });
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 0, unchanged: 1 });
    const saved = JSON.parse(fs.readFileSync(state, 'utf8')) as { sessions: Array<{ import_id: string; start_time: string }> };
    expect(saved.sessions.map((s) => [s.import_id, s.start_time])).toEqual([['X-1', '2027-05-11T13:00:00.000000+0000']]);
  });
});
