// Speakers end to end against a sandbox process: a fresh import makes each speaker a custom list
// item in "Speakers", linked both ways to its sessions in cell order; an unchanged re-sync spends
// its listing requests only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';
import { costOf, speakerView, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
}, 120_000);
afterAll(cleanUp);

const SESSIONS: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'ada park', slot: 1 },
  { id: 'S-3', title: 'Design tokens', speakers: 'Chiara Conti', slot: 2 },
];
const SPEAKERS: SpeakerRow[] = [
  { name: 'Ada Park', title: 'CTO', company: 'Acme', bio: 'Builds streaming systems.', email: 'ada@example.org' },
  { name: 'Bram de Vries', company: 'Nordlicht' },
];

const READS = {
  'GET guides/{id}/': 1,
  'GET sessions/': 1,
  'GET custom-lists/': 1,
  'GET custom-list-items/': 1,
  'GET custom-list-item-relations/': 1,
  'GET links/': 1,
};

describe('import with speakers', { timeout: 120_000 }, () => {
  const sheet = () => join(world.dir, 'agenda.xlsx');

  it('fresh import: 3 items in "Speakers", 8 links (two per pair, in cell order), the minimum of requests', async () => {
    writeSpeakerWorkbook(sheet(), SESSIONS, SPEAKERS);
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet(), ['--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ created: 3, speakers: { created: 3 } });
    expect(run.stderr).toContain('Speakers: 3 to create, 0 to update, 0 unchanged');
    expect(run.stderr).toContain('14 more write requests (items, relations, links, photos) after the sessions');
    expect(costOf(world.sandbox.requestsSince(mark))).toEqual({
      ...READS,
      'POST sessions/': 3,
      'POST custom-list-items/': 3,
      'POST custom-list-item-relations/': 3,
      'POST links/': 8,
    });
    const view = speakerView(await world.sandbox.state());
    expect(view.sessionSpeakers).toEqual({ 'S-1': ['Ada Park', 'Bram de Vries'], 'S-2': ['Ada Park'], 'S-3': ['Chiara Conti'] });
    expect(view.speakerSessions).toEqual({ 'Ada Park': ['S-1', 'S-2'], 'Bram de Vries': ['S-1'], 'Chiara Conti': ['S-3'] });
    expect(view.lists.Speakers?.sort()).toEqual(['Ada Park', 'Bram de Vries', 'Chiara Conti']);
    const ada = view.items.find((item) => item.name === 'Ada Park')!;
    expect(ada).toMatchObject({ subtitle: 'CTO, Acme', contact_email: 'ada@example.org', import_id: 'speaker:email:ada@example.org' });
    expect(ada.description_html).toContain('Builds streaming systems.');
    expect(view.items.find((item) => item.name === 'Chiara Conti')?.import_id).toBe('speaker:name:chiara conti');

    const report = readCsvReport(join(world.dir, 'agenda.report.csv'));
    const speakerRows = report.filter((row) => row.sheet === 'Speakers' || row.name === 'Chiara Conti');
    expect(speakerRows.map((row) => [row.sheet, row.row, row.name, row.action, row.outcome])).toEqual(
      expect.arrayContaining([
        ['Speakers', '2', 'Ada Park', 'create', 'done'],
        ['Speakers', '3', 'Bram de Vries', 'create', 'done'],
        ['Agenda', '4', 'Chiara Conti', 'create', 'done'],
      ]),
    );
  });

  it('unchanged re-sync: the 6 listing requests, 0 writes', async () => {
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(sheet(), ['--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ unchanged: 3, speakers: { unchanged: 3 } });
    expect(costOf(world.sandbox.requestsSince(mark))).toEqual(READS);
  });

  it("the HTML report shows each session's speakers and a Speakers table", async () => {
    const html = join(world.dir, 'run.html');
    const run = await world.importCli(sheet(), ['--report', html]);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<div class="speakers">Ada Park, Bram de Vries</div>');
    const table = page.slice(page.indexOf('<h2>Speakers</h2>'));
    expect(table).toContain('Ada Park');
    expect(table).toContain('CTO, Acme');
    expect(table).toContain('S-1, S-2');
    expect(table.match(/<tr class="r"/g)).toHaveLength(3);
  });
});
