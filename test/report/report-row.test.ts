import { describe, expect, it } from 'vitest';
import { entryToReportRow, toReportRow } from '../../src/report/report-row.js';
import { summarize } from '../../src/report/summary.js';
import {
  conflictEntry,
  createEntry,
  deleteEntry,
  invalidEntry,
  reportRow,
  result,
  unchangedEntry,
  updateEntry,
} from './report-fixtures.js';

describe('toReportRow', () => {
  it('reports a done create with the new session id, status, fields and zone', () => {
    const row = toReportRow(result(createEntry, 'done', { sessionId: 501, httpStatus: 201 }), false);
    expect(row).toMatchObject({
      sheet: 'Agenda',
      row: 2,
      import_id: 'talk-1',
      name: 'Opening',
      action: 'create',
      outcome: 'done',
      session_id: 501,
      http_status: 201,
      changed_fields: [],
      message: 'Row 2: import_id derived from the row',
      zone: 'Europe/Berlin',
      fields: { schedule_tracks: ['Keynotes'] },
    });
  });

  it('lists changed field names and old/new values of an update', () => {
    const row = toReportRow(result(updateEntry, 'done', { httpStatus: 200 }), false);
    expect(row.changed_fields).toEqual(['name', 'end_time']);
    expect(row.changes).toEqual([
      { field: 'name', old: 'Old panel', new: 'Panel' },
      { field: 'end_time', old: null, new: '2027-03-01T10:00:00.000Z' },
    ]);
    expect(row.session_id).toBe(52);
  });

  it('puts the failure message of apply before the row issues', () => {
    const row = toReportRow(
      result(createEntry, 'failed', { httpStatus: 400, message: 'POST /sessions/ answered 400: name: too long' }),
      false,
    );
    expect(row.outcome).toBe('failed');
    expect(row.message).toBe('POST /sessions/ answered 400: name: too long; Row 2: import_id derived from the row');
  });

  it('marks unchanged rows done, or planned in a dry run', () => {
    expect(toReportRow(result(unchangedEntry, 'not_attempted'), false).outcome).toBe('done');
    expect(toReportRow(result(unchangedEntry, 'done'), true).outcome).toBe('planned');
    expect(toReportRow(result(unchangedEntry, 'done'), false).session_id).toBe(53);
  });

  it('makes every write planned in a dry run', () => {
    expect(toReportRow(result(createEntry, 'planned'), true).outcome).toBe('planned');
    expect(toReportRow(result(deleteEntry(true), 'done'), true).outcome).toBe('planned');
  });

  it('always fails invalid and conflict rows, with errors before warnings', () => {
    const invalid = toReportRow(result(invalidEntry, 'planned'), true);
    expect(invalid.outcome).toBe('failed');
    expect(invalid.message).toBe('Row 5, column "Start": "31/02/2027" is not a date; Row 5: time looks odd');
    expect(toReportRow(result(conflictEntry, 'done'), false).outcome).toBe('failed');
  });

  it('keeps a delete without --yes planned and says how to carry it out', () => {
    const row = toReportRow(result(deleteEntry(false), 'done'), false);
    expect(row).toMatchObject({ action: 'delete', outcome: 'planned', row: null, session_id: 70 });
    expect(row.message).toContain('no longer in the sheet');
    expect(row.message).toContain('--yes');
    const done = toReportRow(result(deleteEntry(true), 'done', { httpStatus: 204 }), false);
    expect(done).toMatchObject({ outcome: 'done', http_status: 204 });
    expect(done.message).not.toContain('--yes');
  });

  it('says "--yes" once on a planned delete, whatever apply adds', () => {
    const row = toReportRow(result(deleteEntry(false), 'planned', { message: 'would delete: run with --yes to delete' }), false);
    expect(row.message.match(/--yes/g)).toHaveLength(1);
    const dry = toReportRow(result(deleteEntry(true), 'planned', { message: 'would delete' }), true);
    expect(dry.message).not.toContain('would delete');
  });
});

describe('entryToReportRow', () => {
  it('takes the given outcome for rows a stopped run never reached', () => {
    expect(entryToReportRow(createEntry, 'not_attempted').outcome).toBe('not_attempted');
    expect(entryToReportRow(invalidEntry, 'not_attempted').outcome).toBe('failed');
    expect(entryToReportRow(createEntry, 'planned')).toMatchObject({ session_id: null, http_status: null });
  });
});

describe('summarize', () => {
  it('counts done writes, unchanged, invalid, conflicts, failed writes and not attempted', () => {
    const rows = [
      reportRow({ action: 'create', outcome: 'done' }),
      reportRow({ action: 'create', outcome: 'done' }),
      reportRow({ action: 'create', outcome: 'failed' }),
      reportRow({ action: 'create', outcome: 'not_attempted' }),
      reportRow({ action: 'update', outcome: 'done' }),
      reportRow({ action: 'update', outcome: 'planned' }),
      reportRow({ action: 'unchanged', outcome: 'done' }),
      reportRow({ action: 'unchanged', outcome: 'planned' }),
      reportRow({ action: 'delete', outcome: 'done' }),
      reportRow({ action: 'delete', outcome: 'planned' }),
      reportRow({ action: 'delete', outcome: 'failed' }),
      reportRow({ action: 'invalid', outcome: 'failed' }),
      reportRow({ action: 'conflict', outcome: 'failed' }),
    ];
    expect(summarize(rows, 42)).toEqual({
      created: 2,
      updated: 1,
      unchanged: 2,
      deleted: 1,
      invalid: 1,
      conflicts: 1,
      failed: 2,
      not_attempted: 1,
      requests: 42,
    });
  });
});
