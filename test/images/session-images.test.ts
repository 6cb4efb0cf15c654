// Session images through a real import against a sandbox on 127.0.0.1: loaded and checked before
// any write, uploaded once as multipart, never again while unchanged (the memory), uploaded when
// the server has none, re-sent with --refresh-images, and bad images as row errors.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/index.js';
import { ImageMemory } from '../../src/images/index.js';
import { runImport } from '../../src/pipeline/run-import.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { tempDir } from '../support/temp-dir.js';
import { GIF_1X1, JPEG_1X1, PNG_1X1, PNG_RED } from './image-bytes.js';

let sandbox: SandboxHandle;
let dir: string;
let memoryDir: string;

beforeEach(async () => {
  sandbox = await startSandbox({ apiKey: 'image-key' });
  dir = tempDir('images');
  memoryDir = join(dir, 'state');
  writeFileSync(join(dir, 'keynote.png'), PNG_1X1);
  writeFileSync(join(dir, 'panel.jpg'), JPEG_1X1);
});
afterEach(() => sandbox.close());

const HEADER = 'Import ID,Title,Start,End,Image';
function sheet(lines: string[]): string {
  const path = join(dir, 'agenda.csv');
  writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  return path;
}
const twoSessions = () =>
  sheet(['k1,Keynote,2027-05-10 09:00,2027-05-10 10:00,keynote.png', 'p1,Panel,2027-05-10 11:00,2027-05-10 12:00,panel.jpg']);

async function run(file: string, options: { memory?: ImageMemory; refresh?: boolean; dryRun?: boolean } = {}) {
  const client = createClient({ apiUrl: sandbox.apiUrl, apiKey: 'image-key', retries: 0 });
  const mark = sandbox.requestLog.length;
  const result = await runImport(file, {
    client,
    guide: 1,
    timezone: 'America/New_York',
    imageMemory: options.memory ?? ImageMemory.load(memoryDir, sandbox.apiUrl, 1),
    refreshImages: options.refresh ?? false,
    dryRun: options.dryRun ?? false,
  });
  const requests = sandbox.requestLog.slice(mark);
  const uploads = requests.filter((e) => e.method === 'PATCH' && JSON.stringify(e.body).includes('"file"'));
  const byId = new Map(result.document.rows.map((row) => [row.import_id, row]));
  return { result, requests, uploads, byId };
}

const sessionImage = (importId: string) => sandbox.state().sessions.find((s) => s.import_id === importId)?.image ?? null;

