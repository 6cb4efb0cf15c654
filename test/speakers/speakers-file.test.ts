// --speakers FILE: the speakers in a CSV of their own beside a CSV agenda, headers in another
// language (the Speakers-sheet field table's aliases), linked by the Sessions column as well.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { speakerView } from './speaker-world.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
}, 120_000);
afterAll(cleanUp);

describe('import --speakers FILE', { timeout: 120_000 }, () => {
  it('reads a German speakers CSV, links by cell and by its Sessions column, and a re-run writes nothing', async () => {
    const agenda = join(world.dir, 'agenda.csv');
    writeFileSync(
      agenda,
      [
        'Import ID,Title,Date,Start,End,Speakers',
        'S-1,Eröffnung,2027-05-10,9:00,9:30,Jürgen Groß',
        'S-2,Daten,2027-05-10,10:00,10:30,',
      ].join('\n'),
    );
    const speakers = join(world.dir, 'referenten.csv');
    writeFileSync(
      speakers,
      [
        'Referent;Position;Firma;Biografie;E-Mail;Sitzungen',
        'Jürgen Groß;CEO;Beispiel GmbH;Baut Dinge.;jg@example.de;S-2',
        'Anna Berg;;;;;S-2',
      ].join('\n'),
    );
    const run = await world.importCli(agenda, ['--speakers', speakers, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, speakers: { created: 2 } });
    const view = speakerView(await world.sandbox.state());
    expect(view.sessionSpeakers).toEqual({ 'S-1': ['Jürgen Groß'], 'S-2': ['Jürgen Groß', 'Anna Berg'] });
    expect(view.items.find((item) => item.name === 'Jürgen Groß')).toMatchObject({
      subtitle: 'CEO, Beispiel GmbH',
      contact_email: 'jg@example.de',
      import_id: 'speaker:email:jg@example.de',
    });
    const mark = world.sandbox.requests().length;
    const again = await world.importCli(agenda, ['--speakers', speakers, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: 2, speakers: { unchanged: 2 } });
    expect(world.sandbox.requestsSince(mark).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a speakers file without a Name column is one clear line and exit 2, before any request', async () => {
    const agenda = join(world.dir, 'agenda.csv');
    const bad = join(world.dir, 'bad-speakers.csv');
    writeFileSync(bad, ['Email,Company', 'a@example.org,Acme'].join('\n'));
    const mark = world.sandbox.requests().length;
    const run = await world.importCli(agenda, ['--speakers', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no Name column/);
    expect(world.sandbox.requestsSince(mark)).toEqual([]);
  });
});
