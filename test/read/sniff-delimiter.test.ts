import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from '../../src/read/sniff-delimiter.js';

describe('sniffDelimiter', () => {
  it.each([
    ['Title,Room\nA,B\n', ','],
    ['Title;Room;Date\nA;B;C\n', ';'],
    ['Title\tRoom\nA\tB\n', '\t'],
    ['Title|Room\nA|B\n', '|'],
  ])('finds the delimiter of %j', (sample, expected) => {
    expect(sniffDelimiter(sample)).toBe(expected);
  });

  it('ignores delimiters inside quoted cells, even across lines', () => {
    expect(sniffDelimiter('Title;Room\n"a, b, c";"x,\ny, z"\n"d,e";f\n')).toBe(';');
  });

  it('is not swayed by decimal commas in a semicolon file', () => {
    expect(sniffDelimiter('Title;Price;Start\nTalk;1,50;09:00\nTalk;2,75;10:00\nTalk;3;11:00\n')).toBe(';');
  });

  it('is not swayed by a title line above the header', () => {
    expect(sniffDelimiter('Spring Summit, Berlin, 2027\nTitle;Room\nA;B\nC;D\n')).toBe(';');
  });

  it('falls back to the preferred delimiter when none appears', () => {
    expect(sniffDelimiter('Title\nKeynote\n')).toBe(',');
    expect(sniffDelimiter('Title\nKeynote\n', '\t')).toBe('\t');
  });
});
