// A server that answers every create 201 with an empty body: each item, relation and link is
// found by its import id (or its item and list, or its ends) instead, made once, and a re-run
// writes nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { speakerView, writeSpeakerWorkbook } from './speaker-world.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld({ args: ['--empty-create-answers'] });
}, 120_000);
afterAll(cleanUp);

describe('speakers and empty create answers', { timeout: 120_000 }, () => {
  it('are confirmed by lookups: each made once, and a re-run sends nothing', async () => {
    const sheet = join(world.dir, 'agenda.xlsx');
    writeSpeakerWorkbook(
      sheet,
      [
        { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bram de Vries', slot: 0 },
        { id: 'S-2', title: 'Closing', speakers: 'Ada Park', slot: 1 },
      ],
      [{ importId: 'P-ADA', name: 'Ada Park' }],
    );
    const run = await world.importCli(sheet, ['--json']);
    expect(run.code, run.stderr).toBe(0);
    const state = await world.sandbox.state();
    expect(state.custom_list_items.map((i) => i.name).sort()).toEqual(['Ada Park', 'Bram de Vries']);
    expect(state.links).toHaveLength(6);
    expect(speakerView(state).sessionSpeakers).toEqual({ 'S-1': ['Ada Park', 'Bram de Vries'], 'S-2': ['Ada Park'] });
    const mark = world.sandbox.requests().length;
    const again = await world.importCli(sheet, ['--json']);
    expect(again.code).toBe(0);
    expect(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
