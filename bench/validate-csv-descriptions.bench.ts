// `validate` on a 100,000-row agenda CSV whose descriptions are long and multi-line (2-6
// paragraphs with blank lines, bullet lists, quotes, commas, non-ASCII text; ~80 MB) against a bare
// csv-parse pass over the same file: the second sheet of issue 15's goal. Goal: ≤ 1.5× wall,
// ≤ 2× CPU, peak RSS < 256 MB. Run: npx tsx bench/validate-csv-descriptions.bench.ts
import { ensureDescriptionsAgendaCsv } from './agenda-files.js';
import { compareValidateWithBaseline } from './file-comparison.js';
import { benchRuns } from './stats.js';

await compareValidateWithBaseline({
  name: 'validate-csv-descriptions',
  title: 'validate, 100k-row CSV with long descriptions',
  file: ensureDescriptionsAgendaCsv(100_000),
  baseline: 'csv-parse',
  baselineLabel: 'bare csv-parse',
  runs: benchRuns(),
  goalRatio: 1.5,
  cpuGoalRatio: 2,
  rssLimitMb: 256,
});
