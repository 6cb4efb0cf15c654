// Where `validate` spends its time: CPU and wall per stage on one file, for profiling (not a
// benchmark with a goal). The stages are those of src/pipeline/validate-file.ts validateFileRows (src/pipeline/sheet-rows.ts),
// run one after the other. Usage: npx tsx bench/validate-stages.ts bench/.out/agenda-100000.csv
import { rmSync } from 'node:fs';
import { readSheet } from '../src/pipeline/sheet-rows.js';
import { createRowPlanner, indexImportIds } from '../src/plan/index.js';
import { createReportWriter, createRowTally, entryToReportRow } from '../src/report/index.js';
import { outPath } from './agenda-files.js';

const file = process.argv[2];
if (!file) throw new Error('usage: npx tsx bench/validate-stages.ts <sheet file>');

let cpu = process.cpuUsage();
let wall = performance.now();
function lap(stage: string): void {
  const used = process.cpuUsage(cpu);
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  console.log(
    `${stage.padEnd(36)} cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms   ` +
      `wall ${(performance.now() - wall).toFixed(0).padStart(6)} ms   heap used ${heap.toFixed(0).padStart(4)} MB`,
  );
  cpu = process.cpuUsage();
  wall = performance.now();
}

// As validate does: the time options known before the read, so that the rows are mapped, grouped
// (presenter rows) and learnt from (the sheet-wide facts) as they are read.
const time = {};
const sheet = await readSheet({ file, time });
lap('read, map, presenter rows, facts');
// As validate with a CSV report: rows checked, their field values not shown.
const converted = sheet.convert(time, { checkOnly: true });
lap('settle formats, import_ids');
const planner = createRowPlanner(
  { guideId: 0, serverSessions: [], tracks: [], locations: [], options: { createMissing: true, prune: false, yes: 0 } },
  indexImportIds(sheet.count, (i) => converted.importIds[i], sheet.placeOf, converted.importIdIndex),
);
lap('plan: import_id index');
const reportPath = outPath('validate-stages.report.csv');
const writer = createReportWriter(reportPath, { inOrder: true });
const tally = createRowTally(0);
for (const row of converted.rows) {
  const reportRow = entryToReportRow(planner.checkRow(row), 'planned');
  tally.add(reportRow);
  writer.write(reportRow);
}
lap('map again, convert, check, report row, CSV line');
await writer.finish({
  version: 1,
  command: 'validate',
  file,
  guideId: null,
  dryRun: true,
  startedAt: '',
  finishedAt: '',
  options: {},
  summary: tally.summary,
  warnings: [],
  rows: [],
});
lap('report finish (rename)');
rmSync(reportPath, { force: true });
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
