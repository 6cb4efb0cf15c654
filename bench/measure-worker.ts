// One measured task in a fresh process, so each side of a comparison has its own heap and its own
// peak RSS. Prints one JSON line: {"task", "ms", "cpuMs", "maxRssMb", "rows"}. The clock starts after the
// modules are loaded: both sides pay their imports outside the figure.
// Usage: npx tsx bench/measure-worker.ts <task> <file> [report path]
import { createReadStream, readFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { parse } from 'csv-parse';
import * as XLSX from 'xlsx';
import { validateFileRows } from '../src/pipeline/validate-file.js';
import { createReportWriter, formatSummaryText } from '../src/report/index.js';

XLSX.set_fs(fs);

export type MeasuredTask = 'csv-parse' | 'sheetjs-read' | 'sheetjs-read-lean' | 'validate';

export interface Measurement {
  task: MeasuredTask;
  ms: number;
  /** User + system CPU time of the task (all threads: the GC's helpers count too). */
  cpuMs: number;
  maxRssMb: number;
  rows: number;
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

/** What `guidebook-import validate <file> --report R` does (src/cli/commands/validate.ts), without the argument parsing. */
async function validateCommand(file: string, report: string): Promise<number> {
  const validation = await validateFileRows(file);
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
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  let rows: number;
  if (task === 'csv-parse') rows = await bareCsvParse(file);
  else if (task === 'sheetjs-read') rows = bareSheetJsRead(file);
  else if (task === 'sheetjs-read-lean') rows = leanSheetJsRead(file);
  else if (task === 'validate') rows = await validateCommand(file, report ?? `${file}.report.csv`);
  else throw new Error(`unknown task ${JSON.stringify(task)}`);
  const ms = performance.now() - began;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // maxRSS is in kilobytes.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const result: Measurement = { task, ms, cpuMs, maxRssMb, rows };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
