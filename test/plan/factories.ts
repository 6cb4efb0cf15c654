// Small builders for planner tests: a valid sheet row and a server session with sensible values.
import type { ApiSession, ConvertedRow, RowIssue, SessionFields, SheetSession } from '../../src/types.js';

export const GUIDE = 7;

export function sheetSession(
  row: number,
  fields: Partial<SessionFields> & { import_id: string },
  extra: Partial<Omit<SheetSession, 'fields'>> = {},
): SheetSession {
  const full: SessionFields = { name: `Session ${row}`, start_time: '2027-03-01T14:00:00.000Z', ...fields };
  return {
    sheet: 'Agenda',
    row,
    fields: full,
    mapped: extra.mapped ?? (Object.keys(full) as SheetSession['mapped']),
    zone: 'America/New_York',
    derivedImportId: false,
    warnings: [],
    ...extra,
  };
}

export function okRow(session: SheetSession): ConvertedRow {
  return { ok: true, session };
}

export function badRow(row: number, importId: string | undefined, issues: Array<Partial<RowIssue>>): ConvertedRow {
  return {
    ok: false,
    sheet: 'Agenda',
    row,
    name: `Broken ${row}`,
    ...(importId !== undefined && { import_id: importId }),
    issues: issues.map((issue) => ({
      code: 'bad_date',
      severity: 'error',
      message: `Row ${row}: broken`,
      sheet: 'Agenda',
      row,
      ...issue,
    })),
  };
}

export function serverSession(id: number, fields: Partial<ApiSession> = {}): ApiSession {
  return {
    id,
    guide: GUIDE,
    name: `Session ${id}`,
    description_html: null,
    start_time: '2027-03-01T14:00:00.000000+0000',
    end_time: null,
    all_day: false,
    allow_rating: true,
    add_to_schedule: true,
    import_id: `id-${id}`,
    schedule_tracks: [],
    locations: [],
    rank: null,
    require_login: false,
    max_capacity: null,
    waitlist: false,
    registration_start_date: null,
    registration_end_date: null,
    ...fields,
  };
}
