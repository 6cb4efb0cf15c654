// Well-known exports recognised by their header signature and read through their built-in
// mapping (map/known-layouts.ts), checked on small exports of each kind with hand-worked UTC
// times (Europe/Berlin, CEST = UTC+2 in May 2027).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildColumnMap } from '../../src/map/column-map.js';
import { knownLayoutMapping } from '../../src/map/known-layouts.js';
import { readSheet } from '../../src/pipeline/sheet-rows.js';
import { validateFile } from '../../src/pipeline/validate-file.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agendas/${name}`, import.meta.url));

const GOOGLE = ['Subject', 'Start Date', 'Start Time', 'End Date', 'End Time', 'All Day Event', 'Description', 'Location', 'Private'];

describe('knownLayoutMapping', () => {
  it('recognises Google Calendar by its whole signature, with its US date format', () => {
    const mapping = knownLayoutMapping(GOOGLE)!;
    expect(mapping.layout).toBe('Google Calendar CSV export');
    expect(mapping.formats.date).toBe('M/d/yyyy');
    const map = buildColumnMap({ sheet: 'g', row: 1, headers: GOOGLE }, mapping);
    expect(map.columns.map((c) => [c.header, c.field])).toEqual([
      ['Subject', 'name'],
      ['Start Date', 'date'],
      ['Start Time', 'start'],
      ['End Date', 'end_date'],
      ['End Time', 'end'],
      ['All Day Event', 'all_day'],
      ['Description', 'description'],
      ['Location', 'locations'],
    ]);
    expect(map.ignored).toEqual(['Private']);
    expect(map.warnings).toEqual(['Recognised as a Google Calendar CSV export: its columns are read as that export writes them.']);
  });

  it('tells Outlook from Google by its reminder columns', () => {
    expect(knownLayoutMapping([...GOOGLE, 'Reminder on/off', 'Categories'])?.layout).toBe('Outlook calendar CSV export');
  });

  it('recognises Sessionize and Sched exports, whatever the case of their headers', () => {
    expect(knownLayoutMapping(['SESSION ID', 'title', 'Scheduled At', 'Room'])?.layout).toBe('Sessionize sessions export');
    expect(knownLayoutMapping(['event_key', 'name', 'event_start', 'event_end'])?.layout).toBe('Sched sessions export');
  });

  it('leaves a sheet that shares only some of the names to the aliases', () => {
    expect(knownLayoutMapping(['Subject', 'Start Date', 'Start Time'])).toBeUndefined();
    expect(knownLayoutMapping(['Title', 'Date', 'Start', 'End', 'Room'])).toBeUndefined();
    expect(knownLayoutMapping(['Session Id', 'Title', 'Start'])).toBeUndefined();
  });
});

describe('well-known exports, no mapping file', () => {
  it('reads a Google Calendar export: US dates, 12-hour times, an all-day event', async () => {
    const { document } = await validateFile(fixture('google-calendar.csv'), { timezone: 'Europe/Berlin' });
    expect(document.warnings[0]).toBe('Recognised as a Google Calendar CSV export: its columns are read as that export writes them.');
    expect(document.rows.map((r) => [r.name, r.fields?.start_time, r.fields?.end_time ?? null, r.fields?.all_day])).toEqual([
      ['Opening Keynote', '2027-05-18T07:00:00.000Z', '2027-05-18T08:00:00.000Z', false],
      ['Workshop', '2027-05-18T11:30:00.000Z', '2027-05-18T13:00:00.000Z', false],
      ['Speaker dinner', '2027-05-18T22:00:00.000Z', null, true],
    ]);
    expect(document.summary.invalid).toBe(0);
  });

  it('reads an Outlook export, its attendee and reminder columns ignored', async () => {
    const sheet = await readSheet({ file: fixture('outlook-calendar.csv') });
    expect(sheet.columnMap.layout).toBe('Outlook calendar CSV export');
    expect(sheet.columnMap.unmapped).toEqual([]);
    const { document } = await validateFile(fixture('outlook-calendar.csv'), { timezone: 'Europe/Berlin' });
    expect(document.warnings[0]).toBe('Recognised as an Outlook calendar CSV export: its columns are read as that export writes them.');
    expect(document.rows.map((r) => [r.name, r.fields?.start_time, r.fields?.end_time ?? null, r.fields?.all_day, r.message])).toEqual([
      ['Board review', '2027-05-18T12:00:00.000Z', '2027-05-18T13:30:00.000Z', false, ''],
      ['Offsite', '2027-05-18T22:00:00.000Z', null, true, ''],
    ]);
  });

  it('reads a Sessionize export: Scheduled At plus Scheduled Duration, its owner not the title', async () => {
    const sheet = await readSheet({ file: fixture('sessionize-sessions.csv') });
    expect(sheet.columnMap.layout).toBe('Sessionize sessions export');
    expect(Object.fromEntries(sheet.columnMap.columns.map((c) => [c.header, c.field]))).toEqual({
      'Session Id': 'import_id',
      Title: 'name',
      Description: 'description',
      Speakers: 'speakers',
      Room: 'locations',
      'Scheduled At': 'datetime_start',
      'Scheduled Duration': 'duration',
      Track: 'tracks',
    });
    const { document } = await validateFile(fixture('sessionize-sessions.csv'), { timezone: 'Europe/Berlin' });
    expect(document.rows.map((r) => [r.import_id, r.name, r.fields?.start_time, r.fields?.end_time])).toEqual([
      ['812345', 'Rust at the Edge', '2027-05-18T07:00:00.000Z', '2027-05-18T07:45:00.000Z'],
      ['812346', 'Designing APIs People Love', '2027-05-18T08:00:00.000Z', '2027-05-18T08:30:00.000Z'],
    ]);
  });

  it('reads a Sched export: event_key as the id, event_type split on commas', async () => {
    const { document } = await validateFile(fixture('sched-sessions.csv'), { timezone: 'Europe/Berlin' });
    expect(document.warnings).toEqual(['Recognised as a Sched sessions export: its columns are read as that export writes them.']);
    expect(document.rows.map((r) => [r.import_id, r.name, r.fields?.start_time, r.fields?.end_time, r.action])).toEqual([
      ['a1b2c3', 'Opening Remarks', '2027-05-18T07:00:00.000Z', '2027-05-18T07:20:00.000Z', 'create'],
      ['d4e5f6', 'Scaling Postgres', '2027-05-18T08:00:00.000Z', '2027-05-18T08:40:00.000Z', 'create'],
    ]);
  });

  it('lets a mapping file win over the recognised layout', async () => {
    const sheet = await readSheet({
      file: fixture('sched-sessions.csv'),
      mapping: { source: 'm.json', columns: { id: 'import_id' }, defaults: {}, formats: {} },
    });
    expect(sheet.columnMap.layout).toBeUndefined();
    expect(sheet.columnMap.columns.find((c) => c.field === 'import_id')?.header).toBe('id');
  });
});

