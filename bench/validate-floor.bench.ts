// Where issue 15's CSV goals sit against the least work a validate must do: a bare csv-parse pass
// (the goals' baseline), the product's reader alone (on this thread; on its parse worker), the
// minimal validate of bench/minimal-validate.ts (on this thread; with the parse worker) and the
// real `validate`, each in its own process, interleaved run by run so that the box's drift hits
// all alike. Not a goal of its own: it says how far below the floor a goal is.
// Run: BENCH_RUNS=5 npx tsx bench/validate-floor.bench.ts [file]
import { ensureAgendaCsv, outPath } from './agenda-files.js';
import { measureInChild } from './child-measure.js';
import type { Measurement, MeasuredTask } from './measure-worker.js';
import { benchRuns, loadAverage, median, ratio, saveResult, seconds } from './stats.js';

const file = process.argv[2] ?? ensureAgendaCsv(100_000);
const runs = benchRuns();
const TASKS: { task: MeasuredTask; label: string }[] = [
  { task: 'csv-parse', label: 'bare csv-parse (the baseline)' },
  { task: 'csv-read', label: "the product's reader, this thread" },
  { task: 'csv-read-worker', label: "the product's reader, parse worker" },
  { task: 'minimal-validate', label: 'minimal validate, this thread' },
  { task: 'minimal-validate-worker', label: 'minimal validate, parse worker' },
  { task: 'validate', label: 'validate' },
];

console.log(`\n## validate's floor\nfile: ${file}; ${runs} runs per task, interleaved; load average ${loadAverage()}`);
const measured = new Map<MeasuredTask, Measurement[]>(TASKS.map(({ task }) => [task, []]));
for (let run = 0; run < runs; run++) {
  for (const { task } of TASKS) {
    const result = await measureInChild(task, file, outPath(`validate-floor.${task}.csv`));
    measured.get(task)!.push(result);
  }
  console.log(`  run ${run + 1} done (load average ${loadAverage()})`);
}

const base = measured.get('csv-parse')!;
const baseWall = median(base.map((m) => m.ms));
const baseCpu = median(base.map((m) => m.cpuMs));
const lines: string[] = [];
for (const { task, label } of TASKS) {
  const all = measured.get(task)!;
  const wall = median(all.map((m) => m.ms));
  const cpu = median(all.map((m) => m.cpuMs));
  const main = all.every((m) => m.mainThreadCpuMs !== null) ? median(all.map((m) => m.mainThreadCpuMs!)) : null;
  lines.push(
    `${label}: wall ${seconds(wall)} = ${ratio(wall / baseWall)}, CPU ${seconds(cpu)} = ${ratio(cpu / baseCpu)}` +
      `${main === null ? '' : `, main thread ${seconds(main)}`}, peak RSS ${Math.max(...all.map((m) => m.maxRssMb)).toFixed(0)} MB`,
  );
}
lines.push('goals (issue 15): wall ≤ 1.50×, CPU ≤ 2.00× the baseline');
for (const line of lines) console.log(line);
saveResult({ name: 'validate-floor', lines, goalsMet: true });
