import { describe, expect, it } from 'vitest';
import { colourWanted, painterFor } from '../../src/cli/colour.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colour on a terminal', () => {
  it('colours a terminal, not a pipe, a file or a dumb terminal', () => {
    expect(colourWanted(tty, {})).toBe(true);
    expect(colourWanted(pipe, {})).toBe(false);
    expect(colourWanted(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('honours NO_COLOR (any non-empty value) and FORCE_COLOR (wins both ways)', () => {
    expect(colourWanted(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourWanted(tty, { NO_COLOR: '' })).toBe(true);
    expect(colourWanted(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourWanted(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colourWanted(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourWanted(tty, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('paints with ANSI codes only when wanted', () => {
    expect(painterFor(tty, {})('bad', '2 failed')).toBe('\u001b[31m2 failed\u001b[39m');
    expect(painterFor(tty, { NO_COLOR: 'yes' })('bad', '2 failed')).toBe('2 failed');
  });
});
