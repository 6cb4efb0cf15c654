// Benchmark: the rate a new user gets, against the rate asked. Creates through the whole import
// (runImport, as `guidebook-import import` runs it) into a sandbox that answers at once (0 ms
// latency), --concurrency 16, at --rate 20, 100, 500 and 1,000. Goal: achieved ≥ 95 % of asked,
// and never more than asked in any one second of the server's request log (every request of it).
// Creates per rate: 10 seconds' worth, at most 2,000. Run: npx tsx bench/rate.bench.ts
import { writeFileSync } from 'node:fs';
import { createClient } from '../src/api/index.js';
import { createThrottle } from '../src/api/throttle.js';
import { runImport } from '../src/pipeline/run-import.js';
import { defaultSandboxState, startSandbox } from '../src/sandbox/index.js';
import { agendaCsv } from './agenda.js';
import { outPath } from './agenda-files.js';
import { loadAverage, saveResult, verdict } from './stats.js';

const RATES = (process.env.BENCH_RATES ?? '20,100,500,1000').split(',').map(Number);
const CONCURRENCY = 16;
const API_KEY = 'bench-key';

/** The most of `times` (ms) in any one-second window. */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let last = 0;
  for (let first = 0; first < sorted.length; first++) {
    last = Math.max(last, first);
    while (last < sorted.length && (sorted[last] ?? 0) - (sorted[first] ?? 0) < 1000) last++;
    most = Math.max(most, last - first);
  }
  return most;
}

console.log(`\n## Rate: creates through runImport, 0 ms sandbox latency, --concurrency ${CONCURRENCY}`);
console.log(`load average ${loadAverage()}`);
const lines: string[] = [];
let allMet = true;

// The scheduling alone: the same throttle over tasks that do nothing, so a shortfall above can be
// told apart (the throttle's timing, or the CPU the sandbox and the import have left).
for (const rate of RATES) {
  const throttle = createThrottle({ rate, concurrency: CONCURRENCY });
  const starts: number[] = [];
  await Promise.all(Array.from({ length: Math.min(2_000, rate * 5) }, () => throttle.run(async () => void starts.push(performance.now()))));
  const achieved = (starts.length - 1) / (((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000);
  const line = `throttle alone, --rate ${String(rate).padStart(4)}: ${starts.length} no-op starts, achieved ${achieved.toFixed(1)}/s = ${((100 * achieved) / rate).toFixed(1)} %; busiest second ${busiestSecond(starts)}`;
  console.log(line);
  lines.push(line);
}

for (const rate of RATES) {
  const rows = Math.min(2_000, rate * 10);
  const file = outPath(`rate-agenda-${rows}.csv`);
  writeFileSync(file, agendaCsv(rows));
  const state = defaultSandboxState();
  state.guides[0] = { ...state.guides[0]!, start_date: '2027-03-01', end_date: '2027-03-30' };
  const sandbox = await startSandbox({ apiKey: API_KEY, initialState: state });
  try {
    const starts: number[] = []; // the session creates, for the rate achieved
    const everyStart: number[] = []; // every request, for the cap
    const client = createClient({
      apiUrl: sandbox.apiUrl,
      apiKey: API_KEY,
      rate,
      concurrency: CONCURRENCY,
      onRequest: (info) => {
        const at = performance.now();
        everyStart.push(at);
        if (info.method === 'POST' && /^\/?sessions\//.test(info.path)) starts.push(at);
      },
    });
    // A short agenda's dates (all in March, days 1-12) fit both d/M and M/d: say which.
    const run = await runImport(file, { client, guide: 1, createMissing: true, maxInFlight: CONCURRENCY * 2, dateFormat: 'M/d/yyyy' });
    if (run.document.summary.created !== rows) throw new Error(`created ${run.document.summary.created} of ${rows}`);
    const achieved = (starts.length - 1) / (((starts.at(-1) ?? 0) - (starts[0] ?? 0)) / 1000);
    // Every request the server logged (the reads and the track and room creates too), timed as it
    // took each in: the cap is what the server counts, not only what the client meant.
    const logged = sandbox.requestLog.map((entry) => Date.parse(entry.time));
    const busiest = busiestSecond(logged);
    const busiestStarts = busiestSecond(everyStart);
    const met = achieved >= rate * 0.95 && busiestStarts <= rate && busiest <= rate;
    allMet &&= met;
    const line =
      `--rate ${String(rate).padStart(4)}: ${rows} creates, achieved ${achieved.toFixed(1)}/s = ${((100 * achieved) / rate).toFixed(1)} % of asked ` +
      `(goal ≥ 95 %); busiest second: ${busiestStarts} starts, ${busiest} in the server's log (≤ ${rate}): ${verdict(met)}`;
    console.log(line);
    lines.push(line);
  } finally {
    await sandbox.close();
  }
}
saveResult({ name: 'rate', lines, goalsMet: allMet });
