import { describe, expect, it } from 'vitest';
import { createYesNoReader, isXMark, readNumber, splitList } from '../../src/validate/row-values.js';

describe('yes/no cells: one vocabulary for every yes/no column', () => {
  const read = createYesNoReader(undefined, false);

  it('reads yes/no words in any case, 1/0, x and on/off', () => {
    for (const yes of ['yes', 'YES', ' Y ', 'true', 'True', 't', '1', 'x', 'X', 'on', 'ON', '✓', 'All Day', 1, true])
      expect(read(yes), String(yes)).toBe(true);
    for (const no of ['no', 'No', 'n', 'FALSE', 'f', '0', 'off', '-', 0, false]) expect(read(no), String(no)).toBe(false);
  });

  it('says undefined for anything else', () => {
    for (const other of ['maybe', 'ja', '2', 2, 0.5]) expect(read(other), String(other)).toBeUndefined();
  });

  it('reads a blank as "not given", or as no in a column of x marks', () => {
    expect(read(null)).toBeNull();
    expect(read('  ')).toBeNull();
    const xColumn = createYesNoReader(undefined, true);
    expect(xColumn(null)).toBe(false);
    expect(xColumn('')).toBe(false);
    for (const mark of [' x ', 'X', '\tX\n']) expect(isXMark(mark), mark).toBe(true);
    for (const other of ['', null, undefined, 'yes', 'no', 'xx', 'x x', 'box', 'X-ray']) expect(isXMark(other), String(other)).toBe(false);
  });

  it('adds the mapping file words', () => {
    const german = createYesNoReader({ true_words: ['Ja', 'j'], false_words: ['nein'] }, false);
    expect(german('ja')).toBe(true);
    expect(german('J')).toBe(true);
    expect(german('NEIN')).toBe(false);
    expect(german('yes')).toBe(true);
  });
});

describe('numbers', () => {
  it('reads plain numbers and number cells', () => {
    expect(readNumber(12)).toBe(12);
    expect(readNumber('12')).toBe(12);
    expect(readNumber(' -3.5 ')).toBe(-3.5);
    expect(readNumber('+2')).toBe(2);
    expect(readNumber('.5')).toBe(0.5);
  });

  it('reads a single comma as a decimal comma, except before exactly three digits', () => {
    expect(readNumber('1,5')).toBe(1.5);
    expect(readNumber('0,25')).toBe(0.25);
    expect(readNumber('1,000')).toBe(1000);
    expect(readNumber('1,000.5')).toBe(1000.5);
    expect(readNumber('12,345,678')).toBe(12345678);
  });

  it('reads spaces and apostrophes between digit groups as grouping', () => {
    expect(readNumber('1 000')).toBe(1000);
    expect(readNumber('1\u00a0000,5')).toBe(1000.5);
    expect(readNumber("1'000")).toBe(1000);
    expect(readNumber('1 00')).toBeUndefined();
  });

  it('reads dots as grouping before a decimal comma or in several groups', () => {
    expect(readNumber('1.000,5')).toBe(1000.5);
    expect(readNumber('1.000.000')).toBe(1000000);
    expect(readNumber('1.000')).toBe(1);
    expect(readNumber('1.000', true)).toBe(1000);
  });

  it('refuses text, empty cells and other cell kinds', () => {
    for (const value of ['lots', '', '1,2,3', '1e5', '12abc', '--1', null, true]) expect(readNumber(value), String(value)).toBeUndefined();
    expect(readNumber(Number.NaN)).toBeUndefined();
  });
});

describe('lists', () => {
  it('splits on ; when the cell holds one, else on ,', () => {
    expect(splitList('Hall A, Level 2; Hall B')).toEqual(['Hall A, Level 2', 'Hall B']);
    expect(splitList('AI, Data ,Cloud')).toEqual(['AI', 'Data', 'Cloud']);
  });

  it('trims, drops empty parts and repeats (ignoring case), keeps order', () => {
    expect(splitList(' AI ;; data; ai ;Data;  ')).toEqual(['AI', 'data']);
    expect(splitList('')).toEqual([]);
    expect(splitList('Room 1\nRoom 2')).toEqual(['Room 1', 'Room 2']);
  });

  it('splits on the mapping file separator only', () => {
    expect(splitList('A, B | C; D', '|')).toEqual(['A, B', 'C; D']);
  });
});
