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
      'applied 10/100 writes (10%), 10.0 writes/s, ETA 9s, 1 failed',
      'applied 20/100 writes (20%), 10.0 writes/s, ETA 8s, 1 failed',
      'applied 25/100 writes (25%), 10.0 writes/s, ETA 8s, 1 failed',
    ]);
  });

  it("counts a speaker's row by its requests, so the rate and ETA hold while speakers are written", () => {
    let clock = 0;
    const out = captured(false);
    // 10 sessions of one write each, then 2 speakers of 15 requests each: 40 writes in all.
    const progress = createProgress(40, out.stream, { now: () => clock, intervalMs: 1_000_000 });
    for (let i = 0; i < 10; i++) {
      clock += 100;
      progress.tick(row('done'));
    }
    clock += 1500;
    progress.tick(row('done'), 15);
    clock += 1500;
    progress.tick(row('failed'), 15);
    progress.stop();
    expect(out.text().trim().split('\n')).toEqual([
      'applied 4/40 writes (10%), 10.0 writes/s, ETA 4s',
      'applied 8/40 writes (20%), 10.0 writes/s, ETA 3s',
      // The first speaker moves the bar by its 15 requests, at the rate the sessions had.
      'applied 25/40 writes (62%), 10.0 writes/s, ETA 2s',
      // A failed speaker is one failed row, however many requests it stood for.
      'applied 40/40 writes (100%), 10.0 writes/s, ETA 0s, 1 failed',
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
      'applied 2/1000 writes (0%), 0.8 writes/s, ETA 20m 48s',
      'applied 3/1000 writes (0%), 1.2 writes/s, ETA 13m 51s',
    ]);
  });

  it('never writes terminal control sequences', () => {
    const out = captured(false);
    const progress = createProgress(3, out.stream);
    for (let i = 0; i < 3; i++) progress.tick(row('done'));
    progress.stop();
    expect(out.text()).not.toMatch(/\x1B/);
    expect(out.text()).toContain('applied 3/3 writes (100%)');
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
    expect(out.text()).toContain('4/4 writes');
    expect(out.text()).toContain('1 failed');
  });

  it('after a stop, unattempted rows move neither the bar nor the rate', () => {
    let clock = 0;
    const out = captured(true);
    const progress = createProgress(10, out.stream, { now: () => clock });
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      progress.tick(row('done'));
    }
    clock += 10;
    for (let i = 0; i < 7; i++) progress.tick(row('not_attempted'));
    progress.stop();
    const last = out.text().split('\r').at(-1) ?? '';
    expect(last).toContain('3/10 writes');
    expect(last).toContain('| 1.0 writes/s');
    expect(last).toContain('stopped: 7 not attempted (a re-run does them)');
    expect(out.text()).not.toContain('10/10');
  });

  it('shows no time left once stopped (cli-progress counted one up to "LLs")', async () => {
    let clock = 0;
    const out = captured(true);
    const progress = createProgress(10, out.stream, { now: () => clock });
    for (let i = 0; i < 3; i++) {
      clock += 1000;
      progress.tick(row('done'));
    }
    // Interrupted: nothing comes back for a while, then the rest as not attempted.
    await new Promise((resolve) => setTimeout(resolve, 250));
    for (let i = 0; i < 7; i++) progress.tick(row('not_attempted'));
    await new Promise((resolve) => setTimeout(resolve, 250));
    progress.stop();
    const frames = out
      .text()
      .split('\u001b[1G')
      .map((frame) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, ''));
    const last = frames.filter((frame) => frame.includes('writes/s')).at(-1) ?? '';
    expect(last).toContain('3/10 writes | 1.0 writes/s | ETA none (stopped), stopped: 7 not attempted');
    expect(out.text()).not.toMatch(/ETA \d*L/);
    // While running, the ETA is the rate's: 7 writes left at 1.0 writes/s.
    expect(out.text()).toContain('3/10 writes | 1.0 writes/s | ETA 7s');
  });

  it('keeps the line within an 80-column terminal', () => {
    const out = captured(true);
    out.stream.columns = 80;
    const progress = createProgress(1000, out.stream);
    progress.tick(row('done'));
    progress.stop();
    const frames = out
      .text()
      .split('\u001b[1G')
      .map((frame) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, ''));
    const drawn = frames.filter((frame) => frame.includes('writes/s'));
    expect(drawn.length).toBeGreaterThan(0);
    for (const frame of drawn) expect(frame.trimEnd().length).toBeLessThanOrEqual(80);
  });
});

describe('createProgress: a stopped run and tracks/rooms', () => {
  it('ends on the writes done, the rate they had, and what is left for a re-run', () => {
    let clock = 0;
    const out = captured(false);
    const progress = createProgress(10, out.stream, { now: () => clock, intervalMs: 1_000_000 });
    for (let i = 0; i < 4; i++) {
      clock += 500;
      progress.tick(row('done'));
    }
    clock += 5;
    for (let i = 0; i < 6; i++) progress.tick(row('not_attempted'));
    progress.stop();
    expect(out.text().trim().split('\n').at(-1)).toBe(
      'applied 4/10 writes (40%), 2.0 writes/s, ETA none (stopped), stopped: 6 not attempted (a re-run does them)',
    );
    expect(out.text()).not.toContain('100%');
  });

  it('once stopping (Ctrl-C), the writes still in flight move the count, not the rate, and there is no ETA', () => {
    let clock = 0;
    const out = captured(false);
    const progress = createProgress(10, out.stream, { now: () => clock, intervalMs: 1_000_000 });
    for (let i = 0; i < 4; i++) {
      clock += 1000;
      progress.tick(row('done'));
    }
    progress.stopping();
    clock += 10; // the in-flight answers come back at once: the rate would jump
    progress.tick(row('done'));
    progress.tick(row('done'));
    for (let i = 0; i < 4; i++) progress.tick(row('not_attempted'));
    progress.stop();
    expect(out.text().trim().split('\n').at(-1)).toBe(
      'applied 6/10 writes (60%), 1.0 writes/s, ETA none (stopped), stopped: 4 not attempted (a re-run does them)',
    );
  });

  it('counts track and room creates in the total and the bar', () => {
    let clock = 0;
    const out = captured(false);
    const progress = createProgress(8, out.stream, { now: () => clock, intervalMs: 1_000_000, references: 2 });
    clock += 1000;
    progress.tickReference();
    clock += 1000;
    progress.tickReference();
    progress.tickReference(); // a retry or a found one: never past the planned count
    for (let i = 0; i < 8; i++) {
      clock += 1000;
      progress.tick(row('done'));
    }
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toBe('applied 1/10 writes (10%), 1.0 writes/s, ETA 9s');
    expect(lines.at(-1)).toBe('applied 10/10 writes (100%), 1.0 writes/s, ETA 0s');
  });
});

describe('formatEta', () => {
  it('picks the largest useful unit', () => {
    expect(formatEta(7)).toBe('7s');
    expect(formatEta(125)).toBe('2m 05s');
    expect(formatEta(3 * 3600 + 61)).toBe('3h 01m');
  });
});
