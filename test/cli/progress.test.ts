import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatEta } from '../../src/cli/progress.js';
import type { RowResult } from '../../src/apply/types.js';

function row(outcome: RowResult['outcome']): RowResult {
  return {
    entry: { action: 'unchanged', sheet: 'S', row: 2, importId: 'a', name: 'A', issues: [], sessionId: 1 },
    outcome,
    sessionId: 1,
    httpStatus: null,
    message: '',
  };
}

function captured(isTTY: boolean): { stream: PassThrough & { isTTY?: boolean; columns?: number }; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (isTTY) {
    stream.isTTY = true;
    stream.columns = 120;
  }
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('createProgress without a terminal', () => {
  it('writes a line at each 10 % step and a last one at stop, with rate and ETA', () => {
    let clock = 0;
    const out = captured(false);
    const progress = createProgress(100, out.stream, { now: () => clock, intervalMs: 1_000_000 });
    for (let i = 0; i < 25; i++) {
      clock += 100; // 10 rows per second
      progress.tick(row(i === 3 ? 'failed' : 'done'));
    }
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines).toEqual([
      'applied 10/100 rows (10%), 10.0 rows/s, ETA 9s, 1 failed',
      'applied 20/100 rows (20%), 10.0 rows/s, ETA 8s, 1 failed',
      'applied 25/100 rows (25%), 10.0 rows/s, ETA 8s, 1 failed',
    ]);
  });

  it('writes a line when the interval has passed even without a 10 % step', () => {
    let clock = 0;
    const out = captured(false);
    const progress = createProgress(1000, out.stream, { now: () => clock, intervalMs: 2000 });
    progress.tick(row('done'));
    clock = 2500;
    progress.tick(row('done'));
    progress.tick(row('done'));
    progress.stop();
    progress.stop();
    expect(out.text().trim().split('\n')).toEqual([
      'applied 2/1000 rows (0%), 0.8 rows/s, ETA 20m 48s',
      'applied 3/1000 rows (0%), 1.2 rows/s, ETA 13m 51s',
    ]);
  });

  it('never writes terminal control sequences', () => {
    const out = captured(false);
    const progress = createProgress(3, out.stream);
    for (let i = 0; i < 3; i++) progress.tick(row('done'));
    progress.stop();
    expect(out.text()).not.toMatch(/\x1B/);
    expect(out.text()).toContain('applied 3/3 rows (100%)');
  });
});

describe('createProgress on a terminal', () => {
  it('draws a cli-progress bar with done/total and failed count', () => {
    const out = captured(true);
    const progress = createProgress(4, out.stream);
    progress.tick(row('done'));
    progress.tick(row('failed'));
    progress.tick(row('done'));
    progress.tick(row('done'));
    progress.stop();
    expect(out.text()).toMatch(/\x1B/); // redrawn in place
    expect(out.text()).toContain('4/4 rows');
    expect(out.text()).toContain('1 failed');
  });
});

describe('formatEta', () => {
  it('picks the largest useful unit', () => {
    expect(formatEta(7)).toBe('7s');
    expect(formatEta(125)).toBe('2m 05s');
    expect(formatEta(3 * 3600 + 61)).toBe('3h 01m');
  });
});
