import { describe, expect, it } from 'vitest';
import { buildColumnMap, checkRivalColumns, mapRow } from '../../src/map/column-map.js';
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
    const map = buildColumnMap(header('Title', 'Notes', 'Start Datetime', '', 'Internal'));
    expect(map.unmapped).toEqual(['Notes', 'Internal']);
    expect(map.warnings).toEqual([
      '2 columns are not imported (no field matches): "Notes", "Internal". Map them in a mapping file (--mapping) to import, or to null to silence this warning.',
    ]);
  });

  it('gives a field to the stronger name wherever it stands, and says so', () => {
    const map = buildColumnMap(header('name', 'Start', 'title'));
    expect(map.columns.map((c) => [c.header, c.field, c.index])).toEqual([
      ['Start', 'start', 1],
      ['title', 'name', 2],
    ]);
    expect(map.passedOver.map((c) => c.header)).toEqual(['name']);
    expect(map.rivals).toEqual([]);
    expect(map.warnings).toEqual(['"title" → name (over "name": a stronger name for it).']);
  });

  it('prefers a session id over a generic ID column', () => {
    const map = buildColumnMap(header('ID', 'Session ID', 'Title', 'Start'));
    expect(map.columns.find((c) => c.field === 'import_id')?.header).toBe('Session ID');
    expect(map.rivals).toEqual([]);
  });

  it('prefers Date over Day, Track over Category, Room over Venue, Start over Time', () => {
    const map = buildColumnMap(header('Day', 'Date', 'Time', 'Start', 'Category', 'Track', 'Venue', 'Room', 'Title'));
    expect(map.columns.map((c) => c.header)).toEqual(['Date', 'Start', 'Track', 'Room', 'Title']);
    const rooms = buildColumnMap(header('Title', 'Start', 'Location', 'Room', 'Abstract', 'Description'));
    expect(rooms.columns.map((c) => c.header)).toEqual(['Title', 'Start', 'Room', 'Description']);
    expect(rooms.rivals).toEqual([]);
  });

  it('never takes a speaker column for the session name', () => {
    const map = buildColumnMap(header('Speaker Name', 'Session', 'Time'));
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Speaker Name', 'speakers'],
      ['Session', 'name'],
      ['Time', 'start'],
    ]);
  });

  it('keeps two equally strong columns as rivals for the rows to settle', () => {
    const map = buildColumnMap(header('Talk', 'Event', 'Start'));
    expect(map.columns.map((c) => c.header)).toEqual(['Talk', 'Start']);
    expect(map.rivals.map((r) => [r.field, r.kept.header, r.other.header])).toEqual([['name', 'Talk', 'Event']]);
  });

  it('refuses a sheet with no name column, listing what it found and what it accepts', () => {
    const error = thrown(() => buildColumnMap(header('Notes', 'Date', 'Start')));
    expect(error.code).toBe('mapping');
    expect(error.message).toContain('No column gives the session name. Accepted headers: Title, Session Title, Session Name, Event Name');
    expect(error.message).toContain('Titel, Titre');
    expect(error.message).toContain('Columns found: "Notes", "Date", "Start".');
    expect(error.message).toContain('guidebook-import template');
    expect(error.message).not.toContain('session start');
  });

  it('refuses a sheet with no start of any kind', () => {
    const error = thrown(() => buildColumnMap(header('Title', 'End', 'Room')));
    expect(error.code).toBe('mapping');
    expect(error.message).toContain('No column gives the session start.');
    expect(error.message).toContain('a date (Date, Session Date, Start Date, Event Date, Fecha');
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
    const map = buildColumnMap(header('Titel', 'Vortrag', 'Beginn', 'Internal Notes', 'Bemerkung'), mapping);
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Vortrag', 'name'],
      ['Beginn', 'datetime_start'],
    ]);
    expect(map.ignored).toEqual(['Titel', 'Internal Notes']);
    expect(map.unmapped).toEqual(['Bemerkung']);
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
    expect(map.warnings).toEqual(['"Vortrag" → name (over "Title": the mapping file maps it).']);
  });

  it('warns about a mapped column the sheet does not have, unless its field is required', () => {
    const series = parseMappingConfig(
      { columns: { Title: 'name', Raum: 'locations', 'Session ID': 'import_id', event_key: 'import_id' } },
      'm.json',
    );
    const map = buildColumnMap(header('Title', 'Start', 'Session ID'), series);
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Title', 'name'],
      ['Start', 'start'],
      ['Session ID', 'import_id'],
    ]);
    // event_key is another spelling of a field the sheet has: not news; Raum's field is missing.
    expect(map.warnings).toEqual(['m.json: "columns" maps "Raum" (locations), not a column of this sheet: that field is not imported.']);
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
        speakers: { column: 'Speaker', value: 'Ada' },
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

