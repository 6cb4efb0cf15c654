// Colour on a terminal for outcomes and failures, and none anywhere else: a log file, a cron mail
// or a CI step gets plain text. Follows the two conventions users set: FORCE_COLOR (non-empty and
// not "0"/"false" turns colour on even when piped, "0" turns it off) wins, then NO_COLOR
// (https://no-color.org: any non-empty value turns it off). Plain ANSI codes: no dependency.
import type { Paint, Tone } from '../report/summary-text.js';

const CODES: Record<Tone, [string, string]> = {
  good: ['\u001b[32m', '\u001b[39m'],
  bad: ['\u001b[31m', '\u001b[39m'],
  warn: ['\u001b[33m', '\u001b[39m'],
  dim: ['\u001b[2m', '\u001b[22m'],
};

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A painter for text written to `stream`: ANSI colours when wanted, the text untouched otherwise. */
export function painterFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Paint {
  if (!colourWanted(stream, env)) return (_tone, text) => text;
  return (tone, text) => `${CODES[tone][0]}${text}${CODES[tone][1]}`;
}
