import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidebookImportError } from '../../src/errors.js';
import { buildColumnMap } from '../../src/map/column-map.js';
import { loadMappingFile, parseMappingConfig } from '../../src/options/mapping-file.js';
import { GERMAN_HEADERS, loadTemplateMapping } from '../support/mapping-templates.js';

function mappingError(json: unknown, source = 'mapping.json'): string {
  try {
    parseMappingConfig(json, source);
  } catch (error) {
    expect(error).toBeInstanceOf(GuidebookImportError);
    expect((error as GuidebookImportError).code).toBe('mapping');
    return (error as Error).message;
  }
  throw new Error('expected the mapping to be refused');
}

describe('parseMappingConfig', () => {
  it('reads columns, defaults, formats and timezone, ignoring $comment keys anywhere', () => {
    const config = parseMappingConfig(
      {
        $comment: 'top',
        columns: { $comment: 'in columns', Vortrag: 'name', Notes: null },
        defaults: { $comment: 'in defaults', add_to_schedule: true, rank: 2, tracks: 'Main', description: null },
        formats: { $comment: 'in formats', date: 'd.M.yyyy', list_separator: '|', true_words: ['ja'], false_words: ['nein'] },
        timezone: 'Europe/Berlin',
      },
      'm.json',
    );
    expect(config).toEqual({
      source: 'm.json',
      columns: { Vortrag: 'name', Notes: null },
      defaults: { add_to_schedule: true, rank: 2, tracks: 'Main', description: null },
      formats: { date: 'd.M.yyyy', list_separator: '|', true_words: ['ja'], false_words: ['nein'] },
      timezone: 'Europe/Berlin',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('accepts an empty object', () => {
    expect(parseMappingConfig({}, 'm.json')).toEqual({ source: 'm.json', columns: {}, defaults: {}, formats: {} });
  });

  it('names an unknown top-level key, with the key meant', () => {
    expect(mappingError({ colums: {} })).toBe(
      'mapping.json: unknown key "colums" (did you mean "columns"? allowed: columns, defaults, formats, timezone, $comment)',
    );
  });

  it('names an unknown field in columns, with the fields it accepts', () => {
    expect(mappingError({ columns: { Title: 'title' } })).toBe(
      'mapping.json: "columns" maps "Title" to "title", which is not a field (fields: import_id, name, description, ' +
        'datetime_start, datetime_end, date, start, end, duration, timezone, all_day, tracks, locations, allow_rating, ' +
        'add_to_schedule, rank, require_login, max_capacity, waitlist, registration_start_date, registration_end_date, ' +
        'end_date, speakers, moderators, image; ' +
        'null ignores the column)',
    );
  });

  it('names an unknown default field', () => {
    expect(mappingError({ defaults: { capacity: 50 } })).toMatch(
      /^mapping\.json: "defaults" names "capacity", which is not a field \(fields: import_id, name, /,
    );
  });

  it('refuses a default import_id, an unknown zone, a word both true and false, an unknown format key', () => {
    expect(mappingError({ defaults: { import_id: 'x' } })).toBe(
      'mapping.json: "defaults" cannot set import_id: every row would get the same id',
    );
    expect(mappingError({ timezone: 'Europe/Berln' })).toBe(
      'mapping.json: "timezone" "Europe/Berln" is not an IANA time zone (e.g. "Europe/Berlin", "America/New_York")',
    );
    expect(mappingError({ formats: { true_words: ['Ja'], false_words: ['ja'] } })).toBe(
      'mapping.json: "formats": "Ja" cannot be in both true_words and false_words',
    );
    expect(mappingError({ formats: { dateformat: 'd.M.yyyy' } })).toBe(
      'mapping.json: "formats" has unknown key "dateformat" (did you mean "date"? allowed: date, list_separator, true_words, false_words, $comment)',
    );
  });

  it('lists every problem in one message', () => {
    expect(mappingError({ columns: { A: 'nope' }, formats: { true_words: 'ja' }, extra: 1 })).toBe(
      'mapping.json: unknown key "extra" (allowed: columns, defaults, formats, timezone, $comment); ' +
        '"columns" maps "A" to "nope", which is not a field (fields: import_id, name, description, datetime_start, datetime_end, ' +
        'date, start, end, duration, timezone, all_day, tracks, locations, allow_rating, add_to_schedule, rank, require_login, ' +
        'max_capacity, waitlist, registration_start_date, registration_end_date, end_date, speakers, moderators, image; null ignores the column); ' +
        '"formats" → "true_words": expected a list of words, e.g. ["ja", "j"]',
    );
  });

  it('refuses a default of the wrong type and a mapping that is not an object', () => {
    expect(mappingError({ defaults: { rank: [1] } })).toBe(
      'mapping.json: "defaults" → "rank": expected text, a number, true/false or null',
    );
    expect(mappingError(['name'])).toBe('mapping.json: expected a JSON object with "columns", "defaults", "formats" or "timezone"');
  });
});

describe('loadMappingFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gbi-mapping-'));

  it('reads a file (with a BOM) and names it in messages', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, '\uFEFF{"columns": {"Vortrag": "name"}}');
    expect(loadMappingFile(path).columns).toEqual({ Vortrag: 'name' });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"columns": {"Vortrag": "nme"}}');
    expect(() => loadMappingFile(bad)).toThrow(`${bad}: "columns" maps "Vortrag" to "nme", which is not a field`);
  });

  it('says so when the file is missing or not JSON', () => {
    expect(() => loadMappingFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the mapping file \(file not found\)$/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"columns": ');
    expect(() => loadMappingFile(broken)).toThrow(/broken\.json: not valid JSON \(/);
  });
});

describe('example mapping files in templates/mappings', () => {
  it('sched-export.json maps a Sched session export', () => {
    const config = loadTemplateMapping('sched-export.json');
    const map = buildColumnMap(
      {
        sheet: 'sessions',
        row: 1,
        headers: [
          'event_key',
          'name',
          'event_start',
          'event_end',
          'event_type',
          'event_subtype',
          'description',
          'venue',
          'speakers',
          'seats',
          'active',
          'audience',
        ],
      },
      config,
    );
    expect(map.unmapped).toEqual([]);
    expect(map.columns.map((c) => c.field)).toEqual([
      'import_id',
      'name',
      'datetime_start',
      'datetime_end',
      'tracks',
      'description',
      'locations',
      // Not named by the file: read by its alias (the Speakers column of any sheet).
      'speakers',
    ]);
    expect(config.defaults).toEqual({ add_to_schedule: true, allow_rating: true });
    // The same file reads the titled export's spelling of each column, with no warning.
    const titled = buildColumnMap(
      {
        sheet: 'S',
        row: 1,
        headers: ['Session ID', 'Session Name', 'Start Date Time', 'End Date Time', 'Venue', 'Category', 'Abstract'],
      },
      config,
    );
    expect(titled.columns.map((c) => c.field)).toEqual([
      'import_id',
      'name',
      'datetime_start',
      'datetime_end',
      'locations',
      'tracks',
      'description',
    ]);
    expect(titled.warnings).toEqual([]);
  });

  it('german-headers.json maps a German agenda with d.M.yyyy dates', () => {
    const config = loadTemplateMapping('german-headers.json');
    expect(config.formats.date).toBe('d.M.yyyy');
    expect(config.timezone).toBe('Europe/Berlin');
    const map = buildColumnMap({ sheet: 'Programm', row: 1, headers: GERMAN_HEADERS }, config);
    expect(map.unmapped).toEqual([]);
    expect(map.ignored).toEqual(['Referent', 'Bemerkung']);
    expect(map.columns.map((c) => c.field)).toEqual([
      'import_id',
      'name',
      'date',
      'start',
      'end',
      'locations',
      'tracks',
      'description',
      'allow_rating',
      'rank',
    ]);
  });
});
