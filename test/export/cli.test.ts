// The real CLI in a child process: `export` against its own --sandbox and against a seeded
// sandbox on 127.0.0.1 (--api-url, key from the environment), as a scheduled job would run it.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaBytes, exportGuide } from '../../src/export/index.js';
import { CANONICAL_COLUMNS } from '../../src/map/index.js';
import type { SandboxHandle } from '../../src/sandbox/types.js';
import { API_KEY, clientFor, scratchFolder, seededSandbox } from './sandbox-fixture.js';
import { GUIDE, WITHOUT_IMPORT_ID, seededState } from './seed.js';

const MAIN = resolve('src/cli/main.ts');
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/esm/index.mjs')).href;
const SESSIONS = seededState().sessions.filter((s) => s.guide === GUIDE).length;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `guidebook-import <args>` in `cwd`; the child gets only the variables given (plus PATH). */
function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const scratch = scratchFolder();
let sandbox: SandboxHandle;
let withKey: Record<string, string>;
beforeAll(async () => {
  sandbox = await seededSandbox();
  withKey = { GUIDEBOOK_API_KEY: API_KEY };
});
afterAll(async () => {
  await sandbox.close();
  scratch.remove();
});

describe('guidebook-import export', () => {
  it('with --sandbox writes the empty guide as a header-only sheet', async () => {
    const run = await cli(['export', '--sandbox', '--guide', '1', '--output', 'empty.csv'], scratch.dir);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe('wrote 0 sessions to empty.csv (times in America/New_York)\n');
    expect(readFileSync(scratch.path('empty.csv'), 'utf8')).toBe(`\uFEFF${CANONICAL_COLUMNS.map((c) => c.header).join(',')}\r\n`);
  });

  it('against a guide on --api-url writes what the library exports, says so, and prints the JSON summary', async () => {
    const run = await cli(
      ['export', '--api-url', sandbox.apiUrl, '--guide', String(GUIDE), '--output', 'agenda.xlsx', '--json'],
      scratch.dir,
      withKey,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      sessions: SESSIONS,
      speakers: 0,
      output: 'agenda.xlsx',
      timezone: 'America/New_York',
      assigned_import_ids: WITHOUT_IMPORT_ID.length,
    });
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toContain(`${WITHOUT_IMPORT_ID.length} sessions have no import_id in Guidebook`);
    expect(lines.at(-1)).toBe(`wrote ${SESSIONS} sessions to agenda.xlsx (times in America/New_York)`);
    expect(run.stdout + run.stderr).not.toContain(API_KEY);
    const expected = agendaBytes(await exportGuide(clientFor(sandbox), { guideId: GUIDE }), 'xlsx');
    expect(readFileSync(scratch.path('agenda.xlsx')).equals(expected)).toBe(true);
  });

  it('writes the same bytes whatever the machine time zone (TZ=UTC, TZ=Asia/Kolkata)', async () => {
    const runs = await Promise.all(
      ['UTC', 'Asia/Kolkata'].flatMap((tz) =>
        ['csv', 'xlsx'].map((format) =>
          cli(['export', '--api-url', sandbox.apiUrl, '--guide', '1', '--output', `tz-${tz.replace('/', '-')}.${format}`], scratch.dir, {
            ...withKey,
            TZ: tz,
          }),
        ),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0]);
    for (const format of ['csv', 'xlsx']) {
      const utc = readFileSync(scratch.path(`tz-UTC.${format}`));
      const kolkata = readFileSync(scratch.path(`tz-Asia-Kolkata.${format}`));
      expect(kolkata.equals(utc)).toBe(true);
    }
    expect(readFileSync(scratch.path('tz-UTC.csv'), 'utf8')).toContain('kick-off,Opening Keynote,2027-05-10,09:00,10:00,America/New_York,');
  });

  it('refuses to replace an existing file without --force: exit 2, one line, no request; --force replaces it', async () => {
    writeFileSync(scratch.path('kept.csv'), 'mine');
    const requests = sandbox.requestLog.length;
    const refused = await cli(['export', '--api-url', sandbox.apiUrl, '--guide', '1', '--output', 'kept.csv'], scratch.dir, withKey);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'guidebook-import: kept.csv already exists; add --force to replace it\n' });
    expect(readFileSync(scratch.path('kept.csv'), 'utf8')).toBe('mine');
    expect(sandbox.requestLog.length).toBe(requests);

    const forced = await cli(
      ['export', '--api-url', sandbox.apiUrl, '--guide', '1', '--output', 'kept.csv', '--force'],
      scratch.dir,
      withKey,
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(scratch.path('kept.csv'), 'utf8')).toContain('kick-off,Opening Keynote');
  });

  it('takes options from a config file, flags winning', async () => {
    writeFileSync(
      scratch.path('job.config.json'),
      JSON.stringify({ guide: 1, 'api-url': sandbox.apiUrl, timezone: 'Europe/Berlin', output: 'from-config.csv' }),
    );
    const run = await cli(['export', '--config', 'job.config.json', '--timezone', 'Asia/Tokyo', '--json'], scratch.dir, withKey);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ output: 'from-config.csv', timezone: 'Asia/Tokyo' });
    expect(readFileSync(scratch.path('from-config.csv'), 'utf8')).toContain('kick-off,Opening Keynote,2027-05-10,22:00,23:00,Asia/Tokyo,');
  });

  it.each([
    [['--output', 'x.txt'], 'guidebook-import: --output x.txt: name a .csv or .xlsx file, or pass --format csv or --format xlsx\n'],
    [['--output', 'x.csv', '--format', 'xlsx'], 'guidebook-import: --format xlsx does not match the .csv ending of --output x.csv\n'],
    [
      ['--output', 'x.csv', '--timezone', 'Mars/Olympus'],
      'guidebook-import: --timezone "Mars/Olympus" is not a known IANA time zone (for example America/New_York, Europe/Berlin or UTC)\n',
    ],
    [
      ['--guide', '99'],
      'guidebook-import: guide 99 not found or not yours (HTTP 404): "guidebook-import guides" lists the guides the key reaches, with their ids\n',
    ],
  ])('refuses %j with exit 2 and one line', async (args, message) => {
    const guide = args.includes('--guide') ? [] : ['--guide', '1'];
    const output = args.includes('--output') ? [] : ['--output', 'never.csv'];
    const run = await cli(['export', '--api-url', sandbox.apiUrl, ...guide, ...output, ...args], scratch.dir, withKey);
    expect(run).toEqual({ code: 2, stdout: '', stderr: message });
    expect(existsSync(scratch.path('x.csv')) || existsSync(scratch.path('never.csv'))).toBe(false);
  });

  it('never shows a rejected key', async () => {
    const run = await cli(['export', '--api-url', sandbox.apiUrl, '--guide', '1', '--output', 'nokey.csv'], scratch.dir, {
      GUIDEBOOK_API_KEY: 'wrong-key-9d8c7b6a5f',
    });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain('wrong-key-9d8c7b6a5f');
    expect(existsSync(scratch.path('nokey.csv'))).toBe(false);
  });
});
