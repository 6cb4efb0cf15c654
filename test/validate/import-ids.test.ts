import { describe, expect, it } from 'vitest';
import type { ConvertedRow, MappedRow } from '../../src/types.js';
import { markDuplicateImportIds } from '../../src/validate/duplicate-import-ids.js';
import { deriveImportId, derivedIdsWarning } from '../../src/validate/import-ids.js';
import { actionForFailedRow } from '../../src/validate/row-action.js';

describe('deriveImportId', () => {
  it('is gbi- and 16 hex digits, stable across case, spacing and time formatting', () => {
    const id = deriveImportId('Opening Keynote', '2027-03-14T13:00:00.000Z');
    expect(id).toMatch(/^gbi-[0-9a-f]{16}$/);
    expect(deriveImportId('  opening   KEYNOTE ', '2027-03-14T13:00:00Z')).toBe(id);
    expect(deriveImportId('Opening Keynote', '2027-03-14T14:00:00+01:00')).toBe(id);
    expect(deriveImportId('Opening Keynote!', '2027-03-14T13:00:00.000Z')).not.toBe(id);
    expect(deriveImportId('Opening Keynote', '2027-03-14T13:30:00.000Z')).not.toBe(id);
  });

  it('is sha256 over "name|start" (documented, so others can reproduce it)', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('opening keynote|2027-03-14T13:00:00.000Z').digest('hex').slice(0, 16);
    expect(deriveImportId('Opening Keynote', '2027-03-14T13:00:00.000Z')).toBe(`gbi-${expected}`);
  });

  it('warns once with the count', () => {
    expect(derivedIdsWarning(3)).toBe(
      '3 rows have no import_id, so each got an id derived from its title and start (gbi-…). Editing those rows\' title or ' +
        'start later will create a duplicate session instead of updating it: add an Import ID column to avoid it.',
    );
  });
});

describe('markDuplicateImportIds', () => {
  function mapped(row: number, id: string | null, name = `Talk ${row}`): MappedRow {
    return {
      sheet: 'Agenda',
      row,
      fields: { import_id: { column: 'Import ID', value: id }, name: { column: 'Title', value: name } },
    };
  }
  function ok(row: number, id: string, derived = false): ConvertedRow {
    return {
      ok: true,
      session: {
        sheet: 'Agenda',
        row,
        fields: { name: `Talk ${row}`, import_id: id, start_time: '2027-03-14T13:00:00.000Z' },
        mapped: ['name', 'import_id', 'start_time'],
        zone: 'UTC',
        derivedImportId: derived,
        warnings: [],
      },
    };
  }

  it('makes EVERY row sharing an id invalid, each naming the others', () => {
    const rows = [mapped(5, 'S-12'), mapped(8, 'S-12'), mapped(9, 'S-13'), mapped(31, 'S-12')];
    const converted: ConvertedRow[] = [
      ok(5, 'S-12'),
      ok(8, 'S-12'),
      ok(9, 'S-13'),
      { ok: false, sheet: 'Agenda', row: 31, name: 'Talk 31', import_id: 'S-12', issues: [] },
    ];
    const result = markDuplicateImportIds(converted, rows);
    expect(result[2]).toBe(converted[2]);
    const failed = [result[0], result[1], result[3]].map((r) => {
      if (!r || r.ok) throw new Error('expected a failed row');
      expect(actionForFailedRow(r)).toBe('conflict');
      expect(r.import_id).toBe('S-12');
      return r.issues.map((i) => i.message);
    });
    expect(failed).toEqual([
      ['Row 5, column "Import ID": import_id "S-12" is also on rows 8, 31'],
      ['Row 8, column "Import ID": import_id "S-12" is also on rows 5, 31'],
      ['Row 31, column "Import ID": import_id "S-12" is also on rows 5, 8'],
    ]);
  });

  it('explains colliding derived ids in terms of title and start', () => {
    const rows = [mapped(3, null, 'Lunch'), mapped(4, '', 'Lunch')];
    const result = markDuplicateImportIds([ok(3, 'gbi-0123456789abcdef', true), ok(4, 'gbi-0123456789abcdef', true)], rows);
    expect(result.map((r) => (r.ok ? [] : r.issues.map((i) => i.message)))).toEqual([
      ['Row 3, column "Title": "Lunch" has the same title and start as row 4, so both get the derived import_id "gbi-0123456789abcdef"; give them an Import ID column to tell them apart'],
      ['Row 4, column "Title": "Lunch" has the same title and start as row 3, so both get the derived import_id "gbi-0123456789abcdef"; give them an Import ID column to tell them apart'],
    ]);
  });

  it('calls a row without such an issue invalid', () => {
    expect(actionForFailedRow({ ok: false, sheet: 'A', row: 2, issues: [] })).toBe('invalid');
  });
});
