import { describe, expect, it } from 'vitest';
import { buildColumnMap, mapRow } from '../../src/map/column-map.js';
import { CANONICAL_COLUMNS } from '../../src/map/fields.js';
import { parseMappingConfig } from '../../src/options/mapping-file.js';
import type { SheetHeader } from '../../src/types.js';
import { thrown } from '../support/thrown.js';

function header(...headers: string[]): SheetHeader {
  return { sheet: 'Agenda', row: 1, headers };
}

describe('buildColumnMap', () => {
  it("maps the importer's canonical columns with no mapping file", () => {
    const map = buildColumnMap(header(...CANONICAL_COLUMNS.map((c) => c.header)));
    expect(map.unmapped).toEqual([]);
    expect(map.warnings).toEqual([]);
    expect(map.columns.map((c) => [c.header, c.field])).toEqual(CANONICAL_COLUMNS.map((c) => [c.header, c.field]));
  });

  it("maps Guidebook Builder's schedule template with no mapping file", () => {
    const map = buildColumnMap(
      header('Session Title', 'Date', 'Time Start', 'Time End', 'Room/Location', 'Schedule Track (Optional)', 'Description (Optional)'),
    );
    expect(map.columns.map((c) => c.field)).toEqual(['name', 'date', 'start', 'end', 'locations', 'tracks', 'description']);
    expect(map.unmapped).toEqual([]);
  });

  it('lists unmapped columns in one warning', () => {
    const map = buildColumnMap(header('Title', 'Speaker', 'Start Datetime', '', 'Notes'));
    expect(map.unmapped).toEqual(['Speaker', 'Notes']);
    expect(map.warnings).toEqual([
      '2 columns are not imported (no field matches): "Speaker", "Notes". Map them in a mapping file (--mapping) to import, or to null to silence this warning.',
    ]);
  });

  it('keeps the first of two columns for one field, and warns', () => {
    const map = buildColumnMap(header('Title', 'Start', 'Name'));
    expect(map.columns.map((c) => [c.header, c.field, c.index])).toEqual([
      ['Title', 'name', 0],
      ['Start', 'start', 1],
    ]);
    expect(map.warnings).toEqual(['Columns "Title" and "Name" both map to name: using "Title", ignoring "Name".']);
  });

  it('refuses a sheet with no name column, listing what it found and what it accepts', () => {
    const error = thrown(() => buildColumnMap(header('Talk', 'Date', 'Start')));
    expect(error.code).toBe('mapping');
    expect(error.message).toContain(
      'No column gives the session name. Accepted headers: Title, Session Title, Session Name, Session, Name',
    );
    expect(error.message).toContain('Columns found: "Talk", "Date", "Start".');
    expect(error.message).not.toContain('session start');
  });

  it('refuses a sheet with no start of any kind', () => {
    const error = thrown(() => buildColumnMap(header('Title', 'End', 'Room')));
    expect(error.code).toBe('mapping');
    expect(error.message).toContain('No column gives the session start.');
    expect(error.message).toContain('a date (Date, Day, Session Date, Start Date');
    expect(error.message).not.toContain('session name');
  });

  it('accepts a Start column alone (date-times in it) or a Date alone (all-day)', () => {
    expect(buildColumnMap(header('Title', 'Start')).fields.has('start')).toBe(true);
    expect(buildColumnMap(header('Title', 'Date')).fields.has('date')).toBe(true);
  });
});

