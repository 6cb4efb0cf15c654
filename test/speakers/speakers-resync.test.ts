// Re-syncs with speakers against a sandbox process: each edit of the sheet costs exactly the writes
// it needs, counted from the sandbox's request log, and the guide ends as the sheet says.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';
import { costOf, speakerView, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

let world: ImportWorld;
const SPEAKERS: SpeakerRow[] = [
  { importId: 'P-ADA', name: 'Ada Park', title: 'CTO', company: 'Acme' },
  { importId: 'P-BRAM', name: 'Bram de Vries' },
];
const BASE: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'Ada Park', slot: 1 },
  { id: 'S-3', title: 'Design tokens', speakers: 'Chiara Conti', slot: 2 },
];

async function run(name: string, sessions: SessionRow[], speakers: SpeakerRow[], args: string[] = []) {
  const file = join(world.dir, `${name}.xlsx`);
  writeSpeakerWorkbook(file, sessions, speakers);
  const mark = world.sandbox.requests().length;
  const result = await world.importCli(file, ['--json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const writes = world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET');
  return {
    writes,
    cost: costOf(writes),
    summary: JSON.parse(result.stdout),
    report: readCsvReport(join(world.dir, `${name}.report.csv`)),
    stderr: result.stderr,
  };
}

beforeAll(async () => {
  world = await importWorld();
  await run('base', BASE, SPEAKERS);
}, 120_000);
afterAll(cleanUp);

describe('speaker re-syncs', { timeout: 120_000 }, () => {
  it('a speaker removed from one session: exactly its two links are deleted, the speaker stays', async () => {
    const sessions = BASE.map((row) => (row.id === 'S-1' ? { ...row, speakers: 'Ada Park' } : row));
    const { cost, report, stderr, summary } = await run('removed', sessions, SPEAKERS);
    expect(cost).toEqual({ 'DELETE links/{id}/': 2 });
    const view = speakerView(await world.sandbox.state());
    expect(view.sessionSpeakers['S-1']).toEqual(['Ada Park']);
    expect(view.speakerSessions['Bram de Vries']).toBeUndefined();
    expect(view.lists.Speakers).toContain('Bram de Vries');
    const s1 = report.find((row) => row.import_id === 'S-1')!;
    expect([s1.action, s1.changed_fields]).toEqual(['update', 'speakers']);
    // Not "unchanged" on a row whose action is update.
    expect(s1.message).toBe("its speaker links change (see the speakers' rows)");
    // The plan's totals, the report and --json count it alike: an update.
    expect(stderr).toContain('Plan for guide 1: 0 to create, 1 to update, 2 unchanged');
    expect(summary.planned).toMatchObject({ update: 1, unchanged: 2 });
    const bram = report.find((row) => row.import_id === 'P-BRAM')!;
    expect([bram.action, bram.changed_fields, bram.outcome]).toEqual(['update', 'sessions', 'done']);
    expect(report.find((row) => row.import_id === 'S-2')?.action).toBe('unchanged');
  });

  it('a speaker moved to another session: two links deleted, two created, ranks after the ones there', async () => {
    const sessions: SessionRow[] = [
      { id: 'S-1', title: 'Opening', speakers: 'Ada Park', slot: 0 },
      { id: 'S-2', title: 'Streaming joins', speakers: 'Ada Park; Chiara Conti', slot: 1 },
      { id: 'S-3', title: 'Design tokens', speakers: '', slot: 2 },
    ];
    const { cost } = await run('moved', sessions, SPEAKERS);
    expect(cost).toEqual({ 'DELETE links/{id}/': 2, 'POST links/': 2 });
    const view = speakerView(await world.sandbox.state());
    expect(view.sessionSpeakers).toEqual({ 'S-1': ['Ada Park'], 'S-2': ['Ada Park', 'Chiara Conti'] });
    expect(view.speakerSessions['Chiara Conti']).toEqual(['S-2']);
  });

  it('the order of a cell changes: the links are re-ranked with PATCHes, nothing else', async () => {
    const sessions: SessionRow[] = [
      { id: 'S-1', title: 'Opening', speakers: 'Ada Park', slot: 0 },
      { id: 'S-2', title: 'Streaming joins', speakers: 'Chiara Conti; Ada Park', slot: 1 },
      { id: 'S-3', title: 'Design tokens', speakers: '', slot: 2 },
    ];
    const { cost } = await run('reordered', sessions, SPEAKERS);
    expect(Object.keys(cost)).toEqual(['PATCH links/{id}/']);
    expect(cost['PATCH links/{id}/']).toBeLessThanOrEqual(2);
    expect(speakerView(await world.sandbox.state()).sessionSpeakers['S-2']).toEqual(['Chiara Conti', 'Ada Park']);
  });

  it('a speaker renamed (same Import ID): one PATCH of the item name, links untouched', async () => {
    const speakers = SPEAKERS.map((s) => (s.importId === 'P-ADA' ? { ...s, name: 'Ada Park-Lee' } : s));
    const sessions: SessionRow[] = [
      { id: 'S-1', title: 'Opening', speakers: 'Ada Park-Lee', slot: 0 },
      { id: 'S-2', title: 'Streaming joins', speakers: 'Chiara Conti; P-ADA', slot: 1 },
      { id: 'S-3', title: 'Design tokens', speakers: '', slot: 2 },
    ];
    const { writes, report } = await run('renamed', sessions, speakers);
    expect(writes.map((w) => [w.method, w.body])).toEqual([['PATCH', { guide: 1, name: 'Ada Park-Lee' }]]);
    const ada = report.find((row) => row.import_id === 'P-ADA')!;
    expect([ada.action, ada.changed_fields]).toEqual(['update', 'name']);
    expect(speakerView(await world.sandbox.state()).sessionSpeakers['S-2']).toEqual(['Chiara Conti', 'Ada Park-Lee']);
  });

  it('two people with one name: two speakers and a warning; a cell with the name alone links neither', async () => {
    const speakers: SpeakerRow[] = [
      ...SPEAKERS.map((s) => (s.importId === 'P-ADA' ? { ...s, name: 'Ada Park-Lee' } : s)),
      { name: 'Sam Lee', email: 'sam.lee@one.example', company: 'One' },
      { name: 'Sam Lee', email: 'sam.lee@two.example', company: 'Two' },
    ];
    const sessions: SessionRow[] = [
      { id: 'S-1', title: 'Opening', speakers: 'Ada Park-Lee', slot: 0 },
      { id: 'S-2', title: 'Streaming joins', speakers: 'Chiara Conti; P-ADA', slot: 1 },
      { id: 'S-3', title: 'Design tokens', speakers: '', slot: 2 },
      { id: 'S-4', title: 'Sam one', speakers: 'Sam Lee <sam.lee@two.example>', slot: 3 },
      { id: 'S-5', title: 'Sam who', speakers: 'Sam Lee', slot: 4 },
    ];
    const { cost, report } = await run('two-sams', sessions, speakers);
    expect(cost).toEqual({ 'POST sessions/': 2, 'POST custom-list-items/': 2, 'POST custom-list-item-relations/': 2, 'POST links/': 2 });
    const view = speakerView(await world.sandbox.state());
    const sams = view.items.filter((item) => item.name === 'Sam Lee');
    expect(sams.map((item) => [item.import_id, item.subtitle]).sort()).toEqual([
      ['speaker:email:sam.lee@one.example', 'One'],
      ['speaker:email:sam.lee@two.example', 'Two'],
    ]);
    expect(view.sessionSpeakers['S-4']).toEqual(['Sam Lee']);
    expect(view.sessionSpeakers['S-5']).toBeUndefined();
    const samRows = report.filter((row) => row.name === 'Sam Lee' && row.sheet === 'Speakers');
    expect(samRows).toHaveLength(2);
    for (const row of samRows) expect(row.message).toContain('also named "Sam Lee"');
    expect(report.find((row) => row.import_id === 'S-5')?.message).toContain('matches 2 Speakers rows');
  });

  it('--speaker-lists-by-role: moderators go in a "Moderators" list, created once', async () => {
    const file = join(world.dir, 'roles.xlsx');
    const sessions: SessionRow[] = [
      { id: 'S-1', title: 'Opening', speakers: 'Ada Park-Lee', moderators: 'Dana Moss', slot: 0 },
      { id: 'S-2', title: 'Streaming joins', speakers: 'Chiara Conti; P-ADA', moderators: '', slot: 1 },
      { id: 'S-3', title: 'Design tokens', speakers: '', moderators: '', slot: 2 },
    ];
    writeSpeakerWorkbook(
      file,
      sessions,
      SPEAKERS.map((s) => (s.importId === 'P-ADA' ? { ...s, name: 'Ada Park-Lee' } : s)),
    );
    const mark = world.sandbox.requests().length;
    const result = await world.importCli(file, ['--speaker-lists-by-role', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const cost = costOf(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET'));
    expect(cost).toEqual({
      'POST custom-lists/': 1,
      'POST custom-list-items/': 1,
      'POST custom-list-item-relations/': 1,
      'POST links/': 2,
    });
    const view = speakerView(await world.sandbox.state());
    expect(view.lists.Moderators).toEqual(['Dana Moss']);
    expect(view.sessionSpeakers['S-1']).toEqual(['Ada Park-Lee', 'Dana Moss']);
  });
});
