// The HTML report of real runs of the CLI against a sandbox process: a planned delete on the
// timeline and in the table, and Builder links only for Guidebook's own API, wherever the API URL
// came from (--api-url or GUIDEBOOK_API_URL).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { runCli, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
  const sheet = join(world.dir, 'agenda.csv');
  writeAgendaCsv(sheet, agendaRows(4));
  const first = await world.importCli(sheet, ['--create-missing']);
  expect(first.code, first.stderr).toBe(0);
}, 120_000);
afterAll(cleanUp);

describe('the HTML report of a run', { timeout: 120_000 }, () => {
  it('a dry run with --prune: the planned delete is on the timeline, struck through, and says --yes once', async () => {
    const sheet = join(world.dir, 'smaller.csv');
    writeAgendaCsv(sheet, agendaRows(4).slice(0, 3));
    const html = join(world.dir, 'dry.html');
    const run = await world.importCli(sheet, ['--prune', '--dry-run', '--report', html]);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<div class="s a-delete o-planned"[^>]*><span class="s-time">[^<]+<\/span>/);
    const deleteRow = page.split('\n').find((line) => line.startsWith('<tr class="r" data-action="delete"')) ?? '';
    expect(deleteRow).toContain('S-004');
    expect(deleteRow.match(/--yes/g)).toHaveLength(1);
    expect(page).not.toMatch(/<script|<link|src="http/i);
  });

  it('no Builder link for a server named by GUIDEBOOK_API_URL that is not Guidebook', async () => {
    const sheet = join(world.dir, 'agenda.csv');
    const html = join(world.dir, 'env.html');
    const run = await runCli(['import', sheet, '--guide', '1', '--dry-run', '--report', html], {
      apiKey: SECRET_KEY,
      env: { GUIDEBOOK_API_URL: world.sandbox.apiUrl },
    });
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<div class="muted">#\d+<\/div>/);
    expect(page).not.toContain('builder.guidebook.com/#');
  });
});
