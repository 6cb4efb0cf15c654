// validate --explain and --write-mapping: what the importer made of each field (its column, why,
// its format, three sample cells and what each became), and the same decisions as a mapping
// file that loads back into the same column map.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildColumnMap } from '../../src/map/column-map.js';
import { formatExplanation, mappingFileFor } from '../../src/map/explain.js';
import { parseMappingConfig } from '../../src/options/mapping-file.js';
import { readSheet } from '../../src/pipeline/sheet-rows.js';
import { validateFile } from '../../src/pipeline/validate-file.js';
import { tempDir } from '../support/temp-dir.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agendas/${name}`, import.meta.url));

describe('validate --explain', () => {
  it('gives per field its column, why, and three samples with their result or problem', async () => {
    const dir = tempDir('gi-explain');
    const file = join(dir, 'agenda.csv');
    writeFileSync(
      file,
      [
        'Talk,name,Datum,Uhrzeit,Raum',
        'Keynote,Ada,2027-05-18,09:00,Saal A',
        'Rust,Grace,2027-05-18,nine,Saal B',
        'Lunch,,2027-05-18,12:00,',
        'Party,Linus,2027-05-18,19:00,Foyer',
      ].join('\n'),
    );
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin', explain: true });
    const explain = document.explain!;
    expect(explain).toMatchObject({ sheet: 'agenda.csv', headerRow: 1, layout: null, mapping: null, unmapped: [], ignored: [] });
    const byField = Object.fromEntries(explain.fields.map((f) => [f.field, f]));
    expect(Object.keys(byField)).toEqual(['name', 'date', 'start', 'locations']);
    expect(byField.name).toMatchObject({ columns: ['Talk'], from: 'alias', over: ['name'] });
    expect(byField.name!.samples).toEqual([
      { row: 2, value: 'Keynote', result: 'Keynote', ok: true },
      { row: 3, value: 'Rust', result: expect.stringMatching(/^✗ row not imported: /), ok: false },
      { row: 4, value: 'Lunch', result: 'Lunch', ok: true },
    ]);
    expect(byField.start!.samples[0]).toEqual({ row: 2, value: '09:00', result: '2027-05-18T07:00:00.000Z', ok: true });
    expect(byField.start!.samples[1]).toMatchObject({ row: 3, value: 'nine', ok: false });
    expect(byField.start!.samples[1]!.result).toMatch(/^✗ Row 3, column "Uhrzeit": "nine"/);
    // A blank cell is no sample: Foyer is the third room.
    expect(byField.locations!.samples.map((s) => [s.row, s.value, s.result])).toEqual([
      [2, 'Saal A', '["Saal A"]'],
      [3, 'Saal B', expect.stringMatching(/^✗/)],
      [5, 'Foyer', '["Foyer"]'],
    ]);
    const text = formatExplanation(explain);
    expect(text).toContain('name ← "Talk" [alias] (over "name")');
    expect(text).toContain('row 2: "09:00" → 2027-05-18T07:00:00.000Z');
  });

  it('names the recognised export and its formats', async () => {
    const { document } = await validateFile(fixture('google-calendar.csv'), { timezone: 'Europe/Berlin', explain: true });
    const explain = document.explain!;
    expect(explain.layout).toBe('Google Calendar CSV export');
    const date = explain.fields.find((f) => f.field === 'date')!;
    expect(date).toMatchObject({ columns: ['Start Date'], from: 'Google Calendar CSV export', format: 'date M/d/yyyy' });
    expect(date.samples.map((s) => [s.value, s.result])).toEqual([
      ['05/18/2027', '2027-05-18T07:00:00.000Z'],
      ['05/18/2027', '2027-05-18T11:30:00.000Z'],
      ['05/19/2027', '2027-05-18T22:00:00.000Z'],
    ]);
  });

  it('is left out of the document unless asked for', async () => {
    const { document } = await validateFile(fixture('de-programm.csv'), { timezone: 'Europe/Berlin' });
    expect(document.explain).toBeUndefined();
  });
});

describe('--write-mapping', () => {
  it('writes a mapping file that loads back into the same column map', async () => {
    for (const name of ['en-competing-columns.csv', 'en-speaker-columns.csv', 'sessionize-sessions.csv', 'ja-program.csv']) {
      const sheet = await readSheet({ file: fixture(name) });
      const written = mappingFileFor(sheet.columnMap, sheet.mapping ?? sheet.parts[0]?.layoutMapping);
      const reloaded = parseMappingConfig(JSON.parse(JSON.stringify(written)), 'written.json');
      const again = buildColumnMap(sheet.header, reloaded);
      expect(again.columns, name).toEqual(sheet.columnMap.columns);
      expect(again.rivals, name).toEqual([]);
      expect(again.unmapped, name).toEqual([]);
    }
  });

  it('settles rivals and keeps the layout formats', async () => {
    const map = buildColumnMap({ sheet: 'S', row: 1, headers: ['Talk', 'Event', 'Start', 'Notes'] });
    expect(mappingFileFor(map, undefined)).toEqual({
      $comment: expect.stringContaining('Written by guidebook-import validate --write-mapping from sheet "S"'),
      columns: { Talk: 'name', Start: 'start', Event: null, Notes: null },
    });
    const sheet = await readSheet({ file: fixture('google-calendar.csv') });
    expect(mappingFileFor(sheet.columnMap, sheet.parts[0]?.layoutMapping)).toMatchObject({ formats: { date: 'M/d/yyyy' } });
  });
});
