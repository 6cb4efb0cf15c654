import { describe, expect, it } from 'vitest';
import { buildColumnMap, mapRow } from '../../src/map/column-map.js';
import type { MappingConfig } from '../../src/map/mapping-config.js';
import { parseMappingConfig } from '../../src/options/mapping-file.js';
import type { CellValue, ConvertedRow, SheetSession } from '../../src/types.js';
import {
  type ConvertOptions,
  convertOptionsFor,
  collectSheetFacts,
  convertRows,
  convertSheetRows,
} from '../../src/validate/convert-rows.js';
import { GERMAN_HEADERS, loadTemplateMapping } from '../support/mapping-templates.js';

/** Runs the real map stage and convertRows over a small sheet. */
function convert(headers: string[], rows: CellValue[][], options: ConvertOptions = { timezone: 'Europe/Berlin' }, mapping?: MappingConfig) {
  const map = buildColumnMap({ sheet: 'Agenda', row: 1, headers }, mapping);
  const mapped = rows.map((cells, i) => mapRow({ sheet: 'Agenda', row: i + 2, cells }, map));
  return convertRows(mapped, options);
}

function session(row: ConvertedRow | undefined): SheetSession {
  if (!row?.ok) throw new Error(`expected a valid row, got ${JSON.stringify(row)}`);
  return row.session;
}

function messages(row: ConvertedRow | undefined): string[] {
  if (!row || row.ok) throw new Error(`expected an invalid row, got ${JSON.stringify(row)}`);
  return row.issues.map((i) => i.message);
}

const CANONICAL = [
  'Import ID',
  'Title',
  'Date',
  'Start',
  'End',
  'Track(s)',
  'Room/Location',
  'Description',
  'Allow Rating',
  'Max Capacity',
  'Require Login',
  'Add to Schedule',
  'Rank',
];

