// The rate cap over real sockets, read from the sandbox's own request log: what the server saw,
// not only what the client meant to do. The sandbox runs as its own process (as a user's server
// would), answering at once; the client at --concurrency 16.
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/client.js';
import { WINDOW_MARGIN_MS } from '../../src/api/throttle.js';
import { SECRET_KEY } from '../support/cli-process.js';
import { killAllSandboxes, startSandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';

afterAll(killAllSandboxes);

/** The most of `times` (ms) in any window of `windowMs`. */
function busiest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let last = 0;
  for (let first = 0; first < sorted.length; first++) {
    last = Math.max(last, first);
    while (last < sorted.length && (sorted[last] ?? 0) - (sorted[first] ?? 0) < windowMs) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

describe('the throttle against the sandbox', () => {
  for (const rate of [100, 300]) {
    // Retried, like client-rate.test.ts: the server's arrival times are a measurement a starved CPU
    // can bunch; the client's own starts are checked exactly on every try.
    it(`--rate ${rate}: never more than ${rate} requests in any second`, { timeout: 90_000, retry: 2 }, async () => {
      const server = await startSandboxProcess({ dir: tempDir('gi-rate'), apiKey: SECRET_KEY });
      const starts: number[] = [];
      const sentAt: number[] = []; // wall clock, comparable with the server log's times
      const api = createClient({
        apiUrl: server.apiUrl,
        apiKey: SECRET_KEY,
        rate,
        concurrency: 16,
        onRequest: () => {
          starts.push(performance.now());
          sentAt.push(Date.now());
        },
      });
      const count = rate * 3;
      await Promise.all(Array.from({ length: count }, () => api.getGuide(1)));
      // The throttle's promise, on the client's clock: exact.
      expect(starts).toHaveLength(count);
      expect(busiest(starts, 1000), 'client starts in one second').toBeLessThanOrEqual(rate);
      // ... with the margin the server's clock needs: any rate + 1 starts span a second and more.
      const sorted = [...starts].sort((a, b) => a - b);
      const spans = sorted.slice(rate).map((start, k) => start - (sorted[k] ?? 0));
      expect(Math.min(...spans), `${rate + 1} client starts`).toBeGreaterThanOrEqual(1000 + WINDOW_MARGIN_MS - 2);
      // What the server logged: every request once, and no second above the rate. Its times are
      // whole milliseconds of arrival, which trail each start by a transit that varies (the fetch's
      // steps, either event loop busy). The throttle spaces a start WINDOW_MARGIN_MS more than a
      // second after the one `rate` starts before it, which absorbs a variation up to that: then the
      // server's own log holds no more than the rate in any whole second. A box so loaded that the
      // variation (the k-th arrival against the k-th start, plus the log's whole milliseconds) is
      // larger shortens the window read by the excess, no more.
      const logged = server.requests().map((entry) => Date.parse(entry.time));
      expect(logged).toHaveLength(count);
      const arrivals = [...logged].sort((a, b) => a - b);
      const transits = [...sentAt].sort((a, b) => a - b).map((sent, k) => (arrivals[k] ?? sent) - sent);
      const spread = Math.max(...transits) - Math.min(...transits) + 1;
      expect(spread, 'transit spread too large to read the server log').toBeLessThan(250);
      const windowMs = Math.min(1000, 1000 + WINDOW_MARGIN_MS - spread);
      expect(busiest(logged, windowMs), `server log arrivals in ${windowMs} ms (transit spread ${spread} ms)`).toBeLessThanOrEqual(rate);
      // Not vacuous: the cap was pressed on (how close to the rate a run gets depends on the CPU
      // the rest of a test suite leaves; the ≥ 95 % figure is bench/rate.bench.ts's).
      expect(busiest(starts, 1000)).toBeGreaterThan(rate / 4);
    });
  }
});
