// `validate` on a ragged 100,000-row agenda CSV (half the rows one cell short, a quarter one cell
// long, as hand-made sheets are) against a bare csv-parse pass over the same file. csv-parse builds
// an error object for every record whose length differs from the first, relax_column_count or not;
// this shows what that costs each side. Run: npx tsx bench/validate-csv-ragged.bench.ts
import { ensureRaggedAgendaCsv } from './agenda-files.js';
import { compareValidateWithBaseline } from './file-comparison.js';
import { benchRuns } from './stats.js';

await compareValidateWithBaseline({
  name: 'validate-csv-ragged',
  title: 'validate, ragged 100k-row CSV',
  file: ensureRaggedAgendaCsv(100_000),
  baseline: 'csv-parse',
  baselineLabel: 'bare csv-parse',
  runs: benchRuns(),
  goalRatio: 1.5,
  cpuGoalRatio: 2,
  rssLimitMb: 256,
});
