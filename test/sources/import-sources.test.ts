// Every source through the real CLI into a sandbox process, served by a local HTTP server the way
// an outside check serves them: iCal, Sessionize and pretalx feeds and a CSV, by URL and as files
// (and CSV on standard input), each with the re-sync guarantees of a sheet: a fresh import creates,
// the same source again writes nothing, an edit updates; a cancelled event goes with --prune;
// --if-source-changed makes an unchanged source cost 0 API requests.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { defaultSandboxState } from '../../src/sandbox/index.js';
import { cliEnv, describeRun, REPO_ROOT, runCli, SECRET_KEY, type CliResult } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { startFeedServer, type FeedServer } from './feed-server.js';
import { agendaCsv, agendaRows, writeAgendaXlsx } from '../support/agenda-sheet.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/sources');
const ICS = readFileSync(join(FIXTURES, 'devcon-spring.ics'), 'utf8');
// The feeds' speaker photos point at the local server (a 1×1 PNG) instead of sessionize.com and pretalx.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let SESSIONIZE = readFileSync(join(FIXTURES, 'sessionize-all.json'), 'utf8');
let PRETALX = readFileSync(join(FIXTURES, 'pretalx-schedule.json'), 'utf8');

let world: ImportWorld;
let feeds: FeedServer;

beforeAll(async () => {
  // Guides 1 and 2 hold the fixtures' days (12-16 March 2027, New York, across the DST change).
  const state = defaultSandboxState();
  for (const guide of state.guides.filter((g) => g.id === 1 || g.id === 2)) {
    Object.assign(guide, { timezone: 'America/New_York', start_date: '2027-03-12', end_date: '2027-03-16' });
  }
  world = await importWorld({ initialState: state });
  feeds = await startFeedServer();
  SESSIONIZE = SESSIONIZE.replaceAll('https://sessionize.com/image/', feeds.url('/image/')).replaceAll('.jpg"', '.png"');
  PRETALX = PRETALX.replaceAll('https://pretalx.example.org/media/', feeds.url('/media/'));
  for (const photo of ['/image/0001-400o400o2-ada.png', '/image/0002-400o400o2-bruno.png', '/media/avatars/maria.png']) {
    feeds.set(photo, { body: PNG, type: 'image/png' });
  }
  feeds.set('/devcon.ics', { body: ICS, type: 'text/calendar; charset=utf-8', etag: '"ics-1"' });
  feeds.set('/api/v2/abc123/view/All', { body: SESSIONIZE, type: 'application/json; charset=utf-8' });
  feeds.set('/devcon-2027/schedule/export/schedule.json', {
    body: PRETALX,
    type: 'application/json',
    lastModified: 'Fri, 05 Mar 2027 10:00:00 GMT',
  });
  feeds.set('/not-shared', { location: 'https://accounts.google.com/ServiceLogin?continue=x', status: 302 });
  feeds.set('/to-ftp', { location: 'ftp://example.org/agenda.csv', status: 302 });
  feeds.set('/api/v2/abc123/view/Sessions', {
    body: JSON.stringify([{ groupId: null, groupName: 'All', sessions: [] }]),
    type: 'application/json',
  });
  feeds.set('/web-page', { body: '<!DOCTYPE html><html><body>Agenda</body></html>', type: 'text/html' });
});
afterAll(async () => {
  await feeds.close();
  await cleanUp();
});

interface Summary {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  invalid: number;
  failed: number;
  source_unchanged?: boolean;
  planned?: { create: number; invalid: number };
}

function summaryOf(run: CliResult): Summary {
  expect(run.code, describeRun(run)).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Summary;
}

const writesIn = (mark: number) => world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET').length;

async function importSource(
  source: string,
  args: string[] = [],
): Promise<{ run: CliResult; summary: Summary; requests: number; writes: number }> {
  const mark = world.sandbox.requests().length;
  const run = await world.importCli(source, ['--create-missing', '--json', '--report', join(world.dir, 'run.report.json'), ...args]);
  return { run, summary: summaryOf(run), requests: world.sandbox.requestsSince(mark).length, writes: writesIn(mark) };
}

