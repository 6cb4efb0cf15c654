// `validate` on a file against a bare parse of the same file, each side in its own process, runs
// interleaved (baseline, subject, baseline, ...) so a burst of load on the box hits both alike.
import { benchDist } from './bench-build.js';
import { measureInChild } from './child-measure.js';
import type { Measurement, MeasuredTask } from './measure-worker.js';
import { loadAverage, median, ratio, saveResult, seconds, verdict, type BenchResult } from './stats.js';
import { outPath } from './agenda-files.js';

export interface FileComparison {
  name: string;
  title: string;
  file: string;
  baseline: MeasuredTask;
  baselineLabel: string;
  /** A second floor shown for context (not a goal), measured in the same interleaving. */
  reference?: { task: MeasuredTask; label: string };
  runs: number;
  /** The goal for the wall-time ratio validate / baseline (medians). */
  goalRatio: number;
  /** The goal for the CPU-time ratio, when the goal sets one (issue 15: ≤ 2× for CSV). */
  cpuGoalRatio?: number;
  /** Peak RSS the `validate` side must stay under, when the goal sets one. */
  rssLimitMb?: number;
}

export async function compareValidateWithBaseline(spec: FileComparison): Promise<BenchResult> {
  console.log(`\n## ${spec.title}`);
  console.log(`file: ${spec.file}; ${spec.runs} runs per side, interleaved; load average ${loadAverage()}`);
  const worker = process.env.GUIDEBOOK_IMPORT_CSV_WORKER;
  console.log(
    `validate: the build in ${benchDist()}` +
      (worker === '0' || worker === '1'
        ? `; GUIDEBOOK_IMPORT_CSV_WORKER=${worker} (CSV parse worker ${worker === '1' ? 'always' : 'never'})`
        : ''),
  );
  const base: Measurement[] = [];
  const subject: Measurement[] = [];
  const reference: Measurement[] = [];
  const report = outPath(`${spec.name}.report.csv`);
  for (let run = 0; run < spec.runs; run++) {
    const b = await measureInChild(spec.baseline, spec.file);
    const s = await measureInChild('validate', spec.file, report);
    if (b.rows !== s.rows) throw new Error(`row counts differ: ${spec.baseline} read ${b.rows}, validate ${s.rows}`);
    base.push(b);
    subject.push(s);
    if (spec.reference) reference.push(await measureInChild(spec.reference.task, spec.file));
    console.log(
      `  run ${run + 1}: ${spec.baselineLabel} ${seconds(b.ms)} (cpu ${seconds(b.cpuMs)}), ` +
        `validate ${seconds(s.ms)} (cpu ${seconds(s.cpuMs)}${s.mainThreadCpuMs === null ? '' : `, main thread ${seconds(s.mainThreadCpuMs)}`}), ` +
        `${ratio(s.ms / b.ms)}`,
    );
  }

  const wall = { base: median(base.map((m) => m.ms)), subject: median(subject.map((m) => m.ms)) };
  const cpu = { base: median(base.map((m) => m.cpuMs)), subject: median(subject.map((m) => m.cpuMs)) };
  const rss = { base: Math.max(...base.map((m) => m.maxRssMb)), subject: Math.max(...subject.map((m) => m.maxRssMb)) };
  const wallRatio = wall.subject / wall.base;
  const ratioMet = wallRatio <= spec.goalRatio;
  const cpuRatio = cpu.subject / cpu.base;
  const cpuMet = spec.cpuGoalRatio === undefined || cpuRatio <= spec.cpuGoalRatio;
  const rssMet = spec.rssLimitMb === undefined || rss.subject < spec.rssLimitMb;

  const lines = [
    `${spec.title}: validate ${seconds(wall.subject)} vs ${spec.baselineLabel} ${seconds(wall.base)} (median wall) = ` +
      `${ratio(wallRatio)} (goal ≤ ${ratio(spec.goalRatio)}: ${verdict(ratioMet)}); CPU ${seconds(cpu.subject)} vs ` +
      `${seconds(cpu.base)} = ${ratio(cpuRatio)}` +
      (spec.cpuGoalRatio === undefined ? '' : ` (goal ≤ ${ratio(spec.cpuGoalRatio)}: ${verdict(cpuMet)})`),
    `${spec.title}: peak RSS validate ${rss.subject.toFixed(0)} MB, ${spec.baselineLabel} ${rss.base.toFixed(0)} MB` +
      (spec.rssLimitMb === undefined ? '' : ` (goal < ${spec.rssLimitMb} MB: ${verdict(rssMet)})`),
  ];
  if (spec.reference) {
    const refWall = median(reference.map((m) => m.ms));
    const refCpu = median(reference.map((m) => m.cpuMs));
    lines.push(
      `${spec.title}: for context, ${spec.reference.label} ${seconds(refWall)} (CPU ${seconds(refCpu)}): ` +
        `validate is ${ratio(wall.subject / refWall)} of it (CPU ${ratio(cpu.subject / refCpu)})`,
    );
  }
  for (const line of lines) console.log(line);
  const result = { name: spec.name, lines, goalsMet: ratioMet && cpuMet && rssMet };
  saveResult(result);
  return result;
}
