// The structured feeds read into canonical rows, then through the real validate stage: the
// instants each session gets (VTIMEZONE across the DST change of 14 March 2027 in New York, UTC,
// floating, all-day, a TZID without a VTIMEZONE), recurrences with EXDATE, RDATE, a moved and a
// cancelled instance, --from/--to, stable import ids; Sessionize and pretalx sessions and speakers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/pipeline/sheet-rows.js';
import { validateFile } from '../../src/pipeline/validate-file.js';
import { endOf, readFrabFeed } from '../../src/sources/frab-feed.js';
import { readIcalFeed } from '../../src/sources/ical-feed.js';
import { readSessionizeFeed } from '../../src/sources/sessionize-feed.js';
import { namesCell } from '../../src/sources/feed-sheet.js';
import { REPO_ROOT } from '../support/cli-process.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/sources');
const ICS = join(FIXTURES, 'devcon-spring.ics');
const icsText = readFileSync(ICS, 'utf8');

async function validated(file: string, options: Parameters<typeof validateFile>[1] = {}) {
  const { document } = await validateFile(file, { timezone: 'America/New_York', ...options });
  return { document, byId: new Map(document.rows.map((row) => [row.import_id, row])) };
}

describe('iCal', () => {
  it('gives every event its exact instant: VTIMEZONE across DST, UTC, floating, all-day, TZID without VTIMEZONE', async () => {
    const { document, byId } = await validated(ICS, { source: { from: '2027-03-12', to: '2027-03-16' } });
    expect(document.summary.invalid).toBe(0);
    const at = (id: string) => [byId.get(id)?.fields?.start_time, byId.get(id)?.fields?.end_time];
    // 09:00 EST (before the change) and 08:00 EDT (after it): both exact.
    expect(at('keynote-2027@devcon.example')).toEqual(['2027-03-12T14:00:00.000Z', '2027-03-12T15:00:00.000Z']);
    expect(at('standup@devcon.example/20270312T130000Z')).toEqual(['2027-03-12T13:00:00.000Z', '2027-03-12T13:30:00.000Z']);
    expect(at('standup@devcon.example/20270314T120000Z')).toEqual(['2027-03-14T12:00:00.000Z', '2027-03-14T12:30:00.000Z']);
    // DTSTART in UTC with a DURATION.
    expect(at('remote-panel@devcon.example')).toEqual(['2027-03-13T15:00:00.000Z', '2027-03-13T15:45:00.000Z']);
    // Floating: the run's zone (--timezone America/New_York, EST on the 13th).
    expect(at('floating-lunch@devcon.example')).toEqual(['2027-03-13T17:00:00.000Z', '2027-03-13T18:00:00.000Z']);
    expect(byId.get('floating-lunch@devcon.example')?.zone).toBe('America/New_York');
    // A TZID the file defines no VTIMEZONE for: its wall clock in that IANA zone.
    expect(at('berlin-stream@devcon.example')).toEqual(['2027-03-14T17:00:00.000Z', '2027-03-14T18:00:00.000Z']);
    expect(byId.get('berlin-stream@devcon.example')?.zone).toBe('Europe/Berlin');
    // All-day: the day itself (EDT midnight on the 16th), flagged all day.
    expect(byId.get('expo@devcon.example')?.fields).toMatchObject({ all_day: true, start_time: '2027-03-16T04:00:00.000Z' });
    expect(byId.get('hackathon@devcon.example')?.fields).toMatchObject({ all_day: true, start_time: '2027-03-12T05:00:00.000Z' });
  });

  it('expands recurrences with EXDATE, RDATE, a moved instance and cancellations, keyed by the original start', () => {
    const table = readIcalFeed(icsText, { sheet: 'devcon-spring.ics', label: ICS, from: '2027-03-12', to: '2027-03-16' });
    const standups = table.sessions.filter((s) => s.importId.startsWith('standup@'));
    expect(standups.map((s) => [s.importId, s.title, s.start])).toEqual([
      ['standup@devcon.example/20270312T130000Z', 'Morning Stand-up', '2027-03-12T08:00:00-05:00'],
      // 13th: EXDATE. 14th: after the change to EDT, still 08:00 local.
      ['standup@devcon.example/20270314T120000Z', 'Morning Stand-up', '2027-03-14T08:00:00-04:00'],
      // 15th: RECURRENCE-ID override moved to 09:00 and renamed, keyed by its original 08:00.
      ['standup@devcon.example/20270315T120000Z', 'Morning Stand-up (moved to 9)', '2027-03-15T09:00:00-04:00'],
      // 16th: the RDATE instance is cancelled by its override.
    ]);
    const ids = table.sessions.map((s) => s.importId);
    expect(ids).not.toContain('cancelled-talk@devcon.example');
    expect(table.warnings.join()).toMatch(/2 cancelled event\(s\) or instance\(s\) left out/);
    // --from/--to bound the weekly series to the days asked for.
    expect(ids.filter((id) => id.startsWith('office-hours@'))).toEqual(['office-hours@devcon.example/20270313T210000Z']);
    // Read again: the same ids (a re-sync matches them).
    expect(readIcalFeed(icsText, { sheet: 'x', label: ICS, from: '2027-03-12', to: '2027-03-16' }).sessions.map((s) => s.importId)).toEqual(
      ids,
    );
  });

  it("without --from/--to expands recurring events over the guide's dates (known at convert time)", async () => {
    const importIds = async (guideWindow?: { start_date: string; end_date: string }) => {
      const sheet = await readSheet({ file: ICS });
      const rows = [...sheet.convert({ timezone: 'America/New_York', guideWindow }).rows];
      return rows.flatMap((row) => (row.ok ? [row.session.fields.import_id] : []));
    };
    const inGuide = await importIds({ start_date: '2027-03-12', end_date: '2027-03-16' });
    expect(inGuide.filter((id) => id.startsWith('office-hours@'))).toEqual(['office-hours@devcon.example/20270313T210000Z']);
    expect(inGuide.filter((id) => id.startsWith('standup@'))).toHaveLength(3);
    // Events that do not repeat are the guide's whatever their day; only repeated events are expanded over its dates.
    expect(inGuide).toContain('keynote-2027@devcon.example');
    expect(inGuide).toHaveLength(10);
    // A later guide: the weekly series' instances in its days, no stand-up (that series ended in March).
    const april = await importIds({ start_date: '2027-04-01', end_date: '2027-04-30' });
    expect(april.filter((id) => id.startsWith('office-hours@'))).toEqual([
      'office-hours@devcon.example/20270403T200000Z',
      'office-hours@devcon.example/20270410T200000Z',
      'office-hours@devcon.example/20270417T200000Z',
      'office-hours@devcon.example/20270424T200000Z',
    ]);
    expect(april.filter((id) => id.startsWith('standup@'))).toEqual([]);
  });

  it('turns DESCRIPTION text into HTML (never markup), LOCATION into one location and CATEGORIES into tracks', async () => {
    const { byId } = await validated(ICS, { source: { from: '2027-03-12', to: '2027-03-16' } });
    const keynote = byId.get('keynote-2027@devcon.example')!;
    expect(keynote.fields?.description_html).toBe(
      '<p>Welcome to DevCon.</p><p>Why &lt;script&gt; tags &amp; friends are text here.</p><p><a href="https://devcon.example/talks/keynote">https://devcon.example/talks/keynote</a></p>',
    );
    expect(keynote.fields?.locations).toEqual(['Hall A, Level 2']);
    expect(keynote.fields?.schedule_tracks).toEqual(['Keynote', 'Main Stage']);
  });

  it('expands a long-running series around today, and stops walking a rule that repeats too often', () => {
    const calendar = (rule: string, start = '20150105T090000Z') =>
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:weekly@example.org',
        `DTSTART:${start}`,
        'DURATION:PT1H',
        `RRULE:${rule}`,
        'SUMMARY:Weekly sync',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n');
    // A weekly meeting since 2015: the instances near "today" (1 March 2027) are there, 2015's are not.
    const weekly = readIcalFeed(calendar('FREQ=WEEKLY'), { sheet: 'x', label: 'x', now: new Date('2027-03-01T00:00:00Z') });
    const days = weekly.sessions.map((s) => s.start.slice(0, 10));
    expect(days).toContain('2027-03-15');
    expect(days.every((day) => day >= '2025-02-01' && day <= '2029-03-15')).toBe(true);
    const minutely = readIcalFeed(calendar('FREQ=MINUTELY', '20270301T000000Z'), {
      sheet: 'x',
      label: 'x',
      now: new Date('2027-03-01T00:00:00Z'),
    });
    expect(minutely.sessions).toHaveLength(1000);
    expect(minutely.warnings.join()).toMatch(/repeats more than 1000 times/);
  });

  it('makes a bad event its own row error (no start, an unreadable date, an unknown zone), not a crash', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gbi-ics-')), 'bad.ics');
    const events = [
      ['UID:no-start', 'SUMMARY:No start'],
      ['UID:bad-date', 'DTSTART:notadate', 'SUMMARY:Bad date'],
      ['UID:bad-zone', 'DTSTART;TZID=Nowhere/Land:20270312T090000', 'SUMMARY:Bad zone'],
      ['UID:fine', 'DTSTART:20270312T090000Z', 'SUMMARY:Fine'],
    ];
    writeFileSync(
      file,
      ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n'),
    );
    const { document } = await validateFile(file, { timezone: 'UTC' });
    const issues = new Map(document.rows.map((row) => [row.import_id, (row.issues ?? []).map((i) => `${i.column}: ${i.message}`).join()]));
    expect(document.rows.find((row) => row.import_id === 'fine')?.action).toBe('create');
    expect(issues.get('no-start')).toMatch(/Start/);
    expect(issues.get('bad-date')).toMatch(/Start.*unreadable DTSTART \(invalid date-time value/);
    expect(issues.get('bad-zone')).toMatch(/Time Zone.*Nowhere\/Land/);
    expect(document.summary.invalid).toBe(3);
  });

  it('refuses a file that is not iCalendar in one line', () => {
    expect(() => readIcalFeed('BEGIN:VCALENDAR\r\nthis is not a property\r\n', { sheet: 'x', label: 'bad.ics' })).toThrow(
      /^bad\.ics: is not a valid iCalendar file/,
    );
  });
});

