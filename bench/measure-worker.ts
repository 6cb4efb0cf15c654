// One measured task in a fresh process, so each side of a comparison has its own heap and its own
// peak RSS. Prints one JSON line: {"task", "ms", "cpuMs", "maxRssMb", "rows"}. The clock starts after the
// modules are loaded: both sides pay their imports outside the figure.
// `validate` runs the build in BENCH_VALIDATE_DIST (bench/bench-build.ts) when set, else src/.
// Usage: npx tsx bench/measure-worker.ts <task> <file> [report path]
import { createReadStream, readFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { parse } from 'csv-parse';
import * as XLSX from 'xlsx';
import { importMeasured } from './measured-import.js';
import { countCsvRecords, loadCsvReaders, minimalValidate } from './minimal-validate.js';

XLSX.set_fs(fs);

export type MeasuredTask =
  | 'csv-parse'
  | 'sheetjs-read'
  | 'sheetjs-read-lean'
  | 'validate'
  /** The product's CSV reader alone (src/read/csv-records.ts), on this thread and on its parse worker. */
  | 'csv-read'
  | 'csv-read-worker'
  /** bench/minimal-validate.ts on this thread, and with the parse on the product's parse worker. */
  | 'minimal-validate'
  | 'minimal-validate-worker';

export interface Measurement {
  task: MeasuredTask;
  ms: number;
  /** User + system CPU time of the task (all threads: the GC's helpers count too). */
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  /**
   * CPU time of the main thread alone (Linux: /proc), the critical path when work is on other
   * threads too (the CSV parse worker, the GC's helpers); null elsewhere.
   */
  mainThreadCpuMs: number | null;
}

/** The main thread's user + system time from /proc (clock ticks of 10 ms), or null off Linux. */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The floor for CSV: csv-parse streaming the file into records, nothing else. */
async function bareCsvParse(file: string): Promise<number> {
  let rows = 0;
  for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true }))) {
    if ((record as string[]).length > 0) rows++;
  }
  return rows - 1;
}

/** The floor for workbooks: SheetJS parsing the file with its defaults. */
function bareSheetJsRead(file: string): number {
  const workbook = XLSX.read(readFileSync(file), { type: 'buffer' });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').e.r;
}

/**
 * SheetJS with the options src/read/workbook-sheet.ts passes (dense, no formatted text, number
 * formats kept, styles for hidden rows): the part of `validate` that is SheetJS's own work.
 */
function leanSheetJsRead(file: string): number {
  const workbook = XLSX.read(readFileSync(file), {
    type: 'buffer',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    cellFormula: false,
    cellStyles: true,
    sheetStubs: false,
    raw: true,
  });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return XLSX.utils.decode_range(sheet['!ref'] ?? 'A1').e.r;
}

type ValidateModules = typeof import('../src/pipeline/validate-file.js') & typeof import('../src/report/index.js');

/** The validate pipeline and the report writers, from a build or from src/. */
async function loadValidate(): Promise<ValidateModules> {
  const [pipeline, report] = await Promise.all([importMeasured('pipeline/validate-file.js'), importMeasured('report/index.js')]);
  return { ...pipeline, ...report } as ValidateModules;
}

/** What `guidebook-import validate <file> --report R` does (src/cli/commands/validate.ts), without the argument parsing. */
async function validateCommand(
  { validateFileRows, createReportWriter, formatSummaryText }: ValidateModules,
  file: string,
  report: string,
): Promise<number> {
  // A CSV report, so only checked, as src/cli/commands/validate.ts asks for it (an older build ignores the option).
  const validation = await validateFileRows(file, { checkOnly: true });
  const writer = createReportWriter(report, { inOrder: true });
  let rows = 0;
  for (const row of validation.rows) {
    writer.write(row);
    rows++;
  }
  const { document, tally } = validation.finish();
  await writer.finish(document);
  formatSummaryText(document, { reportPath: report, durationMs: 0, tally });
  return rows;
}

async function main(): Promise<void> {
  const [task, file, report] = process.argv.slice(2) as [MeasuredTask, string, string | undefined];
  // Loaded before the clock starts, as the baselines' modules are.
  const validate = task === 'validate' ? await loadValidate() : null;
  const readers = task.startsWith('minimal-validate') || task.startsWith('csv-read') ? await loadCsvReaders() : null;
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  let rows: number;
  if (task === 'csv-parse') rows = await bareCsvParse(file);
  else if (task === 'sheetjs-read') rows = bareSheetJsRead(file);
  else if (task === 'sheetjs-read-lean') rows = leanSheetJsRead(file);
  else if (readers !== null && task.startsWith('csv-read')) rows = await countCsvRecords(readers, file, task === 'csv-read-worker');
  else if (readers !== null)
    rows = await minimalValidate(readers, file, report ?? `${file}.minimal.csv`, task === 'minimal-validate-worker');
  else if (validate !== null) rows = await validateCommand(validate, file, report ?? `${file}.report.csv`);
  else throw new Error(`unknown task ${JSON.stringify(task)}`);
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // maxRSS is in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const mainAfter = mainThreadCpuMs();
  const mainThread = mainBefore === null || mainAfter === null ? null : mainAfter - mainBefore;
  const result: Measurement = { task, ms, cpuMs, maxRssMb, rows, mainThreadCpuMs: mainThread };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
