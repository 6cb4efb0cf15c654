import { describe, expect, it } from 'vitest';
import { collectImportIds, deriveImportId, derivedIdsWarning, indexImportIdsAsWritten } from '../../src/validate/import-ids.js';

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
      "3 rows have no import_id, so each got an id derived from its title and start (gbi-…). Editing those rows' title or " +
        'start later will create a duplicate session instead of updating it: add an Import ID column to avoid it.',
    );
  });
});

describe('collectImportIds', () => {
  it('indexes ids added in any order of rows as indexing them in row order does', () => {
    const ids = ['a', 'b', undefined, 'a', 'c', 'b', 'a', 'd', 'c'];
    const inOrder = indexImportIdsAsWritten(ids.length, (row) => ids[row]);
    expect([...inOrder.shared]).toEqual([
      ['a', [0, 3, 6]],
      ['b', [1, 5]],
      ['c', [4, 8]],
    ]);
    // The rows' own ids as they are read, then the derived ones (rows 0, 4 and 6 here).
    const derivedRows = new Set([0, 4, 6]);
    const collected = collectImportIds();
    for (const pass of [false, true]) {
      ids.forEach((id, row) => {
        if (id !== undefined && derivedRows.has(row) === pass) collected.add(row, id);
      });
    }
    const index = collected.finish();
    expect(new Map(index.shared)).toEqual(new Map(inOrder.shared));
    expect(new Map(index.firstRow)).toEqual(new Map(inOrder.firstRow));
  });
});
