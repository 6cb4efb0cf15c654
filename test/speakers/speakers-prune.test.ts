// A speaker gone from the sheet is kept (its links to the sheet's sessions go) unless --prune;
// --prune only plans without --yes, deletes item, relations and links with it, stops on a sheet
// far smaller than the guide's speakers, and never touches items or links the importer did not make.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';
import { costOf, speakerView, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

let world: ImportWorld;
let handMadeItem: number;
let handMadeLink: number;

const SPEAKERS: SpeakerRow[] = [
  { importId: 'P-ADA', name: 'Ada Park' },
  { importId: 'P-BRAM', name: 'Bram de Vries' },
  { importId: 'P-CHIARA', name: 'Chiara Conti' },
  { importId: 'P-DEV', name: 'Dev Patel' },
];
const SESSIONS: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'Chiara Conti', slot: 1 },
  { id: 'S-3', title: 'Edge caching', speakers: 'Dev Patel; Bram de Vries', slot: 2 },
];
const WITHOUT_BRAM: SessionRow[] = SESSIONS.map((row) => ({ ...row, speakers: row.speakers!.replace(/;? ?Bram de Vries/, '') }));
const SPEAKERS_WITHOUT_BRAM = SPEAKERS.filter((s) => s.importId !== 'P-BRAM');

async function api(method: string, path: string, body: unknown): Promise<{ id: number }> {
  const answer = await fetch(`${world.sandbox.apiUrl}${path}`, {
    method,
    headers: { Authorization: `JWT ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(answer.status, await answer.clone().text()).toBe(201);
  return (await answer.json()) as { id: number };
}

async function importSheet(name: string, sessions: SessionRow[], speakers: SpeakerRow[], args: string[] = []) {
  const file = join(world.dir, `${name}.xlsx`);
  writeSpeakerWorkbook(file, sessions, speakers);
  const mark = world.sandbox.requests().length;
  const run = await world.importCli(file, args);
  const writes = world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET');
  return { run, cost: costOf(writes), report: () => readCsvReport(join(world.dir, `${name}.report.csv`)) };
}

beforeAll(async () => {
  world = await importWorld();
  expect((await importSheet('base', SESSIONS, SPEAKERS)).run.code).toBe(0);
  // Made by hand in Builder: an item without import id in the Speakers list, linked from S-1.
  const state = await world.sandbox.state();
  const list = state.custom_lists.find((l) => l.guide === 1 && l.name === 'Speakers')!;
  const s1 = state.sessions.find((s) => s.import_id === 'S-1')!;
  handMadeItem = (await api('POST', 'custom-list-items/', { guide: 1, name: 'Guest of honour', description_html: '' })).id;
  await api('POST', 'custom-list-item-relations/', { custom_list: list.id, custom_list_item: handMadeItem, rank: 100 });
  handMadeLink = (
    await api('POST', 'links/', {
      guide: 1,
      source_content_type: 'schedule.session',
      source_object_id: s1.id,
      target_content_type: 'custom_list.customlistitem',
      target_object_id: handMadeItem,
      rank: 9,
    })
  ).id;
}, 120_000);
afterAll(cleanUp);

describe('speakers and --prune', { timeout: 120_000 }, () => {
  it('without --prune a speaker gone from the sheet is kept; only its 4 links to the sheet sessions go', async () => {
    const { run, cost } = await importSheet('no-bram', WITHOUT_BRAM, SPEAKERS_WITHOUT_BRAM);
    expect(run.code, run.stderr).toBe(0);
    expect(cost).toEqual({ 'DELETE links/{id}/': 4 });
    const state = await world.sandbox.state();
    expect(state.custom_list_items.map((i) => i.name)).toContain('Bram de Vries');
    expect(state.links.some((l) => l.id === handMadeLink)).toBe(true);
    expect(speakerView(state).sessionSpeakers['S-1']).toEqual(['Ada Park', 'Guest of honour']);
  });

  it('--prune without --yes plans the delete and writes nothing', async () => {
    const { run, cost, report } = await importSheet('no-bram', WITHOUT_BRAM, SPEAKERS_WITHOUT_BRAM, ['--prune']);
    expect(run.code, run.stderr).toBe(0);
    expect(cost).toEqual({});
    const bram = report().find((row) => row.import_id === 'P-BRAM')!;
    expect([bram.sheet, bram.row, bram.action, bram.outcome]).toEqual(['Speakers', '', 'delete', 'planned']);
    expect(bram.message).toContain('--yes');
  });

  it('a sheet naming far fewer speakers than the guide has: --prune --yes is refused (exit 2), nothing written', async () => {
    const onlyAda = SESSIONS.map((row) => ({ ...row, speakers: 'Ada Park' }));
    const { run, cost } = await importSheet('only-ada', onlyAda, [SPEAKERS[0]!], ['--prune', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Refusing to prune: the sheet names 1 speakers/);
    expect(cost).toEqual({});
  });

  it('--prune --yes deletes the item and its relation; items and links made by hand stay', async () => {
    const { run, cost, report } = await importSheet('no-bram', WITHOUT_BRAM, SPEAKERS_WITHOUT_BRAM, ['--prune', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    expect(cost).toEqual({ 'DELETE custom-list-item-relations/{id}/': 1, 'DELETE custom-list-items/{id}/': 1 });
    expect(report().find((row) => row.import_id === 'P-BRAM')?.outcome).toBe('done');
    const state = await world.sandbox.state();
    expect(state.custom_list_items.map((i) => i.name).sort()).toEqual(['Ada Park', 'Chiara Conti', 'Dev Patel', 'Guest of honour']);
    expect(state.custom_list_items.some((i) => i.id === handMadeItem)).toBe(true);
    expect(state.links.some((l) => l.id === handMadeLink)).toBe(true);
  });
});
