import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../src/api/throttle.js';

/**
 * Virtual time: `sleep` registers a timer and nothing waits for real. `settle` fires the timers
 * in time order, letting every pending promise run between two timers, the way an event loop
 * would, until the given work is done.
 */
function virtualClock(options: { lateByMs?: number } = {}) {
  let time = 0;
  const timers: Array<{ at: number; fire: () => void }> = [];
  const starts: number[] = [];
  const delays: number[] = [];
  return {
    starts,
    delays,
    now: () => time,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        delays.push(ms);
        timers.push({ at: time + ms + (options.lateByMs ?? 0), fire: resolve });
      }),
    advanceTo: (at: number) => {
      time = at;
    },
    recordStart: () => {
      starts.push(time);
    },
    async settle(work: Promise<unknown>): Promise<void> {
      let done = false;
      void work.finally(() => {
        done = true;
      });
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        timers.sort((a, b) => a.at - b.at);
        const timer = timers.shift();
        if (timer) {
          time = Math.max(time, timer.at);
          timer.fire();
        }
      }
      await work;
    },
  };
}

function runMany(clock: ReturnType<typeof virtualClock>, throttle: ReturnType<typeof createThrottle>, count: number) {
  return clock.settle(Promise.all(Array.from({ length: count }, () => throttle.run(async () => clock.recordStart()))));
}

/** The most starts in any one-second window [t, t + 1000). */
function busiestSecond(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let last = 0;
  for (let first = 0; first < sorted.length; first++) {
    last = Math.max(last, first);
    while (last < sorted.length && (sorted[last] ?? 0) - (sorted[first] ?? 0) < 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

describe('createThrottle', () => {
  it('spaces starts exactly 1000/rate ms apart when requests queue up', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 20, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 6);
    expect(clock.starts).toEqual([0, 50, 100, 150, 200, 250]);
    expect(clock.delays).toEqual([50, 50, 50, 50, 50]);
  });

  it('keeps the spacing with parallel slots: the rate caps starts, not just concurrency', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 8, rate: 4, now: clock.now, sleep: clock.sleep });
    // All eight hold a concurrency slot at time 0; the start slots still come one by one. The fifth
    // waits for a second and 25 ms after the first (the window's margin, for the varying time a
    // request takes to reach the server's clock), and so on.
    await runMany(clock, throttle, 8);
    expect(clock.starts).toEqual([0, 250, 500, 750, 1025, 1275, 1525, 1775]);
  });

  it('schedules against the ideal timeline: a late timer is made up by the next start', async () => {
    const clock = virtualClock({ lateByMs: 30 });
    const throttle = createThrottle({ concurrency: 2, rate: 10, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 4);
    // Due at 100, 200, 300; each timer fires 30 ms late, and the next one is shortened to match.
    expect(clock.starts).toEqual([0, 130, 230, 330]);
    expect(clock.delays).toEqual([100, 70, 70]);
  });

  it('keeps ≥ 95 % of --rate 1000 at concurrency 16 though every timer fires a millisecond late', async () => {
    const clock = virtualClock({ lateByMs: 1 });
    const throttle = createThrottle({ concurrency: 16, rate: 1000, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 2000);
    const span = (clock.starts.at(-1) ?? 0) - (clock.starts[0] ?? 0);
    const achieved = ((clock.starts.length - 1) / span) * 1000;
    expect(achieved).toBeGreaterThanOrEqual(950);
    expect(achieved).toBeLessThanOrEqual(1000);
    expect(busiestSecond(clock.starts)).toBeLessThanOrEqual(1000);
  }, 60_000);

  it('never catches up above the rate: after a stall, no one-second window holds more than the rate', async () => {
    // Timers 300 ms late: far behind each time, the catch-up is held by the one-second window.
    const clock = virtualClock({ lateByMs: 300 });
    const throttle = createThrottle({ concurrency: 4, rate: 20, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 120);
    expect(busiestSecond(clock.starts)).toBeLessThanOrEqual(20);
  });

  it('holds a fractional rate to its whole part within any one second, and a rate below one to its spacing', async () => {
    const fractional = virtualClock({ lateByMs: 5 });
    await runMany(fractional, createThrottle({ concurrency: 3, rate: 2.5, now: fractional.now, sleep: fractional.sleep }), 12);
    expect(busiestSecond(fractional.starts)).toBeLessThanOrEqual(2);
    const slow = virtualClock({ lateByMs: 5 });
    await runMany(slow, createThrottle({ concurrency: 3, rate: 0.5, now: slow.now, sleep: slow.sleep }), 4);
    expect(slow.starts).toEqual([0, 2005, 4010, 6015]);
  });

  it('slides: an idle period earns no burst credit', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 10, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 1);
    clock.advanceTo(60_000);
    await runMany(clock, throttle, 3);
    expect(clock.starts).toEqual([0, 60_000, 60_100, 60_200]);
  });

  it('starts at once when the last start is older than the interval', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 2, now: clock.now, sleep: clock.sleep });
    await runMany(clock, throttle, 1);
    clock.advanceTo(300);
    await runMany(clock, throttle, 1); // 200 ms left of the 500 ms spacing
    clock.advanceTo(2_000);
    await runMany(clock, throttle, 1);
    expect(clock.starts).toEqual([0, 500, 2_000]);
    expect(clock.delays).toEqual([200]);
  });

  it('never runs more tasks at once than its concurrency', async () => {
    const throttle = createThrottle({ concurrency: 3, rate: 1_000_000 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        throttle.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 5 + (index % 3)));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('passes a task failure through and keeps serving', async () => {
    const throttle = createThrottle({ concurrency: 1, rate: 1_000_000 });
    await expect(throttle.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(throttle.run(async () => 7)).resolves.toBe(7);
  });
});
