// The results report as a user opens it: the promised CSV columns in order, row numbers as the
// spreadsheet shows them (title rows above the header counted), formula-looking names defused,
// one row per sheet row plus one per delete, and .json / .html endings picking the format.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv, writeAgendaXlsx, type AgendaRow } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { SECRET_KEY } from '../support/cli-process.js';
import { sessionsByImportId } from '../support/sandbox-process.js';
import { readCsvReport, readJsonReport, REPORT_COLUMNS } from '../support/report-file.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

const TITLE_ROWS = [['DevCon 2027 — agenda'], ['Exported for the venue team'], []];
const FORMULA_NAMES = ['=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', '-2 panel', '@mention me'];

function formulaRows(): AgendaRow[] {
  const rows = agendaRows(6);
  for (const [i, name] of FORMULA_NAMES.entries()) rows[i]!.title = name;
  // One cell over three lines is still one spreadsheet row: the rows after it keep their numbers.
  rows[0]!.description = 'Doors open at 8:30.\nBring a laptop.\nCoffee served.';
  return rows;
}

describe('the import report', () => {
  it('XLSX with title rows: the CSV report numbers rows as the spreadsheet does and defuses formulas', async () => {
    const sheet = join(world.dir, 'titled.xlsx');
    writeAgendaXlsx(sheet, formulaRows(), { titleRows: TITLE_ROWS, sheetName: 'Day plan' });
    const run = await world.importCli(sheet);
    expect(run.code, run.stderr).toBe(0);

    const path = join(world.dir, 'titled.report.csv');
    expect(readFileSync(path, 'utf8').split('\r\n')[0]).toBe(REPORT_COLUMNS.join(','));
    const report = readCsvReport(path);
    // Three title lines, the header on row 4, the first session on row 5.
    expect(report.map((r) => [r.sheet, r.row, r.import_id])).toEqual(
      ['S-001', 'S-002', 'S-003', 'S-004', 'S-005', 'S-006'].map((id, i) => ['Day plan', String(i + 5), id]),
    );
    // A spreadsheet would run these as formulas: the report shows them as text.
    expect(report.slice(0, 4).map((r) => r.name)).toEqual(FORMULA_NAMES.map((name) => `'${name}`));
    expect(report.slice(0, 4).every((r) => r.session_id !== '' && r.http_status === '201')).toBe(true);
    // The server got the names exactly as written.
    const byImportId = sessionsByImportId(await world.sandbox.state());
    expect(FORMULA_NAMES.map((_, i) => byImportId.get(`S-00${i + 1}`)![0]!.name)).toEqual(FORMULA_NAMES);
  });

  it('CSV with title rows: same numbering; --prune adds one row per delete', async () => {
    const sheet = join(world.dir, 'titled.csv');
    writeAgendaCsv(sheet, formulaRows().slice(0, 4), { titleRows: TITLE_ROWS });
    const run = await world.importCli(sheet, ['--prune']);
    expect(run.code, run.stderr).toBe(0);
    const report = readCsvReport(join(world.dir, 'titled.report.csv'));
    expect(report.map((r) => [r.row, r.import_id, r.action, r.outcome])).toEqual([
      ['5', 'S-001', 'unchanged', 'done'],
      ['6', 'S-002', 'unchanged', 'done'],
      ['7', 'S-003', 'unchanged', 'done'],
      ['8', 'S-004', 'unchanged', 'done'],
      ['', 'S-005', 'delete', 'planned'],
      ['', 'S-006', 'delete', 'planned'],
    ]);
  });

  it('a .json ending writes the JSON document: rows, summary, options without the key', async () => {
    const sheet = join(world.dir, 'titled.xlsx');
    const path = join(world.dir, 'out', 'run.json');
    const run = await world.importCli(sheet, ['--report', path]);
    expect(run.code, run.stderr).toBe(0);
    const document = readJsonReport(path);
    expect(document).toMatchObject({ version: 1, command: 'import', guideId: 1, dryRun: false });
    expect(document.summary).toMatchObject({ unchanged: 6, requests: 4 });
    expect(document.rows.map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(document.rows[0]).toMatchObject({ name: FORMULA_NAMES[0], zone: 'America/New_York' });
    expect(existsSync(`${path}.partial.csv`)).toBe(false);
    expect(readFileSync(path, 'utf8')).not.toContain(SECRET_KEY);
  });

  it('an .html ending writes a self-contained page with every row', async () => {
    const sheet = join(world.dir, 'titled.xlsx');
    const path = join(world.dir, 'run.html');
    const run = await world.importCli(sheet, ['--report', path]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    for (const id of ['S-001', 'S-006']) expect(html).toContain(id);
    expect(html).not.toContain('<script src=');
    expect(html).not.toContain(SECRET_KEY);
    expect(existsSync(`${path}.partial.csv`)).toBe(false);
  });
});