describe('convertRows', () => {
  it('turns a canonical row into the session it would write', () => {
    const { rows, warnings } = convert(CANONICAL, [
      [
        'S-1',
        ' Opening  Keynote ',
        '2027-03-14',
        '9:00',
        '10:15',
        'Main; AI; main',
        'Hall A, Level 2; Hall B',
        'Welcome & hello\n\nSecond',
        'yes',
        '120',
        'yes',
        'yes',
        '1,5',
      ],
    ]);
    expect(warnings).toEqual([]);
    expect(session(rows[0])).toEqual({
      sheet: 'Agenda',
      row: 2,
      fields: {
        name: 'Opening  Keynote',
        import_id: 'S-1',
        description_html: '<p>Welcome &amp; hello</p><p>Second</p>',
        allow_rating: true,
        add_to_schedule: true,
        require_login: true,
        rank: 1.5,
        max_capacity: 120,
        start_time: '2027-03-14T08:00:00.000Z',
        end_time: '2027-03-14T09:15:00.000Z',
        all_day: false,
      },
      tracks: ['Main', 'AI'],
      locations: ['Hall A, Level 2', 'Hall B'],
      mapped: [
        'import_id',
        'name',
        'start_time',
        'all_day',
        'end_time',
        'description_html',
        'allow_rating',
        'add_to_schedule',
        'rank',
        'require_login',
        'max_capacity',
        'schedule_tracks',
        'locations',
      ],
      zone: 'Europe/Berlin',
      derivedImportId: false,
      warnings: [],
    });
  });

  it('maps only what the sheet has: no end column, no end_time; blank yes/no cells left alone', () => {
    const { rows } = convert(['Title', 'Start Datetime', 'Allow Rating'], [['Talk', '2027-03-14 09:00', '']]);
    const s = session(rows[0]);
    expect(s.mapped).toEqual(['import_id', 'name', 'start_time', 'all_day', 'allow_rating']);
    expect(s.fields.end_time).toBeNull();
    expect('allow_rating' in s.fields).toBe(false);
  });

  it('reads blanks as no in a column of x marks', () => {
    const { rows } = convert(
      ['Title', 'Start Datetime', 'Allow Rating'],
      [
        ['A', '2027-03-14 09:00', 'x'],
        ['B', '2027-03-14 10:00', ''],
      ],
    );
    expect(session(rows[0]).fields.allow_rating).toBe(true);
    expect(session(rows[1]).fields.allow_rating).toBe(false);
  });

  it('reads a Start column of full date-times when there is no Date column', () => {
    const { rows } = convert(['Title', 'Start', 'End'], [['Talk', '2027-03-14 09:00', '2027-03-14 10:00']]);
    expect(session(rows[0]).fields).toMatchObject({ start_time: '2027-03-14T08:00:00.000Z', end_time: '2027-03-14T09:00:00.000Z' });
  });

  it('names row, column and value in every issue, and reads the whole row', () => {
    const { rows } = convert(CANONICAL, [
      ['S-2', '', '2027-03-14', '9:00', '10:00', '', '', '', 'maybe', 'lots', '', '', 'first'],
      ['S-3', 'x'.repeat(256), '2027-03-14', '9:00', '10:00', '', '', '', '', '0', '', '', ''],
    ]);
    expect(messages(rows[0])).toEqual([
      'Row 2, column "Title": "" is empty, and every session needs a name',
      'Row 2, column "Allow Rating": "maybe" is not yes or no (use yes/no, y/n, true/false, t/f, 1/0, on/off, or x/blank)',
      'Row 2, column "Rank": "first" is not a number',
      'Row 2, column "Max Capacity": "lots" is not a whole number',
    ]);
    expect(rows[0]).toMatchObject({ ok: false, sheet: 'Agenda', row: 2, import_id: 'S-2' });
    expect(messages(rows[1])).toEqual([
      `Row 3, column "Title": "${'x'.repeat(60)}…" (256 characters) is 256 characters long; a name can have at most 255`,
      'Row 3, column "Max Capacity": "0" is not a positive whole number (at least 1)',
    ]);
  });

  it('refuses a capacity that is not whole, an overlong import_id and an overlong description', () => {
    const { rows } = convert(CANONICAL, [
      ['S-4', 'Talk', '2027-03-14', '9:00', '10:00', '', '', '', '', '10.5', 'yes', 'yes', ''],
      ['i'.repeat(256), 'Talk', '2027-03-14', '9:00', '10:00', '', '', 'y'.repeat(19_995), '', '', '', '', ''],
    ]);
    expect(messages(rows[0])).toEqual(['Row 2, column "Max Capacity": "10.5" is not a whole number']);
    const long = messages(rows[1]);
    expect(long[0]).toBe(
      `Row 3, column "Import ID": "${'i'.repeat(60)}…" (256 characters) is 256 characters long; an import_id can have at most 255`,
    );
    expect(long[1]).toBe(
      `Row 3, column "Description": "${'y'.repeat(60)}…" (19,995 characters) is 20,002 characters as HTML; Guidebook accepts at most 20,000`,
    );
    expect(rows[1]).toMatchObject({ ok: false, import_id: undefined });
  });

  it('keeps a sanitised description valid, with a warning naming what went', () => {
    const { rows } = convert(
      ['Title', 'Start Datetime', 'Description'],
      [['Talk', '2027-03-14 09:00', '<p onclick="x()">Hi</p><script>bad()</script>']],
    );
    const s = session(rows[0]);
    expect(s.fields.description_html).toBe('<p>Hi</p>');
    expect(s.warnings).toEqual([
      {
        code: 'html_sanitised',
        severity: 'warning',
        message:
          'Row 2, column "Description": "<p onclick=\\"x()\\">Hi</p><script>bad()</script>" holds HTML Guidebook does not allow; removed onclick on <p>, <script>',
        sheet: 'Agenda',
        row: 2,
        column: 'Description',
        value: '<p onclick="x()">Hi</p><script>bad()</script>',
      },
    ]);
  });

  it('checks the rules between fields, registration dates included', () => {
    const headers = [
      'Title',
      'Start Datetime',
      'End Datetime',
      'Require Login',
      'Max Capacity',
      'Waitlist',
      'Registration Start',
      'Registration End',
    ];
    const { rows } = convert(headers, [
      ['A', '2027-03-14 09:00', '2027-03-14 09:00', 'no', '50', 'yes', '2027-03-01 09:00', ''],
      ['B', '2027-03-14 09:00', '2027-03-14 10:00', 'yes', '', 'yes', '2027-03-02 09:00', '2027-03-01 09:00'],
      ['C', '2027-03-14 09:00', '2027-03-14 10:00', 'yes', '40', 'yes', '2027-03-01 09:00', '2027-03-10 18:00'],
    ]);
    expect(messages(rows[0])).toEqual([
      'Row 2, column "End Datetime": "2027-03-14 09:00" is not after the start (start "2027-03-14 09:00")',
      'Row 2, column "Max Capacity": "50" needs Require Login to be yes (column "Require Login" says "no")',
      'Row 2, column "Registration Start": "2027-03-01 09:00" needs Require Login to be yes (column "Require Login" says "no")',
    ]);
    expect(messages(rows[1])).toEqual([
      'Row 3, column "Waitlist": "yes" needs a Max Capacity (column "Max Capacity" is empty)',
      'Row 3, column "Registration End": "2027-03-01 09:00" is not after the registration start ("2027-03-02 09:00")',
    ]);
    expect(session(rows[2]).fields).toMatchObject({
      registration_start_date: '2027-03-01T08:00:00.000Z',
      registration_end_date: '2027-03-10T17:00:00.000Z',
      max_capacity: 40,
      waitlist: true,
    });
  });

  it('passes the time stage issues through', () => {
    const { rows } = convert(['Title', 'Date', 'Start'], [['Talk', '2027-02-31', '9:00']]);
    expect(rows[0]).toMatchObject({ ok: false, name: 'Talk' });
    if (rows[0]!.ok) return;
    expect(rows[0]!.issues.map((i) => [i.code, i.column])).toEqual([['bad_date', 'Date']]);
    expect(rows[0]!.issues[0]!.message).toMatch(/^Row 2, column "Date": "2027-02-31" /);
  });

  it('shortens a long bad value in every message, noting its length', () => {
    const date = `2027-03-14 ${'9'.repeat(1_000)}`;
    const { rows } = convert(['Title', 'Date'], [['Talk', date]]);
    const [message] = messages(rows[0]);
    expect(message).toBe(`Row 2, column "Date": "${date.slice(0, 60)}…" (1,011 characters) is not a date (expected yyyy-MM-dd)`);
    expect(message!.length).toBeLessThan(160);
  });

  it('reads every yes/no column with one vocabulary: "on" and "t" in All Day and Allow Rating alike', () => {
    const { rows } = convert(
      ['Title', 'Date', 'Start', 'All Day', 'Allow Rating'],
      [
        ['A', '2027-03-14', '', 'on', 't'],
        ['B', '2027-03-14', '9:00', 'f', 'off'],
        ['C', '2027-03-14', '9:00', 'maybe', 'maybe'],
      ],
    );
    expect(session(rows[0]).fields).toMatchObject({ all_day: true, allow_rating: true });
    expect(session(rows[1]).fields).toMatchObject({ all_day: false, allow_rating: false });
    const hint = 'is not yes or no (use yes/no, y/n, true/false, t/f, 1/0, on/off, or x/blank)';
    expect(messages(rows[2])).toEqual([`Row 4, column "Allow Rating": "maybe" ${hint}`, `Row 4, column "All Day": "maybe" ${hint}`]);
  });

  it('derives stable ids for rows without one and warns once with the count', () => {
    const sheet: CellValue[][] = [
      ['', 'Lunch', '2027-03-14', '12:00', '13:00'],
      [null, 'Coffee', '2027-03-14', '15:00', '15:30'],
      ['S-9', 'Dinner', '2027-03-14', '19:00', '21:00'],
    ];
    const first = convert(['Import ID', 'Title', 'Date', 'Start', 'End'], sheet);
    const again = convert(['Import ID', 'Title', 'Date', 'Start', 'End'], sheet);
    expect(first.rows.map((r) => session(r).fields.import_id)).toEqual(again.rows.map((r) => session(r).fields.import_id));
    expect(session(first.rows[0]).fields.import_id).toMatch(/^gbi-[0-9a-f]{16}$/);
    expect(first.rows.map((r) => session(r).derivedImportId)).toEqual([true, true, false]);
    expect(first.warnings).toEqual([
      "2 rows have no import_id, so each got an id derived from its title and start (gbi-…). Editing those rows' title or start later will create a duplicate session instead of updating it: add an Import ID column to avoid it.",
    ]);
  });

  it('makes every row sharing an import_id a conflict', () => {
    const { rows } = convert(
      ['ID', 'Title', 'Start Datetime'],
      [
        ['S-12', 'A', '2027-03-14 09:00'],
        ['S-13', 'B', '2027-03-14 09:00'],
        ['S-12', 'C', '2027-03-14 10:00'],
        [' S-12 ', 'D', '2027-03-14 11:00'],
      ],
    );
    expect(rows.map((r) => r.ok)).toEqual([false, true, false, false]);
    expect(messages(rows[0])).toEqual(['Row 2, column "ID": import_id "S-12" is also on rows 4, 5']);
    expect(messages(rows[3])).toEqual(['Row 5, column "ID": import_id "S-12" is also on rows 2, 4']);
  });

  it('explains colliding derived ids in terms of title and start', () => {
    const { rows } = convert(
      ['Import ID', 'Title', 'Start Datetime'],
      [
        ['', 'Lunch', '2027-03-14 12:00'],
        ['  ', 'lunch ', '2027-03-14 12:00'],
      ],
    );
    const [first, second] = rows.map((row) => messages(row));
    expect(first).toEqual([
      expect.stringMatching(
        /^Row 2, column "Title": "Lunch" has the same title and start as row 3, so both get the derived import_id "gbi-[0-9a-f]{16}"; give them an Import ID column to tell them apart$/,
      ),
    ]);
    expect(second).toEqual([expect.stringMatching(/^Row 3, column "Title": "lunch" has the same title and start as row 2, so both get/)]);
  });

  it('passes run-level span warnings through', () => {
    const { warnings } = convert(
      ['ID', 'Title', 'Start Datetime'],
      [
        ['1', 'A', '2027-03-14 09:00'],
        ['2', 'B', '2029-03-14 09:00'],
      ],
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^the sheet spans 731 days/);
  });
});

