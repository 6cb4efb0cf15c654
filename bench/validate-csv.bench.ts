// Benchmark 1: `validate` on a 100,000-row agenda CSV against a bare csv-parse pass over the same
// file. Goal (issue 15): ≤ 1.5× the baseline's wall time, ≤ 2× its CPU, peak RSS < 256 MB. Run: npx tsx bench/validate-csv.bench.ts
import { ensureAgendaCsv } from './agenda-files.js';
import { compareValidateWithBaseline } from './file-comparison.js';
import { benchRuns } from './stats.js';

await compareValidateWithBaseline({
  name: 'validate-csv',
  title: 'validate, 100k-row CSV',
  file: ensureAgendaCsv(100_000),
  baseline: 'csv-parse',
  baselineLabel: 'bare csv-parse',
  runs: benchRuns(),
  goalRatio: 1.5,
  cpuGoalRatio: 2,
  rssLimitMb: 256,
});
