import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../src/api/throttle.js';

/** A virtual clock: sleeping records the scheduled start and moves time on, nothing waits. */
function virtualClock() {
  let time = 0;
  const starts: number[] = [];
  const delays: number[] = [];
  return {
    starts,
    delays,
    now: () => time,
    sleep: async (ms: number) => {
      delays.push(ms);
      time += ms;
    },
    advanceTo: (at: number) => {
      time = at;
    },
    recordStart: () => starts.push(time),
  };
}

describe('createThrottle', () => {
  it('spaces starts exactly 1000/rate ms apart when requests queue up', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 20, now: clock.now, sleep: clock.sleep });
    await Promise.all(Array.from({ length: 6 }, () => throttle.run(async () => clock.recordStart())));
    expect(clock.starts).toEqual([0, 50, 100, 150, 200, 250]);
    expect(clock.delays).toEqual([50, 50, 50, 50, 50]);
  });

  it('keeps the spacing with parallel slots: the rate caps starts, not just concurrency', async () => {
    const clock = virtualClock();
    // The clock stands still: all eight hold a concurrency slot at time 0 and each one reserves
    // the next start slot in turn.
    const scheduledStarts: number[] = [];
    const throttle = createThrottle({
      concurrency: 8,
      rate: 4,
      now: clock.now,
      sleep: async (ms) => {
        scheduledStarts.push(clock.now() + ms);
      },
    });
    await Promise.all(Array.from({ length: 8 }, () => throttle.run(async () => undefined)));
    expect(scheduledStarts).toEqual([250, 500, 750, 1000, 1250, 1500, 1750]);
  });

  it('slides: an idle period earns no burst credit', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 10, now: clock.now, sleep: clock.sleep });
    await throttle.run(async () => clock.recordStart());
    clock.advanceTo(60_000);
    await Promise.all(Array.from({ length: 3 }, () => throttle.run(async () => clock.recordStart())));
    expect(clock.starts).toEqual([0, 60_000, 60_100, 60_200]);
  });

  it('starts at once when the last start is older than the interval', async () => {
    const clock = virtualClock();
    const throttle = createThrottle({ concurrency: 1, rate: 2, now: clock.now, sleep: clock.sleep });
    await throttle.run(async () => clock.recordStart());
    clock.advanceTo(300);
    await throttle.run(async () => clock.recordStart()); // 200 ms left of the 500 ms spacing
    clock.advanceTo(2_000);
    await throttle.run(async () => clock.recordStart());
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
