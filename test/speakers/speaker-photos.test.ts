// Speakers' photos: checked before any write (a GIF is a row error, nothing of the speaker is
// written), uploaded once as `image` and `thumbnail` in one multipart PATCH, never again while the
// remembered hash matches, again when the photo changes or with --refresh-images.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { tempDir } from '../support/temp-dir.js';
import { readCsvReport } from '../support/report-file.js';
import { GIF_1X1, PNG_1X1, PNG_RED } from '../images/image-bytes.js';
import { costOf, writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

let world: ImportWorld;
let env: Record<string, string>;
const SESSIONS: SessionRow[] = [{ id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 }];

beforeAll(async () => {
  world = await importWorld();
  // The image memory lives in the per-user state folder: one of this test's own.
  env = { XDG_STATE_HOME: tempDir('gi-state') };
  writeFileSync(join(world.dir, 'ada.png'), PNG_1X1);
  writeFileSync(join(world.dir, 'ada-new.png'), PNG_RED);
  writeFileSync(join(world.dir, 'bram.gif'), GIF_1X1);
}, 120_000);
afterAll(cleanUp);

async function run(name: string, speakers: SpeakerRow[], args: string[] = []) {
  const file = join(world.dir, `${name}.xlsx`);
  writeSpeakerWorkbook(file, SESSIONS, speakers);
  const mark = world.sandbox.requests().length;
  const result = await world.importCli(file, ['--json', ...args], { env });
  return {
    result,
    cost: costOf(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET')),
    report: () => readCsvReport(join(world.dir, `${name}.report.csv`)),
  };
}

describe('speaker photos', { timeout: 120_000 }, () => {
  it('a GIF photo makes its speaker an invalid row (exit 1); the PNG is uploaded as image and thumbnail in one request', async () => {
    const { result, cost, report } = await run('photos', [
      { importId: 'P-ADA', name: 'Ada Park', photo: 'ada.png' },
      { importId: 'P-BRAM', name: 'Bram de Vries', photo: 'bram.gif' },
    ]);
    expect(result.code).toBe(1);
    expect(cost).toEqual({
      'POST sessions/': 1,
      'POST custom-list-items/': 1,
      'PATCH custom-list-items/{id}/': 1,
      'POST custom-list-item-relations/': 1,
      'POST links/': 2,
    });
    const bram = report().find((row) => row.import_id === 'P-BRAM')!;
    expect([bram.action, bram.outcome]).toEqual(['invalid', 'failed']);
    expect(bram.message).toContain('column "Photo"');
    const ada = report().find((row) => row.import_id === 'P-ADA')!;
    expect(ada.changed_fields.split(';')).toContain('image');
    const item = (await world.sandbox.state()).custom_list_items.find((i) => i.import_id === 'P-ADA')!;
    expect(item.image).toBeTruthy();
    expect(item.thumbnail).toBeTruthy();
  });

  it('the same photo again: not uploaded (remembered); a changed photo: one upload; --refresh-images: one upload', async () => {
    const ada = (photo: string): SpeakerRow[] => [
      { importId: 'P-ADA', name: 'Ada Park', photo },
      { importId: 'P-BRAM', name: 'Bram de Vries' },
    ];
    const same = await run('same', ada('ada.png'));
    expect(same.result.code, same.result.stderr).toBe(0);
    // Only Bram, valid now, is written; Ada's photo is not sent again.
    expect(same.cost).toEqual({ 'POST custom-list-items/': 1, 'POST custom-list-item-relations/': 1, 'POST links/': 2 });
    const again = await run('same', ada('ada.png'));
    expect(again.cost).toEqual({});
    const changed = await run('changed', ada('ada-new.png'));
    expect(changed.cost).toEqual({ 'PATCH custom-list-items/{id}/': 1 });
    expect(changed.report().find((row) => row.import_id === 'P-ADA')?.changed_fields).toBe('image');
    const refreshed = await run('changed', ada('ada-new.png'), ['--refresh-images']);
    expect(refreshed.cost).toEqual({ 'PATCH custom-list-items/{id}/': 1 });
  });
});