// Outlook in other languages (issue 12 field test): the same export under translated headers.
describe('a translated Outlook export, no mapping file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gbi-outlook-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, lines: string[]): string => {
    const file = path.join(dir, name);
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    return file;
  };

  it('reads German Outlook: Betreff, Beginnt am/um, Endet um, Ganztägiges Ereignis Ein/Aus, Ort', async () => {
    const file = write('outlook-de.csv', [
      '"Betreff","Beginnt am","Beginnt um","Endet am","Endet um","Ganztägiges Ereignis","Erinnerung Ein/Aus","Erinnerung am","Erinnerung um","Besprechungsplanung","Erforderliche Teilnehmer","Optionale Teilnehmer","Besprechungsressourcen","Abrechnungsinformationen","Beschreibung","Kategorien","Ort","Priorität","Privat","Reisekilometer","Vertraulichkeit","Zeitspanne zeigen als"',
      '"Teamrunde","18.5.2027","14:00:00","18.5.2027","15:00:00","Aus","Aus","","","","","","","","Wochenplanung","","Raum 1","Normal","Aus","","Normal","2"',
      '"Klausur","19.5.2027","00:00:00","20.5.2027","00:00:00","Ein","Aus","","","","","","","","","","Hotel","Normal","Aus","","Normal","3"',
    ]);
    const sheet = await readSheet({ file });
    expect(sheet.columnMap.layout).toBe('Outlook calendar CSV export (German)');
    expect(sheet.columnMap.unmapped).toEqual([]);
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin' });
    expect(document.summary.invalid).toBe(0);
    expect(
      document.rows.map((r) => [r.name, r.fields?.start_time, r.fields?.end_time ?? null, r.fields?.all_day, r.fields?.locations]),
    ).toEqual([
      // CEST (UTC+2): 14:00 local is 12:00 UTC; the all-day event starts at local midnight.
      ['Teamrunde', '2027-05-18T12:00:00.000Z', '2027-05-18T13:00:00.000Z', false, ['Raum 1']],
      ['Klausur', '2027-05-18T22:00:00.000Z', null, true, ['Hotel']],
    ]);
  });

  it('recognises Dutch and Japanese Outlook headers, and the German one written without umlauts', () => {
    const dutch = [
      'Onderwerp',
      'Begindatum',
      'Begintijd',
      'Einddatum',
      'Eindtijd',
      'Evenement, duurt hele dag',
      'Herinneringen aan/uit',
      'Locatie',
    ];
    const dutchMap = knownLayoutMapping(dutch)!;
    expect(dutchMap.layout).toBe('Outlook calendar CSV export (Dutch)');
    expect(dutchMap.formats).toEqual({ true_words: ['Waar'], false_words: ['Onwaar'] });
    expect(buildColumnMap({ sheet: 'nl', row: 1, headers: dutch }, dutchMap).columns.map((c) => [c.header, c.field])).toEqual([
      ['Onderwerp', 'name'],
      ['Begindatum', 'date'],
      ['Begintijd', 'start'],
      ['Eindtijd', 'end'],
      ['Evenement, duurt hele dag', 'all_day'],
      ['Locatie', 'locations'],
    ]);
    // Half-width katakana (終日ｲﾍﾞﾝﾄ) is the same header once normalised.
    const japanese = ['件名', '開始日', '開始時刻', '終了日', '終了時刻', '終日ｲﾍﾞﾝﾄ', 'アラーム オン/オフ', '場所', '内容'];
    expect(knownLayoutMapping(japanese)?.layout).toBe('Outlook calendar CSV export (Japanese)');
    expect(knownLayoutMapping(['Betreff', 'Beginnt am', 'Beginnt um', 'Ganztaegiges Ereignis', 'Erinnerung Ein/Aus'])?.layout).toBe(
      'Outlook calendar CSV export (German)',
    );
    // Without the reminder column, a German sheet is read by the aliases, not as Outlook's.
    expect(knownLayoutMapping(['Betreff', 'Beginnt am', 'Beginnt um', 'Endet um'])).toBeUndefined();
  });
});
