// A workbook fetched by URL (a Google Sheets XLSX export, any https .xlsx) brings its Speakers sheet
// as a local workbook does: served by a local HTTP server on 127.0.0.1, imported through the real
// CLI into a sandbox process, the speakers, their photos (by URL) and links land in the guide and a
// re-run writes nothing; `validate <URL>` reports the same speakers offline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';
import { startFeedServer, type FeedServer } from '../sources/feed-server.js';
import { speakerView, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const SESSIONS: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'ada park', slot: 1 },
  { id: 'S-3', title: 'Design tokens', speakers: 'Chiara Conti', slot: 2 },
];

let world: ImportWorld;
let feeds: FeedServer;
let speakers: SpeakerRow[];
beforeAll(async () => {
  world = await importWorld();
  feeds = await startFeedServer();
  feeds.set('/photos/ada.png', { body: PNG, type: 'image/png' });
  speakers = [
    { name: 'Ada Park', title: 'CTO', company: 'Acme', email: 'ada@example.org', photo: feeds.url('/photos/ada.png') },
    { name: 'Bram de Vries', company: 'Nordlicht', sessions: 'S-3' },
  ];
  const book = join(world.dir, 'served.xlsx');
  writeSpeakerWorkbook(book, SESSIONS, speakers);
  // As Google serves a sheet's XLSX export: no extension in the path, the name in Content-Disposition.
  feeds.set('/spreadsheets/d/abc/export', {
    body: readFileSync(book),
    type: XLSX_TYPE,
    headers: { 'content-disposition': 'attachment; filename="DevCon agenda.xlsx"' },
  });
  feeds.set('/agenda.xlsx', { body: readFileSync(book), type: 'application/octet-stream' });
}, 120_000);
afterAll(async () => {
  await feeds.close();
  await cleanUp();
});

describe('a workbook fetched by URL: its Speakers sheet', { timeout: 120_000 }, () => {
  it('feeds speakers exactly as the same workbook on disk does, and a re-run writes nothing', async () => {
    const run = await world.importCli(feeds.url('/spreadsheets/d/abc/export'), ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 3, speakers: { created: 3 } });
    const view = speakerView(await world.sandbox.state());
    expect(view.sessionSpeakers).toEqual({
      'S-1': ['Ada Park', 'Bram de Vries'],
      'S-2': ['Ada Park'],
      'S-3': ['Chiara Conti', 'Bram de Vries'],
    });
    expect(view.lists.Speakers?.sort()).toEqual(['Ada Park', 'Bram de Vries', 'Chiara Conti']);
    const ada = view.items.find((item) => item.name === 'Ada Park')!;
    // The Speakers sheet's columns, not just the name in the session cell: subtitle, email, photo.
    expect(ada).toMatchObject({ subtitle: 'CTO, Acme', contact_email: 'ada@example.org', import_id: 'speaker:email:ada@example.org' });
    expect(typeof ada.image === 'string' && ada.image !== '').toBe(true);

    // The same workbook on disk into guide 2 gives the same speakers and links.
    const local = join(world.dir, 'local.xlsx');
    writeSpeakerWorkbook(local, SESSIONS, speakers);
    const onDisk = await world.importCli(local, ['--json', '--guide', '2']);
    expect(onDisk.code, onDisk.stderr).toBe(0);
    const localView = speakerView(await world.sandbox.state(), 2);
    expect(localView.sessionSpeakers).toEqual(view.sessionSpeakers);
    expect(localView.speakerSessions).toEqual(view.speakerSessions);
    const strip = (items: typeof view.items) =>
      items
        .map(({ name, subtitle, contact_email, import_id }) => ({ name, subtitle, contact_email, import_id }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(strip(localView.items)).toEqual(strip(view.items));

    const mark = world.sandbox.requests().length;
    const again = await world.importCli(feeds.url('/spreadsheets/d/abc/export'), ['--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 3, speakers: { unchanged: 3 } });
    expect(world.sandbox.requestsSince(mark).filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('a .xlsx URL served as octet-stream, into the guide the file on disk filled: every speaker unchanged', async () => {
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(feeds.url('/agenda.xlsx'), ['--json', '--guide', '2']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ unchanged: 3, speakers: { unchanged: 3 } });
    expect(world.sandbox.requestsSince(mark).filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it("validate <URL> reports the fetched workbook's speakers apart, the session rows one per session", async () => {
    const report = join(world.dir, 'validate-url.csv');
    const run = await runCli(['validate', feeds.url('/spreadsheets/d/abc/export'), '--timezone', 'UTC', '--json', '--report', report]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ planned: { create: 3 }, speakers: { planned: { create: 3 }, invalid: 0 } });
    const rows = readCsvReport(report);
    expect(rows.filter((row) => row.sheet === 'Agenda' && row.import_id.startsWith('S-')).map((row) => row.import_id)).toEqual([
      'S-1',
      'S-2',
      'S-3',
    ]);
    expect(rows.filter((row) => row.import_id.startsWith('speaker:')).map((row) => row.name)).toEqual([
      'Ada Park',
      'Bram de Vries',
      'Chiara Conti',
    ]);
  });

  it('--speakers URL: a speakers CSV fetched like a source, into the guide the workbook filled: every speaker unchanged', async () => {
    const agenda = join(world.dir, 'agenda-only.xlsx');
    writeSpeakerWorkbook(agenda, SESSIONS);
    const csv = [
      'Name,Title,Company,Email,Photo,Sessions',
      ...speakers.map((s) => [s.name, s.title ?? '', s.company ?? '', s.email ?? '', s.photo ?? '', s.sessions ?? ''].join(',')),
    ].join('\n');
    feeds.set('/people', { body: csv, type: 'text/csv; charset=utf-8' });
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(agenda, ['--speakers', feeds.url('/people'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ unchanged: 3, speakers: { unchanged: 3 } });
    expect(world.sandbox.requestsSince(mark).filter((request) => request.method !== 'GET')).toEqual([]);
    // A speakers URL answering a web page is one clear line, exit 2.
    feeds.set('/people-page', { body: '<!DOCTYPE html><html><body>People</body></html>', type: 'text/html' });
    const page = await runCli(['validate', agenda, '--speakers', feeds.url('/people-page'), '--timezone', 'UTC']);
    expect(page.code).toBe(2);
    expect(page.stderr).toBe(
      `guidebook-import: ${feeds.url('/people-page')}: is not a sheet (CSV, TSV, XLSX or ODS) but a web page (HTML); use the link that downloads the data\n`,
    );
  });

  it("a fetched workbook's speakers sheet without a Name column is one line naming the URL, not a temporary path", async () => {
    const book = join(world.dir, 'no-name.xlsx');
    writeSpeakerWorkbook(book, SESSIONS, []);
    const XLSX = await import('xlsx');
    const workbook = XLSX.read(readFileSync(book));
    workbook.Sheets.Speakers = XLSX.utils.aoa_to_sheet([
      ['Email', 'Company'],
      ['a@example.org', 'Acme'],
    ]);
    writeFileSync(book, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    feeds.set('/no-name.xlsx', { body: readFileSync(book), type: XLSX_TYPE });
    const run = await runCli(['validate', feeds.url('/no-name.xlsx'), '--timezone', 'UTC']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${feeds.url('/no-name.xlsx')}: the speakers sheet "Speakers" has no Name column`);
    expect(run.stderr).not.toMatch(/guidebook-import-source-/);
  });
});