describe('session images', () => {
  it('uploads each image once as multipart after the create, names `image` in changed_fields, then sends nothing on a re-run', async () => {
    const first = await run(twoSessions());
    expect(first.result.exitCode).toBe(0);
    // Uploads run concurrently: their order on the wire is not the sheet's.
    const byFile = (body: unknown) => String((body as { image?: { file?: string } }).image?.file);
    expect(first.uploads.map((e) => e.body).sort((a, b) => byFile(a).localeCompare(byFile(b)))).toEqual([
      { guide: '1', image: { file: 'keynote.png', content_type: 'image/png', bytes: PNG_1X1.length } },
      { guide: '1', image: { file: 'panel.jpg', content_type: 'image/jpeg', bytes: JPEG_1X1.length } },
    ]);
    expect(first.byId.get('k1')).toMatchObject({ action: 'create', outcome: 'done' });
    expect(first.byId.get('k1')?.changed_fields).toContain('image');
    expect(sessionImage('k1')).toMatch(/\.png$/);
    expect(sessionImage('p1')).toMatch(/\.jpg$/);

    const again = await run(twoSessions());
    expect(again.uploads).toHaveLength(0);
    expect(again.requests.every((e) => e.method === 'GET')).toBe(true);
    expect(again.byId.get('k1')).toMatchObject({ action: 'unchanged', changed_fields: [] });
  });

  it('a changed photo is uploaded again (one PATCH), the unchanged one is not', async () => {
    await run(twoSessions());
    writeFileSync(join(dir, 'keynote.png'), PNG_RED);
    const changed = await run(twoSessions());
    expect(changed.uploads).toHaveLength(1);
    expect(changed.byId.get('k1')).toMatchObject({ action: 'update', outcome: 'done', changed_fields: ['image'] });
    // The JSON and HTML reports show it as any change: the server's image URL → the sheet's file.
    expect(changed.byId.get('k1')?.changes).toEqual([
      { field: 'image', old: expect.stringMatching(/\/media\/.+\.png$/), new: 'keynote.png' },
    ]);
    expect(changed.byId.get('p1')?.action).toBe('unchanged');
  });

  it('without memory (a fresh machine) uploads only where the server has no image; --refresh-images sends all', async () => {
    await run(twoSessions());
    // A fresh runner: nothing remembered, the server has both images.
    const fresh = await run(twoSessions(), { memory: ImageMemory.load(join(dir, 'other-state'), sandbox.apiUrl, 1) });
    expect(fresh.uploads).toHaveLength(0);
    // A session the server has without an image gets one.
    await run(sheet(['k1,Keynote,2027-05-10 09:00,2027-05-10 10:00,keynote.png', 'n1,New,2027-05-10 13:00,2027-05-10 14:00,']));
    const added = await run(
      sheet(['k1,Keynote,2027-05-10 09:00,2027-05-10 10:00,keynote.png', 'n1,New,2027-05-10 13:00,2027-05-10 14:00,panel.jpg']),
      { memory: ImageMemory.load(join(dir, 'third-state'), sandbox.apiUrl, 1) },
    );
    expect(added.uploads).toHaveLength(1);
    expect(added.byId.get('n1')?.changed_fields).toEqual(['image']);
    const refreshed = await run(twoSessions(), { refresh: true });
    expect(refreshed.uploads).toHaveLength(2);
  });

  it('a dry run plans the uploads and sends none', async () => {
    const dry = await run(twoSessions(), { dryRun: true });
    expect(dry.uploads).toHaveLength(0);
    expect(dry.requests.every((e) => e.method === 'GET')).toBe(true);
    expect(dry.byId.get('k1')).toMatchObject({ action: 'create', outcome: 'planned' });
    expect(dry.byId.get('k1')?.changed_fields).toContain('image');
  });

  it('a GIF, a missing file and a URL that answers 404 are row errors before any write; the other rows go on', async () => {
    writeFileSync(join(dir, 'anim.gif'), GIF_1X1);
    copyFileSync(join(dir, 'keynote.png'), join(dir, 'ok.png'));
    const result = await run(
      sheet([
        'g1,Gif,2027-05-10 09:00,2027-05-10 10:00,anim.gif',
        'm1,Missing,2027-05-10 10:00,2027-05-10 11:00,photos/nope.png',
        `u1,Url,2027-05-10 11:00,2027-05-10 12:00,${sandbox.origin}/media/none.png`,
        'ok,Fine,2027-05-10 12:00,2027-05-10 13:00,ok.png',
      ]),
    );
    expect(result.result.exitCode).toBe(1);
    expect(result.byId.get('g1')).toMatchObject({ action: 'invalid' });
    expect(result.byId.get('g1')?.message).toMatch(
      /Row 2, column "Image": image "anim.gif" is a GIF image; Guidebook takes only PNG or JPEG/,
    );
    expect(result.byId.get('m1')?.message).toMatch(/image "photos\/nope.png" not found \(paths are read relative to the sheet's folder\)/);
    expect(result.byId.get('u1')?.message).toMatch(/could not be downloaded \(HTTP 404\)/);
    expect(sandbox.state().sessions.map((s) => s.import_id)).toEqual(['ok']);
    expect(result.uploads).toHaveLength(1);
  });

  it('an http(s) URL is downloaded and uploaded like a file', async () => {
    await run(twoSessions());
    const url = `${sandbox.origin}/${sandbox.state().sessions.find((s) => s.import_id === 'k1')?.image}`;
    const result = await run(sheet([`u2,From URL,2027-05-10 15:00,2027-05-10 16:00,${url}`]));
    expect(result.result.exitCode).toBe(0);
    expect(result.uploads).toHaveLength(1);
    expect(sessionImage('u2')).toBe(sessionImage('k1'));
  });

  it('a daily budget spent before an upload stops the run (exit 3); the re-run uploads it once', async () => {
    // guide, sessions list, one create: the fourth request (the upload) meets the budget.
    sandbox.setFaults({ dailyBudget: 3 });
    const file = sheet(['k1,Keynote,2027-05-10 09:00,2027-05-10 10:00,keynote.png']);
    const stopped = await run(file);
    expect(stopped.result.exitCode).toBe(3);
    expect(stopped.byId.get('k1')).toMatchObject({
      action: 'create',
      outcome: 'not_attempted',
      changed_fields: expect.arrayContaining(['image']),
    });
    expect(sessionImage('k1')).toBeNull();
    sandbox.resetBudget();
    sandbox.setFaults({ dailyBudget: 10_000 });
    const resumed = await run(file);
    expect(resumed.result.exitCode).toBe(0);
    expect(resumed.uploads).toHaveLength(1);
    expect(resumed.byId.get('k1')).toMatchObject({ action: 'update', outcome: 'done', changed_fields: ['image'] });
    expect(sessionImage('k1')).toMatch(/\.png$/);
  });

  it('API v1 has no session image: the images are left out with a warning, and nothing is uploaded', async () => {
    const client = createClient({ apiUrl: `${sandbox.origin}/open-api/v1/`, apiKey: 'image-key', retries: 0 });
    const mark = sandbox.requestLog.length;
    const run = await runImport(twoSessions(), {
      client,
      guide: 1,
      timezone: 'America/New_York',
      apiVersion: 'v1',
      imageMemory: ImageMemory.inMemory(),
    });
    expect(run.planned.warnings).toContain(
      'the sheet names session images, but sessions have no image in API v1: they are left out (use the v1.1 API URL to send them)',
    );
    expect(sandbox.requestLog.slice(mark).filter((e) => e.method === 'PATCH')).toEqual([]);
    expect(run.document.rows.every((row) => !row.changed_fields.includes('image'))).toBe(true);
  });
});
