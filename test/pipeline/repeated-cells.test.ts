import { describe, expect, it } from 'vitest';
import { createRepeatedCells } from '../../src/pipeline/repeated-cells.js';
import type { CellValue } from '../../src/types.js';

describe('createRepeatedCells', () => {
  // Which equal string a cell holds is not observable from JavaScript (Object.is compares strings
  // by value); what is observable, and checked here, is that no value changes. The memory it saves
  // is measured by bench/validate-stages.ts.
  it('changes no value while sharing equal texts of a column', () => {
    const share = createRepeatedCells(3);
    const rows: CellValue[][] = [
      ['3/1/2027', 'Hall A', 7],
      [['3/1', '2027'].join('/'), ['Hall', 'A'].join(' '), null],
      ['3/2/2027', 'Hall A', true],
    ];
    const copies = rows.map((row) => [...row]);
    for (const row of rows) share(row);
    expect(rows).toEqual(copies);
  });

  it('gives up on a column of mostly distinct texts and leaves wider rows alone past the header', () => {
    const share = createRepeatedCells(1);
    for (let i = 0; i < 5000; i++) share([`title ${i}`, 'extra']);
    const row: CellValue[] = [['title', '1'].join(' '), 'extra'];
    share(row);
    expect(row).toEqual(['title 1', 'extra']);
  });
});