describe('iCal feed by URL and by file (guide 1)', { timeout: 180_000 }, () => {
  it('fresh: every event, instance and all-day session inside the guide is created', async () => {
    const { summary, run } = await importSource(feeds.url('/devcon.ics'));
    // keynote, 3 stand-ups (12, 14, 15), 1 office hours (13), remote panel, lunch, hackathon, expo, Berlin stream.
    expect(summary).toMatchObject({ created: 10, invalid: 0, failed: 0 });
    expect(run.stderr).toMatch(/2 cancelled event\(s\) or instance\(s\) left out/);
    const sessions = (await world.sandbox.state()).sessions.filter((s) => s.guide === 1);
    const standUp = sessions.find((s) => s.import_id === 'standup@devcon.example/20270314T120000Z');
    expect(standUp?.start_time).toMatch(/^2027-03-14T12:00:00/);
  });

  it('the same feed again, by URL and as a file: nothing written', async () => {
    const byUrl = await importSource(feeds.url('/devcon.ics'));
    expect(byUrl.summary).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(byUrl.writes).toBe(0);
    const file = join(world.dir, 'devcon.ics');
    writeFileSync(file, ICS);
    const byFile = await importSource(file);
    expect(byFile.summary).toMatchObject({ created: 0, updated: 0, unchanged: 10 });
    expect(byFile.writes).toBe(0);
  });

  it('an edit updates; a newly cancelled event is pruned', async () => {
    const edited = ICS.replace('SUMMARY:Opening Keynote', 'SUMMARY:Opening Keynote (updated)').replace(
      'SUMMARY:Remote Panel (UTC)',
      'SUMMARY:Remote Panel (UTC)\r\nSTATUS:CANCELLED',
    );
    feeds.set('/devcon.ics', { body: edited, type: 'text/calendar', etag: '"ics-2"' });
    const { summary } = await importSource(feeds.url('/devcon.ics'), ['--prune', '--yes']);
    expect(summary).toMatchObject({ created: 0, updated: 1, deleted: 1, unchanged: 8 });
    const names = (await world.sandbox.state()).sessions.filter((s) => s.guide === 1).map((s) => s.name);
    expect(names).toContain('Opening Keynote (updated)');
    expect(names).not.toContain('Remote Panel (UTC)');
  });

  it('--if-source-changed: an unchanged feed costs 0 API requests (a 304 to its ETag); a changed one imports', async () => {
    feeds.set('/devcon.ics', { body: ICS, type: 'text/calendar', etag: '"ics-if"' });
    const first = await importSource(feeds.url('/devcon.ics'), ['--if-source-changed', '--prune', '--yes']);
    expect(first.summary.source_unchanged).toBeUndefined();
    const fetches = feeds.requests.length;
    const second = await importSource(feeds.url('/devcon.ics'), ['--if-source-changed', '--prune', '--yes']);
    expect(second.requests).toBe(0);
    expect(second.summary).toMatchObject({ source_unchanged: true, requests: 0 });
    expect(second.run.stderr).toMatch(/source unchanged since the clean run of .*the server answered 304 to its ETag.*no request sent/);
    expect(feeds.requests.slice(fetches).map((r) => r.headers['if-none-match'])).toEqual(['"ics-if"']);
    // Other settings are another run: --timezone changes what the same bytes mean.
    const otherSettings = await importSource(feeds.url('/devcon.ics'), [
      '--if-source-changed',
      '--prune',
      '--yes',
      '--timezone',
      'America/New_York',
    ]);
    expect(otherSettings.requests).toBeGreaterThan(0);
    feeds.set('/devcon.ics', { body: ICS.replace('SUMMARY:Lunch', 'SUMMARY:Lunch (Foyer)'), type: 'text/calendar', etag: '"ics-if-2"' });
    const changed = await importSource(feeds.url('/devcon.ics'), ['--if-source-changed', '--prune', '--yes']);
    expect(changed.summary).toMatchObject({ created: 0, updated: 1 });
    expect(changed.writes).toBe(1);
  });

  it('--if-source-changed with a local file compares its content', async () => {
    const file = join(world.dir, 'again.ics');
    writeFileSync(file, ICS);
    await importSource(file, ['--if-source-changed']);
    const second = await importSource(file, ['--if-source-changed']);
    expect(second.requests).toBe(0);
    expect(second.run.stderr).toMatch(/same content/);
  });
});