describe('convertRows with the example mapping files', () => {
  it('reads a German agenda: d.M.yyyy dates, ja/nein, decimal commas, Berlin time', () => {
    const mapping = loadTemplateMapping('german-headers.json');
    const options = convertOptionsFor({}, mapping);
    expect(options).toMatchObject({ timezone: 'Europe/Berlin', dateFormat: 'd.M.yyyy' });
    const { rows } = convert(
      GERMAN_HEADERS,
      [
        ['K-1', 'Eröffnung', '4.3.2027', '9:00', '10:00', 'Saal 1', 'Plenum', 'Dr. Weber', 'Begrüßung', 'ja', '1,5', ''],
        ['K-2', 'Mittag', '4.3.2027', '12:00', '13:00', '', '', '', '', 'nein', '', 'intern'],
        ['K-3', 'Abend', '4.3.2027', '19:00', '22:00', '', '', '', '', 'vielleicht', '', ''],
      ],
      options,
      mapping,
    );
    expect(session(rows[0]).fields).toEqual({
      name: 'Eröffnung',
      import_id: 'K-1',
      description_html: '<p>Begrüßung</p>',
      allow_rating: true,
      add_to_schedule: true,
      rank: 1.5,
      start_time: '2027-03-04T08:00:00.000Z',
      end_time: '2027-03-04T09:00:00.000Z',
      all_day: false,
    });
    expect(session(rows[0]).locations).toEqual(['Saal 1']);
    expect(session(rows[1]).fields).toMatchObject({ allow_rating: false, rank: null, add_to_schedule: true });
    expect(messages(rows[2])).toEqual([
      'Row 4, column "Bewertung erlauben": "vielleicht" is not yes or no (use yes/no, y/n, true/false, t/f, 1/0, on/off, or x/blank)',
    ]);
  });

  it('lets --timezone and --date-format win over the mapping file', () => {
    const mapping = loadTemplateMapping('german-headers.json');
    expect(convertOptionsFor({ timezone: 'UTC', dateFormat: 'd/M/yyyy' }, mapping)).toMatchObject({
      timezone: 'UTC',
      dateFormat: 'd/M/yyyy',
    });
  });

  it('reads a Sched export: datetime columns, comma lists, defaults', () => {
    const mapping = loadTemplateMapping('sched-export.json');
    const { rows } = convert(
      ['event_key', 'name', 'event_start', 'event_end', 'event_type', 'venue', 'description', 'speakers'],
      [['a1b2', 'Scaling Postgres', '2027-05-18 14:00', '2027-05-18 14:45', 'Data, Talks', 'Room 101', '', 'Ada']],
      convertOptionsFor({ timezone: 'America/New_York' }, mapping),
      mapping,
    );
    const s = session(rows[0]);
    expect(s.fields).toMatchObject({
      import_id: 'a1b2',
      start_time: '2027-05-18T18:00:00.000Z',
      end_time: '2027-05-18T18:45:00.000Z',
      add_to_schedule: true,
      allow_rating: true,
    });
    expect(s.tracks).toEqual(['Data', 'Talks']);
    expect(s.locations).toEqual(['Room 101']);
  });

  it('reads the all-day column with the mapping file words', () => {
    const mapping = parseMappingConfig(
      { columns: { Ganztägig: 'all_day' }, formats: { true_words: ['ja'], false_words: ['nein'] } },
      'm.json',
    );
    const options = convertOptionsFor({ timezone: 'Europe/Berlin' }, mapping);
    const { rows } = convert(['Title', 'Date', 'Start', 'Ganztägig'], [['Messe', '2027-03-04', '', 'ja']], options, mapping);
    expect(session(rows[0]).fields).toMatchObject({ all_day: true, start_time: '2027-03-03T23:00:00.000Z', end_time: null });
  });
});

