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

  it('changes no value when long texts differ only where their hash does not look, however many there are', () => {
    // 6,400 characters: a text's hash samples every 100th, so these 20 texts (differing in their
    // second character only) share one hash, and the texts written again find their own.
    const share = createRepeatedCells(2);
    const base = 'x'.repeat(6_400);
    const texts = Array.from({ length: 20 }, (_, i) => `${base[0]}${String.fromCharCode(65 + i)}${base.slice(2)}`);
    const rows: CellValue[][] = [];
    for (let round = 0; round < 3; round++) for (const text of texts) rows.push([text.slice(0, 3) + text.slice(3), `${round}`]);
    const copies = rows.map((row) => [...row]);
    for (const row of rows) share(row);
    expect(rows).toEqual(copies);
    expect(rows.slice(40).map((row) => row[0])).toEqual(texts);
  });
});
