// Exit codes per PRODUCT.md, from the command line: 0 all done, 1 rows invalid/conflicting/failed,
// 2 the run could not start, 3 stopped early. A run that cannot start says why in ONE line on
// stderr, prints nothing on stdout (even with --json), shows no stack trace, writes no report,
// and never prints the API key, not even a rejected one.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY, type CliResult } from '../support/cli-process.js';
import { cleanUp, importWorld, textsOfRun, type ImportWorld } from '../support/import-fixture.js';

let world: ImportWorld;
let sheet: string;
const WRONG_KEY = 'SECRET-KEY-WRONG-654321';

beforeAll(async () => {
  world = await importWorld();
  sheet = join(world.dir, 'agenda.csv');
  writeAgendaCsv(sheet, agendaRows(3));
});
afterAll(cleanUp);

function expectCannotStart(result: CliResult, why: RegExp, ...keys: string[]): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n').filter((line) => line !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^guidebook-import: /);
  expect(lines[0]).toMatch(why);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  for (const key of [SECRET_KEY, ...keys]) expect(result.stdout + result.stderr).not.toContain(key);
}

describe('exit 2: the run could not start', () => {
  const cases: Array<[string, () => string[], RegExp, { apiKey?: string | null }?]> = [
    ['a missing file', () => [join(world.dir, 'nope.csv')], /nope\.csv: no such file/],
    ['an empty file', () => [emptyFile()], /empty\.csv: is empty/],
    ['a file that is no sheet', () => [garbageFile()], /garbage\.xlsx: is not a spreadsheet/],
    ['a bad option value', () => [sheet, '--rate', 'fast'], /--rate must be a number.*"fast"/],
    ['an unknown option', () => [sheet, '--frobnicate'], /import: unknown option --frobnicate.*guidebook-import import --help/],
    ['a guide that is not a number', () => [sheet, '--guide', 'abc'], /--guide must be a whole number/],
    ['an unknown time zone', () => [sheet, '--timezone', 'Mars/Olympus'], /"Mars\/Olympus" is not a known IANA time zone/],
    ['a day that does not exist', () => [sheet, '--first-day', '2027-13-01'], /--first-day must be a day as YYYY-MM-DD; got "2027-13-01"/],
    ['no API key at all', () => [sheet], /no API key: set GUIDEBOOK_API_KEY/, { apiKey: null }],
    ['a rejected key (401)', () => [sheet], /API key was rejected \(HTTP 401\)/, { apiKey: WRONG_KEY }],
    [
      'an unknown guide (404), pointing at the command that lists the right ids',
      () => [sheet, '--guide', '99'],
      /guide 99 not found or not yours \(HTTP 404\): "guidebook-import guides" lists the guides the key reaches, with their ids/,
    ],
    ["another account's guide (403)", () => [sheet, '--guide', '3'], /guide 3 not found or not yours \(HTTP 403\)/],
    ['a report that cannot be written', () => [sheet, '--report', join(sheet, 'report.csv')], /Cannot write the report .*not writable/],
    ['--sandbox-state without --sandbox', () => [sheet, '--sandbox-state', join(world.dir, 's.json')], /--sandbox-state .*add --sandbox/],
    [
      'a server that cannot be reached',
      () => [sheet, '--api-url', 'http://127.0.0.1:9/open-api/v1.1/', '--retries', '0'],
      /the connection to 127\.0\.0\.1:9 failed \(bad port\)/,
    ],
  ];

  it.concurrent.each(cases)('%s', async (_name, args, why, options = {}) => {
    const given = args();
    const result = await world.importCli(given[0]!, [...given.slice(1), '--json'], options);
    expectCannotStart(result, why, WRONG_KEY);
    expect(existsSync(join(world.dir, 'agenda.report.csv'))).toBe(false);
  });

  it('the --api-key-file key is never printed either, even when rejected', async () => {
    const keyFile = join(world.dir, 'key.txt');
    writeFileSync(keyFile, `${WRONG_KEY}\n`);
    const result = await world.importCli(sheet, ['--api-key-file', keyFile], { apiKey: null });
    expectCannotStart(result, /API key was rejected/, WRONG_KEY);
  });

  it('validate with a missing file exits 2 the same way', async () => {
    const validate = await runCli(['validate', join(world.dir, 'nope.csv'), '--json'], { apiKey: SECRET_KEY });
    expectCannotStart(validate, /no such file/);
  });
});

describe('exit 0, 1 and 3', () => {
  it('0 when every row is done, 1 when a row is invalid or refused by the server, 3 when stopped early', async () => {
    const clean = await world.importCli(sheet);
    expect(clean.code).toBe(0);

    const rows = agendaRows(3);
    rows[1]!.start = '25:99';
    const broken = join(world.dir, 'broken.csv');
    writeAgendaCsv(broken, rows);
    const invalid = await world.importCli(broken, ['--json']);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ invalid: 1, unchanged: 2 });
    expect(invalid.stderr).toMatch(/row 3 \[S-002\] invalid: Row 3, column "Start": "25:99"/);

    // A row the server would refuse (400: capacity without login) is invalid before any request
    // is spent on it; the other row is still created. (A 400 the planner cannot foresee is a
    // failed row: test/apply/apply-writes covers it.)
    const refusedSheet = join(world.dir, 'refused.csv');
    writeFileSync(
      refusedSheet,
      'Import ID,Title,Date,Start,End,Max Capacity\nM-1,Capped,2027-05-10,9:00,9:30,50\nM-2,Open,2027-05-10,9:00,9:30,\n',
    );
    const refused = await world.importCli(refusedSheet, ['--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ created: 1, invalid: 1, failed: 0 });
    expect(refused.stderr).toMatch(
      /row 2 \[M-1\] invalid: Row 2: Max Capacity needs Require Login to be yes, and a new session has it off/,
    );

    const bigger = join(world.dir, 'bigger.csv');
    writeAgendaCsv(bigger, agendaRows(8));
    const stopped = await world.importCli(bigger, ['--max-requests', '5', '--json']);
    expect(stopped.code).toBe(3);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ not_attempted: 5 });

    for (const result of [clean, invalid, refused, stopped]) {
      expect(textsOfRun(result, join(world.dir, 'agenda.report.csv'), join(world.dir, 'broken.report.csv'))).not.toContain(SECRET_KEY);
    }
  }, 120_000); // four CLI runs one after the other: on a busy shared box each takes several seconds
});

function emptyFile(): string {
  const path = join(world.dir, 'empty.csv');
  writeFileSync(path, '');
  return path;
}

function garbageFile(): string {
  const path = join(world.dir, 'garbage.xlsx');
  writeFileSync(path, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  return path;
}
