// Where `validate` spends its time: CPU and wall per stage on one file, for profiling (not a
// benchmark with a goal). Usage: npx tsx bench/validate-stages.ts bench/.out/agenda-100000.csv
import { rmSync } from 'node:fs';
import { loadSheet } from '../src/pipeline/load-sheet.js';
import { convertSheet } from '../src/pipeline/convert-sheet.js';
import { planImport } from '../src/plan/index.js';
import { createReportWriter, entryToReportRow, summarize } from '../src/report/index.js';
import { outPath } from './agenda-files.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/validate-stages.ts <sheet file>');

let cpu = process.cpuUsage();
let wall = performance.now();
function lap(stage: string): void {
  const used = process.cpuUsage(cpu);
  console.log(`${stage.padEnd(31)} cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms   wall ${(performance.now() - wall).toFixed(0).padStart(6)} ms`);
  cpu = process.cpuUsage();
  wall = performance.now();
}

const sheet = await loadSheet({ file });
lap('read + map');
const converted = convertSheet(sheet, {});
lap('convert + validate');
const plan = planImport({
  guideId: 0, rows: converted.rows, serverSessions: [], tracks: [], locations: [], readRequests: 0,
  options: { createMissing: true, prune: false, yes: 0 },
});
lap('plan');
const rows = plan.entries.map((entry) => entryToReportRow(entry, 'planned'));
lap('report rows');
const reportPath = outPath('validate-stages.report.csv');
const writer = createReportWriter(reportPath);
for (const row of rows) writer.write(row);
lap('report journal (per row)');
await writer.finish({
  version: 1, command: 'validate', file, guideId: null, dryRun: true, startedAt: '', finishedAt: '', options: {},
  summary: summarize(rows, 0), warnings: [], rows,
});
lap('report finish (sorted rewrite)');
rmSync(reportPath, { force: true });
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
