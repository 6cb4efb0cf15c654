import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline/validate-file.js';
import type { ReportRow } from '../../src/types.js';

// Small agendas in the shapes real ones use, read end to end with no mapping file, the times
// hand-worked to UTC. mic-conf-ranges.csv follows the time cells of a real conference site's
// schedule (github.com/bumic/mic-conf, mic-site/utils/schedule.js: "8am - 9am", "9am - 9:10am",
// "11:30am - noon"); agenda-es.csv those of a Spanish one (github.com/softwareguru/dd4w,
// content/schedule/_index.md: "Martes 21 de octubre", "8:00 - 8:40", "9:00 - 9:30am"); the others
// are made for one pattern each.

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/time/${name}`, import.meta.url));

async function rowsOf(name: string, options: Parameters<typeof validateFile>[1]): Promise<ReportRow[]> {
  const { document } = await validateFile(fixture(name), options);
  return document.rows;
}

const times = (rows: ReportRow[]) =>
  rows.map((row) => [row.name, row.fields?.start_time ?? null, row.fields?.end_time ?? null, row.action]);

describe('agendas read with --timezone and --first-day only', () => {
  it('ranges with am/pm and "noon", weekday names as days (New York, EDT)', async () => {
    const rows = await rowsOf('mic-conf-ranges.csv', { timezone: 'America/New_York', firstDay: '2027-03-27' });
    expect(times(rows)).toEqual([
      ['Check in and Breakfast', '2027-03-27T12:00:00.000Z', '2027-03-27T13:00:00.000Z', 'create'],
      ['Conference Kickoff', '2027-03-27T13:00:00.000Z', '2027-03-27T13:10:00.000Z', 'create'],
      ['Student Research Talk', '2027-03-27T15:30:00.000Z', '2027-03-27T16:00:00.000Z', 'create'],
      ['Lunch', '2027-03-27T16:00:00.000Z', '2027-03-27T17:00:00.000Z', 'create'],
      ['Workshop', '2027-03-27T17:00:00.000Z', '2027-03-27T18:00:00.000Z', 'create'],
      ['Closing', '2027-03-28T19:00:00.000Z', '2027-03-28T20:30:00.000Z', 'create'],
    ]);
  });

  it('Spanish weekday-and-date days, ranges with the am/pm only at the end (Mexico City, UTC-6)', async () => {
    const rows = await rowsOf('agenda-es.csv', { timezone: 'America/Mexico_City', firstDay: '2025-10-21' });
    expect(times(rows)).toEqual([
      ['Registro', '2025-10-21T14:00:00.000Z', '2025-10-21T14:40:00.000Z', 'create'],
      ['Apertura y Bienvenida', '2025-10-21T14:40:00.000Z', '2025-10-21T15:00:00.000Z', 'create'],
      ['Networking break', '2025-10-21T16:55:00.000Z', '2025-10-21T17:20:00.000Z', 'create'],
      ['Welcome Keynote', '2025-10-22T15:00:00.000Z', '2025-10-22T15:30:00.000Z', 'create'],
      ['Comida', '2025-10-22T19:20:00.000Z', '2025-10-22T20:40:00.000Z', 'create'],
    ]);
  });

  it('German days and ranges, an End Date across midnight, an open end (Berlin, CEST)', async () => {
    const rows = await rowsOf('programm-de.csv', { timezone: 'Europe/Berlin', firstDay: '2027-05-19' });
    expect(times(rows)).toEqual([
      ['Eröffnung', '2027-05-19T12:00:00.000Z', '2027-05-19T13:30:00.000Z', 'create'],
      ['Werkstatt', '2027-05-20T07:30:00.000Z', '2027-05-20T08:15:00.000Z', 'create'],
      ['Nachtkino', '2027-05-21T20:00:00.000Z', '2027-05-22T00:00:00.000Z', 'create'],
      ['Party', '2027-05-21T19:00:00.000Z', null, 'create'],
    ]);
    expect(rows[3]?.issues?.map((issue) => issue.code)).toContain('open_end');
  });

  it('Japanese dates, day numbers and 25:30 (Tokyo)', async () => {
    const rows = await rowsOf('program-ja.csv', { timezone: 'Asia/Tokyo', firstDay: '2027-05-18' });
    expect(times(rows)).toEqual([
      ['深夜セッション', '2027-05-18T14:00:00.000Z', '2027-05-18T16:30:00.000Z', 'create'],
      ['朝会', '2027-05-18T00:00:00.000Z', '2027-05-18T00:45:00.000Z', 'create'],
    ]);
  });

  it('12-hour times without am/pm, read by their place in the day, with a warning', async () => {
    const rows = await rowsOf('twelve-hour.csv', { timezone: 'UTC' });
    expect(times(rows)).toEqual([
      ['Welcome', '2027-05-18T09:00:00.000Z', '2027-05-18T10:30:00.000Z', 'create'],
      ['Talk', '2027-05-18T11:55:00.000Z', '2027-05-18T12:40:00.000Z', 'create'],
      ['After lunch', '2027-05-18T13:30:00.000Z', '2027-05-18T14:15:00.000Z', 'create'],
      ['Panel', '2027-05-18T15:00:00.000Z', '2027-05-18T16:00:00.000Z', 'create'],
      ['Day two', '2027-05-19T10:00:00.000Z', '2027-05-19T11:00:00.000Z', 'create'],
    ]);
    expect(rows.map((row) => row.issues?.some((issue) => issue.code === 'clock_order') ?? false)).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('day fractions and a 2-digit year in a CSV (Berlin)', async () => {
    const rows = await rowsOf('day-fractions.csv', { timezone: 'Europe/Berlin' });
    expect(times(rows)).toEqual([
      ['Keynote', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z', 'create'],
      ['Evening', '2027-05-18T15:30:00.000Z', '2027-05-18T17:00:00.000Z', 'create'],
    ]);
  });

  it('without --first-day a sheet of day names stops with one clear line', async () => {
    await expect(validateFile(fixture('mic-conf-ranges.csv'), { timezone: 'America/New_York' })).rejects.toThrow(
      'Column "Day" gives days without a full date (row 2: "Saturday"): pass --first-day YYYY-MM-DD',
    );
  });
});
