import { describe, expect, it } from 'vitest';
import { splitList } from '../../src/validate/row-values.js';

// Track, location and speaker lists as people type them (issue 12, pattern 9).
describe('splitList: one separator per cell, by precedence', () => {
  it('splits on each separator people use', () => {
    expect(splitList('Data; Web')).toEqual(['Data', 'Web']);
    expect(splitList('Data | Web|Cloud')).toEqual(['Data', 'Web', 'Cloud']);
    expect(splitList('Data, Web')).toEqual(['Data', 'Web']);
    expect(splitList('Data / Web')).toEqual(['Data', 'Web']);
    expect(splitList('Ana Ruiz\nBo Li')).toEqual(['Ana Ruiz', 'Bo Li']);
    expect(splitList('Ana Ruiz\r\nBo Li')).toEqual(['Ana Ruiz', 'Bo Li']);
    // A line break typed as the two characters backslash and n (exports from web forms).
    expect(splitList('Ana Ruiz\\nBo Li')).toEqual(['Ana Ruiz', 'Bo Li']);
  });

  it('a cell with ";" splits on ";" only, one with "|" on "|" only', () => {
    expect(splitList('Hall A, Level 2; Hall B')).toEqual(['Hall A, Level 2', 'Hall B']);
    expect(splitList('Hall A, Level 2 | Hall B / C')).toEqual(['Hall A, Level 2', 'Hall B / C']);
    expect(splitList('Smith, Jane; Doe, John')).toEqual(['Smith, Jane', 'Doe, John']);
  });

  it('a slash splits only with space on both sides: a slash inside a name stays', () => {
    expect(splitList('Hall 1/2')).toEqual(['Hall 1/2']);
    expect(splitList('A/B Testing')).toEqual(['A/B Testing']);
    expect(splitList('Room 1/2, Room 3')).toEqual(['Room 1/2', 'Room 3']);
    expect(splitList('Hall 1/2 / Foyer')).toEqual(['Hall 1/2', 'Foyer']);
  });

  it('line breaks split together with the one separator', () => {
    expect(splitList('Hall A, Level 2; Hall B\nFoyer')).toEqual(['Hall A, Level 2', 'Hall B', 'Foyer']);
    expect(splitList('A, B\\nC')).toEqual(['A', 'B', 'C']);
  });

  it('a mapping file separator replaces the rule', () => {
    expect(splitList('A, B / C', '/')).toEqual(['A, B', 'C']);
    expect(splitList('A; B', ',')).toEqual(['A; B']);
  });
});
