// One small agenda per language (test/fixtures/agendas/<lang>-*.csv), headers as people write
// them in that language: every column maps with no mapping file, and the sessions come out with
// the hand-worked UTC times (Europe/Berlin, CEST = UTC+2 on 18 May 2027).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline/validate-file.js';
import { readSheet } from '../../src/pipeline/sheet-rows.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agendas/${name}`, import.meta.url));

const LANGUAGES: Array<[string, string, [string, string]]> = [
  ['de', 'de-programm.csv', ['Eröffnung', 'Datenbanken im Wandel']],
  ['es', 'es-programa.csv', ['Apertura', 'Datos abiertos']],
  ['fr', 'fr-programme.csv', ['Ouverture', 'Données ouvertes']],
  ['it', 'it-programma.csv', ['Apertura', 'Dati aperti']],
  ['pt', 'pt-programacao.csv', ['Abertura', 'Dados abertos']],
  ['nl', 'nl-programma.csv', ['Opening', 'Open data']],
  ['ja', 'ja-program.csv', ['開会の挨拶', 'オープンデータ入門']],
];

describe('agendas in eight languages, no mapping file', () => {
  for (const [language, file, names] of LANGUAGES) {
    it(`maps every column of the ${language} agenda and reads its sessions`, async () => {
      const sheet = await readSheet({ file: fixture(file) });
      expect(sheet.columnMap.unmapped).toEqual([]);
      expect(sheet.warnings).toEqual([]);
      expect(sheet.columnMap.columns.map((c) => c.field)).toEqual([
        'import_id',
        'name',
        'date',
        'start',
        'end',
        'locations',
        'speakers',
        'tracks',
        'description',
      ]);
      const { document } = await validateFile(fixture(file), { timezone: 'Europe/Berlin' });
      expect(document.summary.invalid).toBe(0);
      expect(document.rows.map((r) => [r.import_id, r.name, r.fields?.start_time, r.fields?.end_time])).toEqual([
        [`${language}-1`, names[0], '2027-05-18T07:00:00.000Z', '2027-05-18T07:30:00.000Z'],
        [`${language}-2`, names[1], '2027-05-18T08:00:00.000Z', '2027-05-18T08:45:00.000Z'],
      ]);
    });
  }

  it('names sessions by their title, never by a name column of speakers', async () => {
    const { document } = await validateFile(fixture('en-competing-columns.csv'), { timezone: 'Europe/Berlin' });
    expect(document.rows.map((r) => r.name)).toEqual(['Analytical Engines', 'Compilers for Everyone']);
    expect(document.warnings).toContain('"title" → name (over "name": a stronger name for it).');
  });

  it('joins Speaker 1..3 into the one speakers cell, and reads Talk/Time/Room', async () => {
    const sheet = await readSheet({ file: fixture('en-speaker-columns.csv') });
    expect(sheet.columnMap.unmapped).toEqual([]);
    const byField = Object.fromEntries(sheet.columnMap.columns.map((c) => [c.header, c.field]));
    expect(byField).toEqual({
      'Session ID': 'import_id',
      Talk: 'name',
      Time: 'start',
      Room: 'locations',
      'Speaker 1': 'speakers',
      'Speaker 2': 'speakers',
      'Speaker 3': 'speakers',
      Moderator: 'moderators',
    });
    const { document } = await validateFile(fixture('en-speaker-columns.csv'), { timezone: 'Europe/Berlin' });
    expect(document.rows.map((r) => [r.name, r.fields?.start_time, r.action])).toEqual([
      ['Panel: Open Data', '2027-05-18T07:00:00.000Z', 'create'],
      ['Solo Talk', '2027-05-18T08:00:00.000Z', 'create'],
    ]);
  });
});
