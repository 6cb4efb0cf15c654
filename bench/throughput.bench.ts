// Benchmark 4: 2,000 creates against the sandbox answering after 50 ms, at --rate 20
// --concurrency 8: the requests per second achieved against the configured rate. Goal ≥ 95 %.
// Takes about 100 s (2,000 requests at 20 per second). Run: npx tsx bench/throughput.bench.ts
import { createClient } from '../src/api/index.js';
import { runImport } from '../src/pipeline/run-import.js';
import { defaultSandboxState, startSandbox } from '../src/sandbox/index.js';
import { ROOMS, TRACKS, agendaCsv } from './agenda.js';
import { outPath } from './agenda-files.js';
import { loadAverage, saveResult, verdict } from './stats.js';
import { writeFileSync } from 'node:fs';

const ROWS = Number(process.env.BENCH_THROUGHPUT_ROWS ?? 2_000);
const RATE = 20;
const CONCURRENCY = 8;
const LATENCY_MS = 50;
const API_KEY = 'bench-key';

const file = outPath(`agenda-${ROWS}.csv`);
writeFileSync(file, agendaCsv(ROWS));
const state = defaultSandboxState();
state.guides[0] = { ...state.guides[0]!, start_date: '2027-03-01', end_date: '2027-03-30' };
const sandbox = await startSandbox({ apiKey: API_KEY, initialState: state, latencyMs: LATENCY_MS });

console.log(
  `\n## Throughput: ${ROWS.toLocaleString('en-US')} creates, sandbox latency ${LATENCY_MS} ms, --rate ${RATE} --concurrency ${CONCURRENCY}`,
);
console.log(`load average ${loadAverage()}; expect about ${Math.round(ROWS / RATE)} s`);
const starts: number[] = [];
let applyStartedAt = 0;
let requestsAtPlan = 0;
try {
  const client = createClient({
    apiUrl: sandbox.apiUrl,
    apiKey: API_KEY,
    rate: RATE,
    concurrency: CONCURRENCY,
    onRequest: (info) => {
      if (info.method === 'POST') starts.push(performance.now());
    },
  });
  const run = await runImport(file, {
    client,
    guide: 1,
    createMissing: true,
    onPlanned: () => {
      applyStartedAt = performance.now();
      requestsAtPlan = client.requestCount;
    },
  });
  const elapsedS = (performance.now() - applyStartedAt) / 1000;
  if (run.document.summary.created !== ROWS) throw new Error(`created ${run.document.summary.created} of ${ROWS}`);
  const writes = client.requestCount - requestsAtPlan;
  const expectedWrites = ROWS + TRACKS.length + ROOMS;
  if (writes !== expectedWrites) throw new Error(`${writes} write requests, expected ${expectedWrites}`);

  const achieved = writes / elapsedS;
  // Spacing of starts alone: from the first POST to the last, (n - 1) intervals.
  const spanS = (starts[starts.length - 1]! - starts[0]!) / 1000;
  const startRate = (starts.length - 1) / spanS;
  const met = achieved / RATE >= 0.95;
  const lines = [
    `throughput: ${writes} writes in ${elapsedS.toFixed(1)} s = ${achieved.toFixed(2)} requests/s of ${RATE} configured ` +
      `(${((100 * achieved) / RATE).toFixed(1)} %, goal ≥ 95 %: ${verdict(met)}); starts alone ${startRate.toFixed(2)}/s`,
  ];
  for (const line of lines) console.log(line);
  saveResult({ name: 'throughput', lines, goalsMet: met });
} finally {
  await sandbox.close();
}
