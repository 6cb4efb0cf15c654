// Well-known exports recognised by their header signature and read through their built-in
// mapping (map/known-layouts.ts), checked on small exports of each kind with hand-worked UTC
// times (Europe/Berlin, CEST = UTC+2 in May 2027).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
