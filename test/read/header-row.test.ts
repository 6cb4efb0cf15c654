import { describe, expect, it } from 'vitest';
import { acceptedHeadersHint } from '../../src/map/fields.js';
import { alignCells, findHeaderRow, isEmptyRow, noHeaderMessage } from '../../src/read/header-row.js';
import { scoreHeader } from './helpers.js';

describe('findHeaderRow', () => {
  it('takes the best-scoring row and drops its trailing empty cells', () => {
    const header = findHeaderRow(
      [
        { row: 1, texts: ['Agenda', '', ''] },
        { row: 3, texts: ['Title', 'Notes', ''] },
        { row: 4, texts: ['Title', 'Date', 'Room', '', ''] },
      ],
      scoreHeader,
    );
    expect(header).toEqual({ row: 4, headers: ['Title', 'Date', 'Room'] });
  });

  it('takes the earliest of equal scores, and nothing when no cell is known', () => {
    expect(
      findHeaderRow(
        [
          { row: 2, texts: ['Title'] },
          { row: 5, texts: ['Room'] },
        ],
        scoreHeader,
      )?.row,
    ).toBe(2);
    expect(findHeaderRow([{ row: 1, texts: ['alpha'] }], scoreHeader)).toBeNull();
  });

  it('names the first row in its message', () => {
    expect(noHeaderMessage([{ row: 2, texts: ['alpha', '', 'beta', ''] }], 'Day 1')).toBe(
      `no header row found in sheet "Day 1" in the first 30 rows (no cell is a known column name; row 2 is: "alpha", "", "beta"); ${acceptedHeadersHint()}`,
    );
    expect(noHeaderMessage([])).toBe('is empty');
  });
});

describe('row helpers', () => {
  it('pads short rows with null and drops cells past the header', () => {
    expect(alignCells(['a'], 3)).toEqual(['a', null, null]);
    expect(alignCells(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b']);
  });

  it('counts a row of blanks as empty, but not a row with a zero or false', () => {
    expect(isEmptyRow([null, '  ', ''])).toBe(true);
    expect(isEmptyRow([null, 0])).toBe(false);
    expect(isEmptyRow([false])).toBe(false);
  });
});