describe('mapRow with several speaker columns', () => {
  it('joins the non-blank texts of Speaker 1..N in column order, named by the first column', () => {
    const map = buildColumnMap(header('Title', 'Start', 'Speaker 1', 'Speaker 2', 'Speaker 3', 'Moderator'));
    expect(map.columns.filter((c) => c.field === 'speakers').map((c) => c.header)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 3']);
    const row = mapRow({ sheet: 'A', row: 2, cells: ['Panel', '9:00', 'Ada', '', 'Grace', 'Linus'] }, map);
    expect(row.fields.speakers).toEqual({ column: 'Speaker 1', value: 'Ada\nGrace' });
    expect(row.fields.moderators).toEqual({ column: 'Moderator', value: 'Linus' });
    const second = mapRow({ sheet: 'A', row: 3, cells: ['Talk', '10:00', null, 'Alan', null, null] }, map);
    expect(second.fields.speakers).toEqual({ column: 'Speaker 1', value: 'Alan' });
    const none = mapRow({ sheet: 'A', row: 4, cells: ['Break', '11:00', null, null, null, null] }, map);
    expect(none.fields.speakers).toEqual({ column: 'Speaker 1', value: null });
  });

  it('joins Presenter1..3 the same way', () => {
    const map = buildColumnMap(header('Session', 'Time', 'Presenter1', 'Presenter2', 'Presenter3'));
    const row = mapRow({ sheet: 'A', row: 2, cells: ['Panel', '9:00', 'A', 'B', 'C'] }, map);
    expect(row.fields.speakers?.value).toBe('A\nB\nC');
  });
});

describe('checkRivalColumns', () => {
  const raw = (row: number, ...cells: string[]) => ({ sheet: 'A', row, cells });

  it('lets equal columns pass when no row fills both with different texts, with a note', () => {
    const map = buildColumnMap(header('Talk', 'Event', 'Start'));
    const notes = checkRivalColumns(map, [
      raw(2, 'Keynote', 'Keynote', '9:00'),
      raw(3, 'Lunch', '', '12:00'),
      raw(4, '', 'Party', '19:00'),
    ]);
    expect(notes).toEqual(['Columns "Talk" and "Event" both give name and agree on every row: using "Talk".']);
  });

  it('stops at the first row where they differ, naming both columns and the mapping line', () => {
    const map = buildColumnMap(header('Talk', 'Event', 'Start'));
    const error = thrown(() => checkRivalColumns(map, [raw(2, 'Keynote', 'Keynote', '9:00'), raw(3, 'Rust', 'Day 1', '10:00')]));
    expect(error.code).toBe('mapping');
    expect(error.message).toBe(
      'Columns "Talk" and "Event" both give name with equal weight, and differ in row 3 ("Rust" and "Day 1"). Say which one to use: add ' +
        '{"columns": {"Event": null}} to a --mapping file (or {"columns": {"Talk": null}} to use the other one).',
    );
  });

  it('is settled by the mapping line it suggests', () => {
    const settled = buildColumnMap(header('Talk', 'Event', 'Start'), parseMappingConfig({ columns: { Event: null } }, 'm.json'));
    expect(settled.rivals).toEqual([]);
    expect(checkRivalColumns(settled, [raw(3, 'Rust', 'Day 1', '10:00')])).toEqual([]);
  });

  it('has nothing to settle between a stronger and a weaker name', () => {
    const map = buildColumnMap(header('Title', 'Name', 'Start'));
    expect(checkRivalColumns(map, [raw(2, 'Keynote', 'Ada Lovelace', '9:00')])).toEqual([]);
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
