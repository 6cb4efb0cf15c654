import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS } from '../../src/map/fields.js';
import { BUILDER_SCHEDULE_HEADERS, builderTemplateBytes } from '../../src/template/builder-template.js';
import { writeTemplate } from '../../src/template/write-template.js';
import type { SheetDateCell } from '../../src/types.js';
import { runCli } from '../support/cli-process.js';
import { byHeader, readSheet } from './read-sheet.js';

const headers = CANONICAL_COLUMNS.map((column) => column.header);

describe('the template read back through openSheet', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gbi-template-read-'));
    await writeTemplate(join(dir, 'agenda.xlsx'), 'xlsx');
    await writeTemplate(join(dir, 'agenda.csv'), 'csv');
    await writeFile(join(dir, 'builder.xlsx'), builderTemplateBytes('xlsx'));
    await writeFile(join(dir, 'builder.csv'), builderTemplateBytes('csv'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('XLSX: the Agenda sheet, header on row 1, examples as real date and time cells', async () => {
    const { header, rows, sheet } = await readSheet(join(dir, 'agenda.xlsx'));
    expect(sheet).toBe('Agenda');
    expect(header.row).toBe(1);
    expect(header.headers).toEqual(headers);
    expect(rows.map((row) => row.row)).toEqual([2, 3]);
    const keynote = byHeader(header, rows[0]!);
    expect(keynote['Title']).toBe('Opening Keynote: The Year Ahead');
    const date = keynote['Date'] as SheetDateCell;
    expect(date).toMatchObject({ kind: 'date', dateOnly: true, parts: { year: 2027, month: 5, day: 18 } });
    const start = keynote['Start'] as SheetDateCell;
    expect(start).toMatchObject({ kind: 'date', timeOnly: true, parts: { hour: 9, minute: 0 } });
    const registration = byHeader(header, rows[1]!)['Registration Start'] as SheetDateCell;
    expect(registration.parts).toMatchObject({ year: 2027, month: 5, day: 1, hour: 9, minute: 0 });
  });

  it('CSV: the same header and example rows as text', async () => {
    const { header, rows } = await readSheet(join(dir, 'agenda.csv'));
    expect(header.headers).toEqual(headers);
    const talk = byHeader(header, rows[1]!);
    expect(talk).toMatchObject({ 'Import ID': 'AG-002', Date: '2027-05-18', Start: '10:30 AM', End: '12:00 PM', 'Track(s)': 'AI; Cloud' });
    expect(byHeader(header, rows[0]!)['Description']).toContain('\n\nDoors open at 8:30 AM');
  });

  it('the help sheet is a separate sheet the importer does not pick', async () => {
    const workbook = XLSX.read(await readFile(join(dir, 'agenda.xlsx')));
    const help = XLSX.utils.sheet_to_csv(workbook.Sheets['How to fill this in']!);
    expect(help).toContain('Time zone');
    expect(help).toContain('--timezone');
  });

  it("Builder's layout: the header found below its instruction rows, no data rows", async () => {
    const xlsx = await readSheet(join(dir, 'builder.xlsx'));
    expect(xlsx.header.row).toBe(3);
    expect(xlsx.header.headers).toEqual(BUILDER_SCHEDULE_HEADERS);
    expect(xlsx.rows).toEqual([]);
    const csv = await readSheet(join(dir, 'builder.csv'));
    expect(csv.header.row).toBe(1);
    expect(csv.header.headers).toEqual(BUILDER_SCHEDULE_HEADERS);
  });
});

describe('guidebook-import validate on a filled-in template', () => {
  it('passes (exit 0) for the XLSX template with a row added as a user would type it, and for the CSV template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gbi-template-validate-'));
    try {
      const path = join(dir, 'filled.xlsx');
      await writeTemplate(path, 'xlsx');
      const workbook = XLSX.read(await readFile(path));
      const agenda = workbook.Sheets['Agenda']!;
      const typed: Record<string, string> = {
        'Import ID': 'AG-003',
        Title: 'Lunch',
        Date: '2027-05-18',
        Start: '12:00 PM',
        End: '1:15 PM',
        'Room/Location': 'Foyer',
      };
      XLSX.utils.sheet_add_aoa(agenda, [headers.map((name) => typed[name] ?? '')], { origin: -1 });
      await writeFile(path, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

      const csvPath = join(dir, 'filled.csv');
      await writeTemplate(csvPath, 'csv');

      for (const file of [path, csvPath]) {
        const result = await runCli(['validate', file, '--timezone', 'America/New_York'], { cwd: dir });
        expect(result.stderr + result.stdout).not.toContain('not available yet');
        expect(result.code, `${file}\n${result.stdout}\n${result.stderr}`).toBe(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("guidebook-import validate on a filled-in copy of Builder's template", () => {
  it('passes (exit 0) with the instruction rows left in place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gbi-builder-validate-'));
    try {
      const path = join(dir, 'schedule.xlsx');
      const workbook = XLSX.read(builderTemplateBytes('xlsx'));
      XLSX.utils.sheet_add_aoa(
        workbook.Sheets['Schedule']!,
        [
          ['Opening Remarks', '05/18/2027', '9:00 AM', '9:30 AM', 'Main Hall', 'Keynote', 'Welcome to the event.'],
          ['Coffee', '05/18/2027', '9:30 AM', '10:00 AM', 'Foyer', '', ''],
        ],
        { origin: -1 },
      );
      await writeFile(path, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      const report = join(dir, 'report.json');
      const result = await runCli(['validate', path, '--timezone', 'America/New_York', '--report', report], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const doc = JSON.parse(await readFile(report, 'utf8')) as {
        rows: Array<{ row: number; name: string; fields: Record<string, unknown> }>;
      };
      expect(doc.rows.map((row) => [row.row, row.name])).toEqual([
        [4, 'Opening Remarks'],
        [5, 'Coffee'],
      ]);
      expect(doc.rows[0]!.fields['start_time']).toBe('2027-05-18T13:00:00.000Z');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
