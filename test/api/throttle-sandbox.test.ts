// The rate cap over real sockets, read from the sandbox's own request log: what the server saw,
// not what the client meant to do. 0-latency sandbox, --concurrency 16.
import { describe, expect, it } from 'vitest';
import { client, sandbox } from './sandbox-fixture.js';

/**
 * The most requests the server logged in any one-second window. The log's times are whole
 * milliseconds of arrival, and arrival trails the client's start by a varying transit time, so
 * the window is taken 2 ms short of a second (the client's own starts are exact: throttle.test.ts).
 */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let last = 0;
  for (let first = 0; first < sorted.length; first++) {
    last = Math.max(last, first);
    while (last < sorted.length && (sorted[last] ?? 0) - (sorted[first] ?? 0) < 998) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

describe('the throttle against the sandbox', () => {
  for (const rate of [100, 300]) {
    it(`--rate ${rate}: never more than ${rate} requests in any second of the server's log`, { timeout: 60_000 }, async () => {
      const server = await sandbox();
      const api = client(server, { rate, concurrency: 16 });
      const count = rate * 3;
      await Promise.all(Array.from({ length: count }, () => api.getGuide(1)));
      const times = server.requestLog.map((entry) => Date.parse(entry.time));
      expect(times).toHaveLength(count);
      const busiest = busiestSecond(times);
      expect(busiest).toBeLessThanOrEqual(rate);
      // Not vacuous: the cap was pressed on. How close the run came to the rate depends on the CPU a
      // whole test suite leaves the in-process server; the ≥ 95 % figure is bench/rate.bench.ts's.
      expect(busiest).toBeGreaterThan(rate / 4);
    });
  }
});