describe('buildColumnMap with a mapping file', () => {
  const mapping = parseMappingConfig(
    {
      columns: { Vortrag: 'name', Beginn: 'datetime_start', Titel: null, 'internal notes': null },
      defaults: { add_to_schedule: true, tracks: 'Main' },
    },
    'map.json',
  );

  it('lets the file override aliases, ignore columns and add defaults', () => {
    const map = buildColumnMap(header('Titel', 'Vortrag', 'Beginn', 'Internal Notes', 'Raum'), mapping);
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Vortrag', 'name'],
      ['Beginn', 'datetime_start'],
    ]);
    expect(map.ignored).toEqual(['Titel', 'Internal Notes']);
    expect(map.unmapped).toEqual(['Raum']);
    expect([...map.fields].sort()).toEqual(['add_to_schedule', 'datetime_start', 'name', 'tracks']);
  });

  it('gives an explicit mapping its field even over an earlier alias column', () => {
    const map = buildColumnMap(
      header('Title', 'Vortrag', 'Beginn'),
      parseMappingConfig({ columns: { Vortrag: 'name', Beginn: 'start' } }, 'm.json'),
    );
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Vortrag', 'name'],
      ['Beginn', 'start'],
    ]);
    expect(map.warnings).toEqual(['Columns "Vortrag" and "Title" both map to name: using "Vortrag", ignoring "Title".']);
  });

  it('refuses a mapped column the sheet does not have, naming it and the columns', () => {
    const bad = parseMappingConfig({ columns: { 'Sesion Title': 'name' } }, 'mapping.json');
    const error = thrown(() => buildColumnMap(header('Session Title', 'Date', 'Time Start'), bad));
    expect(error.code).toBe('mapping');
    expect(error.message).toBe(
      'mapping.json: "columns" maps "Sesion Title", which is not a column of the sheet (columns: "Session Title", "Date", "Time Start")',
    );
  });

  it('does not mind ignoring a column the sheet lacks', () => {
    const ignoring = parseMappingConfig({ columns: { Title: 'name', Speakers: null } }, 'm.json');
    expect(buildColumnMap(header('Title', 'Start'), ignoring).ignored).toEqual([]);
  });

  it('matches mapped headers forgivingly too', () => {
    const loose = parseMappingConfig({ columns: { 'VORTRAG ': 'name', beginn: 'start' } }, 'm.json');
    expect(buildColumnMap(header('Vortrag', 'Beginn'), loose).columns.map((c) => c.header)).toEqual(['Vortrag', 'Beginn']);
  });
});

describe('mapRow', () => {
  it('puts every mapped cell in the row, null for missing trailing cells', () => {
    const map = buildColumnMap(header('Speaker', 'Title', 'Start', 'End'));
    const row = mapRow({ sheet: 'Agenda', row: 2, cells: ['Ada', 'Keynote', '2027-03-14 09:00'] }, map);
    expect(row).toEqual({
      sheet: 'Agenda',
      row: 2,
      fields: {
        name: { column: 'Title', value: 'Keynote' },
        start: { column: 'Start', value: '2027-03-14 09:00' },
        end: { column: 'End', value: null },
      },
    });
  });

  it('fills defaults into empty cells and into fields with no column, as "(default)"', () => {
    const mapping = parseMappingConfig({ defaults: { add_to_schedule: true, tracks: 'Main' } }, 'm.json');
    const map = buildColumnMap(header('Title', 'Start', 'Track'), mapping);
    const filled = mapRow({ sheet: 'A', row: 3, cells: ['Talk', '9:00', '  '] }, map);
    expect(filled.fields.tracks).toEqual({ column: '(default)', value: 'Main' });
    expect(filled.fields.add_to_schedule).toEqual({ column: '(default)', value: true });
    const own = mapRow({ sheet: 'A', row: 4, cells: ['Talk', '9:00', 'AI'] }, map);
    expect(own.fields.tracks).toEqual({ column: 'Track', value: 'AI' });
  });
});

describe('the shipped templates', () => {
  it('map with no mapping file (header rows of templates/*.csv)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['agenda-template.csv', 'guidebook-builder-schedule-template.csv']) {
      const path = new URL(`../../templates/${name}`, import.meta.url);
      const headers = readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/, 1)[0]!
        .split(',');
      const map = buildColumnMap({ sheet: name, row: 1, headers });
      expect(map.unmapped, name).toEqual([]);
      expect(map.warnings, name).toEqual([]);
    }
  });
});