describe('Sessionize and pretalx (guide 2)', { timeout: 180_000 }, () => {
  const guide2 = ['--guide', '2'];

  it('Sessionize by URL, then its saved copy, then an edit', async () => {
    const fresh = await importSource(feeds.url('/api/v2/abc123/view/All'), guide2);
    expect(fresh.summary).toMatchObject({ created: 3, invalid: 0 });
    const state = await world.sandbox.state();
    const sessions = state.sessions.filter((s) => s.guide === 2);
    // The speakers, with their tag lines, as the speakers stage writes them (custom list items).
    const speakerNames = state.custom_list_items.filter((item) => item.guide === 2).map((item) => item.name);
    expect(speakerNames.sort()).toEqual(['Ada Okafor', 'Bruno Lefèvre', 'Chen Wei']);
    // Local 11:00 on the 14th, after the change to EDT: 15:00 UTC.
    expect(sessions.find((s) => s.import_id === 'sessionize:412002')?.start_time).toMatch(/^2027-03-14T15:00:00/);
    const file = join(world.dir, 'sessionize.json');
    writeFileSync(file, SESSIONIZE);
    const again = await importSource(file, guide2);
    expect(again.summary).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
    expect(again.writes).toBe(0);
    writeFileSync(file, SESSIONIZE.replace('"startsAt": "2027-03-14T11:00:00"', '"startsAt": "2027-03-14T11:15:00"'));
    const edited = await importSource(file, guide2);
    expect(edited.summary).toMatchObject({ updated: 1, unchanged: 2 });
  });

  it('pretalx schedule.json as a file, then by URL, then an edit', async () => {
    const file = join(world.dir, 'schedule.json');
    writeFileSync(file, PRETALX);
    const fresh = await importSource(file, guide2);
    expect(fresh.summary).toMatchObject({ created: 3, invalid: 0 });
    const again = await importSource(feeds.url('/devcon-2027/schedule/export/schedule.json'), guide2);
    expect(again.summary).toMatchObject({ unchanged: 3, created: 0, updated: 0 });
    expect(again.writes).toBe(0);
    feeds.set('/devcon-2027/schedule/export/schedule.json', {
      body: PRETALX.replace('"title": "On-call Without Tears"', '"title": "On-call Without Tears II"'),
      type: 'application/json',
    });
    const edited = await importSource(feeds.url('/devcon-2027/schedule/export/schedule.json'), guide2);
    expect(edited.summary).toMatchObject({ updated: 1, unchanged: 2 });
  });
});