describe('convertSheetRows: one row at a time', () => {
  const headers = ['Import ID', 'Title', 'Date', 'Start', 'Time Zone'];
  const cells: CellValue[][] = [
    ['S-1', 'Opening', '2027-03-14', '9:00', 'Europe/Berlin'],
    [null, 'Lunch', '2027-03-14', '12:00', 'Europe/Berlin'],
    ['S-3', 'Panel', '2027-03-14', '14:00', 'Europe/Berlin'],
    [null, 'Lunch', '2027-03-14', '12:00', 'Europe/Berlin'],
    ['S-1', 'Closing', '2027-03-14', '17:00', 'Europe/Berlin'],
    ['S-6', 'Talk', '31/02/2027', '9:00', 'Europe/Berlin'],
  ];
  const map = buildColumnMap({ sheet: 'Agenda', row: 1, headers });
  const mapped = cells.map((row, i) => mapRow({ sheet: 'Agenda', row: i + 2, cells: row }, map));

  it('gives the rows and warnings convertRows gives, asking again only for rows it still needs', () => {
    const facts = collectSheetFacts({});
    for (const row of mapped) facts.add(row);
    const asked: number[] = [];
    const released: number[] = [];
    const sheet = convertSheetRows(
      mapped.length,
      (i) => {
        asked.push(i);
        return mapped[i]!;
      },
      facts,
      (i) => released.push(i),
    );
    expect(sheet.importIds.slice(0, 3)).toEqual(['S-1', expect.stringMatching(/^gbi-/), 'S-3']);
    expect(() => sheet.warnings()).toThrow(/before every row/);
    const rows = [...sheet.rows];
    expect(rows).toEqual(convertRows(mapped, {}).rows);
    expect(sheet.warnings()).toEqual(convertRows(mapped, {}).warnings);
    expect(rows.map((row) => row.ok)).toEqual([false, false, true, false, false, false]);
    // Rows sharing an id are kept to the end (their messages name each other); the rest are let go.
    expect(released).toEqual([2, 5]);
    expect(asked.filter((i) => i === 2)).toHaveLength(1);
  });

  it('names the first row in sheet order when rows without a zone stop the run', () => {
    const zoneless = (rows: CellValue[][]) => rows.map((row, i) => mapRow({ sheet: 'Agenda', row: i + 2, cells: row }, map));
    const ownFirst = zoneless([
      ['S-1', 'A', '2027-03-01', '9:00', null],
      [null, 'B', '2027-03-01', '10:00', null],
    ]);
    const derivedFirst = zoneless([
      ['S-1', 'A', '2027-03-01', '9:00', 'UTC'],
      [null, 'B', '2027-03-01', '10:00', null],
      ['S-3', 'C', '2027-03-01', '9:00', null],
    ]);
    expect(() => convertRows(ownFirst, {})).toThrow(/^Row 2 has local times/);
    expect(() => convertRows(derivedFirst, {})).toThrow(/^Row 3 has local times/);
  });
});
