// Benchmark 2: `validate` on the same 100,000-row agenda as an XLSX workbook (real date and time
// cells) against a bare SheetJS read of the file. Goal: ≤ 1.3×. Run: npx tsx bench/validate-xlsx.bench.ts
import { ensureAgendaXlsx } from './agenda-files.js';
import { compareValidateWithBaseline } from './file-comparison.js';
import { benchRuns } from './stats.js';

await compareValidateWithBaseline({
  name: 'validate-xlsx',
  title: 'validate, 100k-row XLSX',
  file: ensureAgendaXlsx(100_000),
  baseline: 'sheetjs-read',
  baselineLabel: 'bare SheetJS read',
  reference: { task: 'sheetjs-read-lean', label: "SheetJS with the reader's own options" },
  runs: benchRuns(),
  goalRatio: 1.3,
});
