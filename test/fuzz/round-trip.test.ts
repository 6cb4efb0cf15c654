// A valid session written to a sheet and read back is the same session, from CSV text and from
// an XLSX workbook with real date and time cells alike: the same UTC instants (worked out here
// with luxon from the wall clock the sheet shows), name, description HTML, tracks, rooms and flags.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetSession } from '../../src/types.js';
import { descriptionToHtml } from '../../src/validate/index.js';
import { agenda, agendaCsv, agendaWorkbook, expectedTimes, type Agenda, type AgendaSession } from './support/agenda-sessions.js';
import { runs } from './support/runs.js';
import { readThroughPipeline, tempFolder } from './support/pipeline.js';

const folder = tempFolder('round-trip');
afterAll(() => folder.remove());

/** What a session read back must hold; undefined flags were left blank (not sent). */
function expectedSession(s: AgendaSession) {
  const times = expectedTimes(s);
  return {
    import_id: s.id,
    name: s.name,
    description_html: descriptionToHtml(s.description).html,
    start: Date.parse(times.start),
    end: times.end === null ? null : Date.parse(times.end),
    all_day: s.allDay,
    zone: s.zone,
    tracks: s.tracks,
    locations: s.rooms,
    allow_rating: s.allowRating ?? undefined,
    add_to_schedule: s.addToSchedule ?? undefined,
  };
}

function readBack(session: SheetSession): ReturnType<typeof expectedSession> {
  const f = session.fields;
  return {
    import_id: f.import_id,
    name: f.name,
    description_html: f.description_html ?? '',
    start: Date.parse(f.start_time),
    end: f.end_time ? Date.parse(f.end_time) : null,
    all_day: f.all_day ?? false,
    zone: session.zone,
    tracks: session.tracks ?? [],
    locations: session.locations ?? [],
    allow_rating: f.allow_rating,
    add_to_schedule: f.add_to_schedule,
  };
}

async function sessionsFrom(file: string): Promise<Array<ReturnType<typeof expectedSession>>> {
  const { rows } = await readThroughPipeline(file);
  return rows.map((row) => {
    if (!row.ok) throw new Error(`row ${row.row} came back invalid: ${row.issues.map((i) => i.message).join('; ')}`);
    return readBack(row.session);
  });
}

describe('fuzz: a session written to a sheet reads back the same', () => {
  it('from CSV and from XLSX, with no --timezone (each row names its zone)', async () => {
    await fc.assert(
      fc.asyncProperty(agenda, async (sheet: Agenda) => {
        const expected = sheet.sessions.map(expectedSession);
        const fromCsv = await sessionsFrom(folder.write('agenda.csv', agendaCsv(sheet)));
        const fromXlsx = await sessionsFrom(folder.write('agenda.xlsx', agendaWorkbook(sheet)));
        expect(fromCsv).toEqual(expected);
        expect(fromXlsx).toEqual(expected);
      }),
      { numRuns: runs(80) },
    );
  });

  it('clean allowlisted HTML comes back byte for byte', async () => {
    const html =
      '<h2>Agenda</h2><p>Talk by <b>Ada</b> &amp; <i>Bram</i>, see <a href="https://example.com/x">slides</a></p><ul><li>one</li></ul>';
    const sheet: Agenda = {
      layout: 'datetime',
      sessions: [
        {
          id: 'S-1',
          name: 'HTML',
          description: html,
          start: { year: 2027, month: 3, day: 14, hour: 9, minute: 30 },
          durationMinutes: 45,
          allDay: false,
          zone: 'Europe/Berlin',
          tracks: [],
          rooms: [],
          allowRating: null,
          addToSchedule: null,
        },
      ],
    };
    for (const file of [folder.write('html.csv', agendaCsv(sheet)), folder.write('html.xlsx', agendaWorkbook(sheet))]) {
      const [session] = await sessionsFrom(file);
      expect(session).toMatchObject({ description_html: html, start: Date.parse('2027-03-14T08:30:00Z') });
    }
  });
});