describe('Sessionize', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'sessionize-all.json'), 'utf8'));

  it('reads sessions (service sessions too), rooms, the Track category and speakers; unscheduled ones left out', () => {
    const table = readSessionizeFeed(json, 'sessionize-all.json');
    expect(table.sessions.map((s) => [s.importId, s.title, s.start, s.end, s.tracks, s.locations, s.speakers])).toEqual([
      [
        'sessionize:412001',
        'Designing Calm APIs',
        '2027-03-12 10:00:00',
        '2027-03-12 10:45:00',
        ['Architecture'],
        ['Hall A'],
        ['Ada Okafor'],
      ],
      [
        'sessionize:412002',
        'Time Zones, DST and Other Lies',
        '2027-03-14 11:00:00',
        '2027-03-14 12:00:00',
        ['Operations'],
        ['Room 101'],
        ['Bruno Lefèvre', 'Chen Wei'],
      ],
      ['sessionize:c0ffee00-5e55-4c1e-b0a7-000000000001', 'Lunch', '2027-03-12 12:30:00', '2027-03-12 13:30:00', [], ['Foyer'], []],
    ]);
    expect(table.warnings).toEqual(['sessionize-all.json: 1 session(s) without a start time yet left out']);
    expect(table.speakers[0]).toMatchObject({
      import_id: 'sessionize:8a1f2c3e-0001-4b5c-9d6e-7f8091a2b3c4',
      name: 'Ada Okafor',
      title: 'Principal Engineer, Calm Systems',
      bio: '<p>Ada builds payment APIs and teaches API design.</p>',
      photo: 'https://sessionize.com/image/0001-400o400o2-ada.jpg',
      // 412003 has no slot yet: not a session of this import.
      sessions: ['sessionize:412001'],
    });
  });

  it("reads its local times in the run's zone (after the DST change on the 14th)", async () => {
    const { byId } = await validated(join(FIXTURES, 'sessionize-all.json'));
    expect(byId.get('sessionize:412002')?.fields?.start_time).toBe('2027-03-14T15:00:00.000Z');
    expect(byId.get('sessionize:412001')?.fields?.start_time).toBe('2027-03-12T15:00:00.000Z');
  });
});

