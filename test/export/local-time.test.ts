// Local times as export writes them, checked against the time stage itself: the text it renders
// for an instant, and the instant it reads back from the written Date and Start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENDA_HEADERS, buildAgendaRows } from '../../src/export/index.js';
import { EXPORT_CLOCK } from '../../src/export/session-cells.js';
import { localMoment } from '../../src/export/local-time.js';
import { sheetCellText, type SheetCell } from '../../src/sheet-cells/index.js';
import { formatLocal } from '../../src/time/index.js';
import { convertRowTimes, inferColumnFormats } from '../../src/validate/index.js';
import type { ApiSession, MappedRow } from '../../src/types.js';

const exportCellText = (cell: SheetCell) => sheetCellText(cell, EXPORT_CLOCK);

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
  'America/Havana',
];
// Whole seconds from 2020 to 2031, with extra weight near the DST changes of the zones above.
const instant = fc
  .oneof(
    fc.integer({ min: Date.UTC(2020, 0, 1) / 1000, max: Date.UTC(2031, 0, 1) / 1000 }),
    fc
      .constantFrom(Date.UTC(2027, 10, 7, 6), Date.UTC(2027, 2, 14, 7), Date.UTC(2027, 9, 31, 1), Date.UTC(2027, 3, 4, 15))
      .chain((t) => fc.integer({ min: t / 1000 - 3 * 3600, max: t / 1000 + 3 * 3600 })),
  )
  .map((seconds) => new Date(seconds * 1000).toISOString());

function session(start: string): ApiSession {
  return {
    id: 1,
    guide: 1,
    name: 'S',
    description_html: null,
    start_time: start,
    end_time: null,
    all_day: false,
    allow_rating: true,
    add_to_schedule: true,
    import_id: 'x',
    schedule_tracks: [],
  };
}

/** The exported row's Date, Start and Time Zone through the time stage, as an import reads them. */
function readStart(start: string, zone: string): string | null {
  const [row] = buildAgendaRows({ sessions: [session(start)], tracks: [], locations: [], zone }).rows;
  const cell = (header: string) => ({ column: header, value: exportCellText(row![AGENDA_HEADERS.indexOf(header)]!) || null });
  const mapped: MappedRow = {
    sheet: 's',
    row: 2,
    fields: { date: cell('Date'), start: cell('Start'), timezone: cell('Time Zone'), all_day: cell('All Day') },
  };
  const times = convertRowTimes(mapped, inferColumnFormats([mapped], {}), {});
  return times.ok ? times.start_time : null;
}

describe('local times', () => {
  it('show the wall clock the time stage renders for the instant', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (iso, zone) => {
        const moment = localMoment(iso, zone);
        expect(`${exportCellText(moment.date)} ${exportCellText(moment.time)}`).toBe(Object.values(formatLocal(iso, zone)).join(' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('read back as the very instant they were written from, across every DST change', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (iso, zone) => {
        expect(readStart(iso, zone)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
});