describe('validate <URL> and private feeds', { timeout: 180_000 }, () => {
  const TOKEN = 'Bearer private-feed-token-7c1d';

  it('validates a private Sessionize feed with --source-header; the value is in no output or report', async () => {
    feeds.set('/private/view/All', { body: SESSIONIZE, type: 'application/json', requireHeader: ['Authorization', TOKEN] });
    const report = join(world.dir, 'private.report.json');
    const args = ['validate', feeds.url('/private/view/All'), '--timezone', 'America/New_York', '--json', '--report', report];
    const run = await runCli([...args, '--source-header', `Authorization: ${TOKEN}`]);
    expect(summaryOf(run).planned).toMatchObject({ create: 3, invalid: 0 });
    expect(run.stdout + run.stderr + readFileSync(report, 'utf8')).not.toContain('private-feed-token');
    const without = await runCli(args);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/answered HTTP 401.*--source-header/);
  });

  it('reads XLSX, ODS and TSV answers by content type, file name and content', async () => {
    const rows = agendaRows(4);
    const xlsx = writeAgendaXlsx(join(world.dir, 'served.xlsx'), rows, { sheetName: 'Programme' });
    const book = XLSX.readFile(xlsx);
    feeds.set('/export', {
      body: readFileSync(xlsx),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      headers: { 'content-disposition': 'attachment; filename="DevCon Agenda.xlsx"' },
    });
    feeds.set('/files/agenda.ods', {
      body: XLSX.write(book, { bookType: 'ods', type: 'buffer' }) as Buffer,
      type: 'application/octet-stream',
    });
    feeds.set('/agenda-tab', { body: agendaCsv(rows).replaceAll(',', '\t'), type: 'text/tab-separated-values' });
    for (const path of ['/export', '/files/agenda.ods', '/agenda-tab']) {
      const report = join(world.dir, 'served.report.json');
      const run = await runCli(['validate', feeds.url(path), '--timezone', 'America/New_York', '--json', '--report', report]);
      expect(summaryOf(run).planned, path).toMatchObject({ create: 4, invalid: 0 });
      const sheets = new Set((JSON.parse(readFileSync(report, 'utf8')).rows as Array<{ sheet: string }>).map((row) => row.sheet));
      if (path === '/export') expect([...sheets]).toEqual(['Programme']);
    }
  });

  it("a URL source's report goes to <name>.report.csv in the working folder", async () => {
    const run = await runCli(['validate', feeds.url('/devcon-2027/schedule/export/schedule.json'), '--timezone', 'America/New_York'], {
      cwd: world.dir,
    });
    expect(run.code, describeRun(run)).toBe(0);
    expect(existsSync(join(world.dir, 'schedule.report.csv'))).toBe(true);
  });
});

describe('standard input and sources that cannot be read', { timeout: 180_000 }, () => {
  it('"-" reads a CSV from standard input with --format csv', async () => {
    const csv = 'Import ID,Title,Date,Start,End\nstdin-1,Piped Session,2027-03-13,10:00,11:00\n';
    const run = await runWithStdin(
      [
        'import',
        '-',
        '--format',
        'csv',
        '--guide',
        '2',
        '--api-url',
        world.sandbox.apiUrl,
        '--rate',
        '500',
        '--json',
        '--report',
        join(world.dir, 'stdin.report.csv'),
      ],
      csv,
    );
    expect(summaryOf(run)).toMatchObject({ created: 1, invalid: 0 });
  });

  it.each([
    ['/not-shared', /Google asks to sign in, so the sheet is not shared by link/],
    ['/to-ftp', /redirected to a ftp URL, which is not followed/],
    ['/web-page', /answered a web page \(HTML\), not a sheet or a feed/],
    ['/missing.csv', /answered HTTP 404/],
    ['/api/v2/abc123/view/Sessions', /a Sessionize view grouped by day or room.*use the event's …\/view\/All endpoint/],
  ])('%s: exit 2, one line, no request to the API', async (path, message) => {
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(feeds.url(path), ['--json', '--source-header', 'Authorization: Bearer hidden-value-42']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain('hidden-value-42');
    expect(world.sandbox.requestsSince(mark)).toHaveLength(0);
  });
});

const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;

async function runWithStdin(args: string[], input: string): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', TSX, resolve(REPO_ROOT, 'src/cli/main.ts'), ...args], {
    cwd: world.dir,
    env: cliEnv({ apiKey: SECRET_KEY }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  const [code, signal] = await once(child, 'close');
  return { code: code as number | null, signal: signal as NodeJS.Signals | null, stdout, stderr };
}