describe('frab / pretalx', () => {
  const json = JSON.parse(readFileSync(join(FIXTURES, 'pretalx-schedule.json'), 'utf8'));

  it('reads events by guid with their offset, duration, room, track, persons and abstract', () => {
    const table = readFrabFeed(json, 'pretalx-schedule.json');
    expect(table.sessions.map((s) => [s.importId, s.start, s.end, s.tracks, s.locations, s.speakers])).toEqual([
      [
        '4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a01',
        '2027-03-12T09:30:00-05:00',
        '2027-03-12T10:15:00-05:00',
        ['Architecture'],
        ['Hall A'],
        ['Maria Sánchez'],
      ],
      [
        '4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a02',
        '2027-03-14T10:00:00-04:00',
        '2027-03-14T11:30:00-04:00',
        ['Operations'],
        ['Room 101'],
        ['Sam Patel', 'Maria Sánchez'],
      ],
      ['4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a03', '2027-03-14T23:30:00-04:00', '2027-03-15T00:30:00-04:00', [], ['Room 101'], []],
    ]);
    expect(table.sessions[1]!.descriptionHtml).toBe('<p>A workshop</p><p>Runbooks, rotations and sleep.</p>');
    // One speaker record per person, with every session they present.
    expect(table.speakers.map((s) => [s.name, s.sessions])).toEqual([
      ['Maria Sánchez', ['4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a01', '4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a02']],
      ['Sam Patel', ['4f1e8a2b-6c3d-5e4f-8a9b-0c1d2e3f4a02']],
    ]);
  });

  it("reads a date without an offset as a wall clock in the conference's zone", () => {
    const old = JSON.parse(JSON.stringify(json));
    const event = old.schedule.conference.days[0].rooms['Hall A'][0];
    event.date = '2027-03-12T09:30:00';
    const [first] = readFrabFeed(old, 'old.json').sessions;
    expect(first).toMatchObject({ start: '2027-03-12T09:30:00', end: '2027-03-12T10:15:00', zone: 'America/New_York' });
  });

  it('adds a duration in the start offset, across midnight and days', () => {
    expect(endOf('2027-03-14T23:30:00-04:00', '01:00')).toBe('2027-03-15T00:30:00-04:00');
    expect(endOf('2027-03-14T10:00:00+05:30', '1:02:00')).toBe('2027-03-15T12:00:00+05:30');
    expect(endOf('2027-03-14T10:00:00Z', '00:15')).toBe('2027-03-14T10:15:00Z');
    expect(endOf('2027-03-14T10:00:00Z', 'an hour')).toBeUndefined();
    // No offset: a wall clock plus the duration.
    expect(endOf('2027-03-14T23:30:00', '01:00')).toBe('2027-03-15T00:30:00');
  });
});

