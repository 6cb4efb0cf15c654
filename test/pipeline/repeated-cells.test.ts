import { describe, expect, it } from 'vitest';
import { createRepeatedCells } from '../../src/pipeline/repeated-cells.js';
import type { CellValue } from '../../src/types.js';

describe('createRepeatedCells', () => {
  it('makes equal texts of a column one string, changing no value', () => {
    const share = createRepeatedCells(3);
    const rows: CellValue[][] = [
      ['3/1/2027', 'Hall A', 7],
      [['3/1', '2027'].join('/'), ['Hall', 'A'].join(' '), null],
      ['3/2/2027', 'Hall A', true],
    ];
    const copies = rows.map((row) => [...row]);
    for (const row of rows) share(row);
    expect(rows).toEqual(copies);
    // Same content, now the very string the first row holds (what lookups keyed by it find fastest).
    expect(Object.is(rows[1]![0], rows[0]![0])).toBe(true);
    expect(Object.is(rows[2]![1], rows[0]![1])).toBe(true);
  });

  it('gives up on a column of mostly distinct texts and leaves wider rows alone past the header', () => {
    const share = createRepeatedCells(1);
    for (let i = 0; i < 5000; i++) share([`title ${i}`, 'extra']);
    const row: CellValue[] = [['title', '1'].join(' '), 'extra'];
    share(row);
    expect(row).toEqual(['title 1', 'extra']);
  });
});
