// Plan entries and report documents for report tests.
import type { RowResult } from '../../src/apply/types.js';
import type { PlanEntry } from '../../src/plan/types.js';
import type { ReportDocument } from '../../src/report/types.js';
import type { ReportRow, RowIssue } from '../../src/types.js';

export function issue(severity: RowIssue['severity'], message: string, row = 2): RowIssue {
  return { code: severity === 'error' ? 'bad_date' : 'derived_import_id', severity, message, sheet: 'Agenda', row };
}

export const createEntry: PlanEntry = {
  action: 'create',
  sheet: 'Agenda',
  row: 2,
  importId: 'talk-1',
  name: 'Opening',
  zone: 'Europe/Berlin',
  issues: [issue('warning', 'Row 2: import_id derived from the row')],
  fields: { name: 'Opening', start_time: '2027-03-01T08:00:00.000Z', schedule_tracks: ['Keynotes'] },
  body: { guide: 7, import_id: 'talk-1', name: 'Opening', start_time: '2027-03-01T08:00:00.000Z', schedule_tracks: [11] },
};

export const updateEntry: PlanEntry = {
  action: 'update',
  sheet: 'Agenda',
  row: 3,
  importId: 'talk-2',
  name: 'Panel',
  issues: [],
  sessionId: 52,
  changes: [
    { field: 'name', old: 'Old panel', new: 'Panel' },
    { field: 'end_time', old: null, new: '2027-03-01T10:00:00.000Z' },
  ],
  patch: { name: 'Panel', end_time: '2027-03-01T10:00:00.000Z' },
};

export const unchangedEntry: PlanEntry = {
  action: 'unchanged',
  sheet: 'Agenda',
  row: 4,
  importId: 'talk-3',
  name: 'Lunch',
  issues: [],
  sessionId: 53,
};

export const invalidEntry: PlanEntry = {
  action: 'invalid',
  sheet: 'Agenda',
  row: 5,
  importId: 'talk-4',
  name: 'Broken',
  issues: [issue('warning', 'Row 5: time looks odd', 5), issue('error', 'Row 5, column "Start": "31/02/2027" is not a date', 5)],
};

export const conflictEntry: PlanEntry = {
  action: 'conflict',
  sheet: 'Agenda',
  row: 6,
  importId: 'twin',
  name: 'Twin',
  issues: [{ ...issue('error', 'Row 6: import_id "twin" is held by 2 sessions', 6), code: 'server_conflict' }],
  sessionIds: [60, 61],
};

export const deleteEntry = (confirmed: boolean): PlanEntry => ({
  action: 'delete',
  sheet: 'Agenda',
  row: null,
  importId: 'gone',
  name: 'Dropped',
  issues: [],
  sessionId: 70,
  confirmed,
});

export function result(entry: PlanEntry, outcome: RowResult['outcome'], extra: Partial<RowResult> = {}): RowResult {
  return { entry, outcome, sessionId: null, httpStatus: null, message: '', ...extra };
}

export function reportRow(overrides: Partial<ReportRow>): ReportRow {
  return {
    sheet: 'Agenda',
    row: 2,
    import_id: 'x',
    name: 'X',
    action: 'create',
    outcome: 'done',
    session_id: 1,
    http_status: 201,
    changed_fields: [],
    message: '',
    ...overrides,
  };
}

export function reportDocument(rows: ReportRow[], options: Record<string, unknown> = {}): ReportDocument {
  return {
    version: 1,
    command: 'import',
    file: 'agenda.xlsx',
    guideId: 7,
    dryRun: false,
    startedAt: '2027-01-01T10:00:00.000Z',
    finishedAt: '2027-01-01T10:00:05.000Z',
    options,
    summary: { created: 0, updated: 0, unchanged: 0, deleted: 0, invalid: 0, conflicts: 0, failed: 0, not_attempted: 0, requests: 3 },
    warnings: [],
    rows,
  };
}
