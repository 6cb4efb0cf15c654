// Agenda shapes found in public repositories (test/fixtures/agendas/real/README.md names each
// source): read with only --timezone, every session right or a row error that says why, never a
// quiet guess. Times hand-worked: America/Los_Angeles is UTC-8 in late November (PST) and UTC-7
// in June (PDT); Europe/Vienna is UTC+1 in March.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline/validate-file.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agendas/real/${name}`, import.meta.url));

type Row = { name: string; action: string; message: string; fields?: Record<string, unknown> };
const summary = (rows: readonly Row[]) => rows.map((r) => [r.name, r.fields?.start_time ?? null, r.fields?.end_time ?? null]);

describe('real agenda shapes, only --timezone', () => {
  it('a campus agenda: Date + a Time range column + Event + Location', async () => {
    const { document } = await validateFile(fixture('expo-week-agenda.csv'), { timezone: 'America/Los_Angeles' });
    const rows = document.rows as Row[];
    expect(document.warnings).toContain(
      '1 column is not imported (no field matches): "Notes". Map it in a mapping file (--mapping) to import, or to null to silence this warning.',
    );
    expect(summary(rows.slice(0, 6))).toEqual([
      ['Badge pickup', '2027-11-29T15:00:00.000Z', '2027-11-30T07:59:00.000Z'],
      ['Campus shuttles', '2027-11-29T17:30:00.000Z', '2027-11-30T02:00:00.000Z'],
      ['Morning yoga', '2027-11-30T14:30:00.000Z', '2027-11-30T15:30:00.000Z'],
      ['Opening keynote', '2027-11-30T16:00:00.000Z', '2027-11-30T18:30:00.000Z'],
      ['Lunch', '2027-11-30T19:00:00.000Z', '2027-11-30T21:00:00.000Z'],
      ['Welcome reception', '2027-12-01T00:00:00.000Z', '2027-12-01T03:00:00.000Z'],
    ]);
    expect(rows[1]!.fields?.locations).toEqual(['North Hall', 'South Hall']);
    // "07:30 PM - 12:00 AM": midnight after the start, or a row error naming the cell; never a
    // session that ends before it starts, never dropped.
    const party = rows[6]!;
    if (party.action === 'invalid') expect(party.message).toMatch(/Row 8, column "Time": "07:30 PM - 12:00 AM"/);
    else expect(summary([party])).toEqual([['Closing party', '2027-12-02T03:30:00.000Z', '2027-12-02T08:00:00.000Z']]);
  });

  it('a studio programme: Start Time + Duration, Track over Type, speakers split on ;', async () => {
    const { document } = await validateFile(fixture('studio-programme.csv'), { timezone: 'America/Los_Angeles' });
    const rows = document.rows as Row[];
    expect(document.summary.invalid).toBe(0);
    expect(document.warnings).toContain('"Track" → tracks (over "Type": a stronger name for it).');
    expect(summary(rows)).toEqual([
      ['Breakfast', '2027-06-03T15:00:00.000Z', '2027-06-03T16:00:00.000Z'],
      ['Welcome to day 1', '2027-06-03T16:00:00.000Z', '2027-06-03T16:10:00.000Z'],
      ['Engines that compute', '2027-06-03T16:10:00.000Z', '2027-06-03T17:00:00.000Z'],
      ['Compilers and codebreakers', '2027-06-03T17:00:00.000Z', '2027-06-03T17:45:00.000Z'],
      ['Frequency hopping workshop', '2027-06-03T17:00:00.000Z', '2027-06-03T18:45:00.000Z'],
      ['Lunch', '2027-06-03T19:00:00.000Z', '2027-06-03T19:45:00.000Z'],
    ]);
    expect(rows[3]!.fields).toMatchObject({
      schedule_tracks: ['STUDIO 2'],
      locations: ['ENGINEERING'],
      description_html: '<p>A joint talk.</p>',
    });
  });

  it('a Conferia.js program: date_start/date_end date-times, title over session, author and chair', async () => {
    const { document } = await validateFile(fixture('conference-program.csv'), { timezone: 'Europe/Vienna' });
    const rows = document.rows as Row[];
    expect(document.summary.invalid).toBe(0);
    expect(document.warnings).toContain('"title" → name (over "session": a stronger name for it).');
    expect(summary(rows)).toEqual([
      ['Opening remarks', '2027-03-01T08:30:00.000Z', '2027-03-01T09:00:00.000Z'],
      ['Learning from sparse data', '2027-03-01T09:00:00.000Z', '2027-03-01T10:00:00.000Z'],
      ['Graphs in the wild', '2027-03-01T09:00:00.000Z', '2027-03-01T10:00:00.000Z'],
      ['Coffee break', '2027-03-01T10:00:00.000Z', '2027-03-01T10:30:00.000Z'],
      ['Keynote', '2027-03-02T12:30:00.000Z', '2027-03-02T14:00:00.000Z'],
    ]);
  });

  it('a PyCon JP timetable: title over a name column of speakers, month/day dates with --first-day', async () => {
    const { document } = await validateFile(fixture('pycon-timetable.csv'), { timezone: 'Asia/Tokyo', firstDay: '2027-10-15' });
    const rows = document.rows as Row[];
    expect(document.summary.invalid).toBe(0);
    // The 2021 export wrote its speakers under "name": they must never become the session names.
    expect(document.warnings).toContain('"title" → name (over "name": a stronger name for it).');
    expect(rows.map((r) => r.name)).toEqual(['Typing your way out of bugs', 'Async in practice', 'Data pipelines with pandas']);
    // Asia/Tokyo is UTC+9; duration_min gives the end.
    expect(summary(rows)).toEqual([
      ['Typing your way out of bugs', '2027-10-15T01:30:00.000Z', '2027-10-15T02:00:00.000Z'],
      ['Async in practice', '2027-10-15T01:30:00.000Z', '2027-10-15T02:00:00.000Z'],
      ['Data pipelines with pandas', '2027-10-16T02:20:00.000Z', '2027-10-16T03:05:00.000Z'],
    ]);
  });
});