describe('feeds that break their own shape', () => {
  it('are read field by field, never crashed on', () => {
    const sessionize = {
      sessions: [{ id: 1, title: 5, startsAt: '2027-03-12T10:00:00', speakers: 'nobody', categoryItems: null, roomId: 9 }],
      speakers: [null, { id: 'x', fullName: 'X', sessions: 'none' }],
      rooms: [null],
      categories: 'none',
    };
    const table = readSessionizeFeed(sessionize as never, 's');
    expect(table.sessions).toMatchObject([{ importId: 'sessionize:1', title: '5', speakers: [], tracks: [], locations: [] }]);
    expect(table.speakers).toMatchObject([{ name: 'X', sessions: [] }]);
    const frab = {
      schedule: {
        conference: { days: [{ rooms: { A: [null, { guid: 'g', date: 12345, duration: 7, persons: [null, 'x'] }], B: 'none' } }] },
      },
    };
    expect(readFrabFeed(frab as never, 'f').sessions).toMatchObject([{ importId: 'g', start: '', speakers: [], locations: ['A'] }]);
  });
});

describe('names as one list cell', () => {
  it('keeps a lone name with a comma whole and joins several with ;', () => {
    expect(namesCell(['Hall A, Level 2'])).toBe('Hall A, Level 2;');
    expect(namesCell(['A; B', 'C'])).toBe('A, B; C');
    expect(namesCell([])).toBe('');
  });
});
