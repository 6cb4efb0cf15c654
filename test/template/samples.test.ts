import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DEVCON_HEADERS, SCHED_HEADERS } from '../../samples/make-samples.js';
import { SCHED_SESSIONS } from '../../samples/sched-export-sessions.js';
import type { ReportDocument } from '../../src/report/types.js';
import type { CellValue, RawRow, SheetDateCell, SheetHeader } from '../../src/types.js';
import { runCli } from '../support/cli-process.js';
import { byHeader, readSheet } from './read-sheet.js';

type Row = Record<string, CellValue>;

async function rowsOf(path: string): Promise<{ header: SheetHeader; rows: Row[]; raw: RawRow[]; sheet: string }> {
  const { header, rows, sheet } = await readSheet(path);
  return { header, rows: rows.map((row) => byHeader(header, row)), raw: rows, sheet };
}

const text = (value: CellValue | undefined) => (typeof value === 'string' ? value : '');
const minutes = (value: CellValue | undefined) => {
  const { parts } = value as SheetDateCell;
  return parts.hour * 60 + parts.minute;
};

describe('samples/devcon-2027.xlsx', () => {
  it('is a hand-made agenda: title and blank row above the header on row 3, sheet "Agenda"', async () => {
    const { header, raw, sheet } = await rowsOf('samples/devcon-2027.xlsx');
    expect(sheet).toBe('Agenda');
    expect(header.row).toBe(3);
    expect(header.headers).toEqual(DEVCON_HEADERS);
    expect(raw[0]!.row).toBe(4);
  });

  it('holds a realistic three-day agenda with real date and time cells', async () => {
    const { rows } = await rowsOf('samples/devcon-2027.xlsx');
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.length).toBeLessThanOrEqual(80);
    expect(new Set(rows.map((row) => row['Import ID'])).size).toBe(rows.length);
    for (const row of rows) {
      expect(row['Import ID']).toMatch(/^DC27-\d{3}$/);
      const day = row['Date'] as SheetDateCell;
      expect(day).toMatchObject({ kind: 'date', dateOnly: true, parts: { year: 2027, month: 5 } });
      expect([18, 19, 20]).toContain(day.parts.day);
      expect((row['Start'] as SheetDateCell).timeOnly).toBe(true);
      expect(minutes(row['End'])).toBeGreaterThan(minutes(row['Start']));
    }
    const rooms = new Set(rows.map((row) => row['Room/Location']));
    expect(rooms.size).toBeGreaterThanOrEqual(5);
    expect(rooms.size).toBeLessThanOrEqual(6);
    const titles = rows.map((row) => text(row['Title']));
    for (const kind of [/Keynote/, /Break/, /Lunch/, /Workshop/, /Reception/]) expect(titles.some((title) => kind.test(title))).toBe(true);
    expect(rows.filter((row) => text(row['Track(s)']).includes('; ')).length).toBeGreaterThan(10);
    expect(rows.filter((row) => text(row['Description']).startsWith('<p>')).length).toBe(2);
    expect(rows.filter((row) => text(row['Description']).split('\n\n').length >= 3).length).toBeGreaterThan(5);
  });

  it('has a Speakers sheet, read as the speakers (not as the agenda)', async () => {
    const workbook = XLSX.read(await readFile('samples/devcon-2027.xlsx'));
    expect(workbook.SheetNames).toEqual(['Agenda', 'Speakers']);
    const speakers = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets['Speakers']!);
    expect(speakers.length).toBeGreaterThan(10);
    expect(speakers[0]).toHaveProperty('Sessions');
    expect(speakers[0]).toHaveProperty('Email');
  });
});

describe('samples/devcon-2027-edited.xlsx', () => {
  it('differs from the original in four sessions, one co-speaker and one session added, nothing else', async () => {
    const before = new Map((await rowsOf('samples/devcon-2027.xlsx')).rows.map((row) => [row['Import ID'], row]));
    const after = (await rowsOf('samples/devcon-2027-edited.xlsx')).rows;
    const value = (row: Row, header: string) => {
      const cell = row[header] ?? null;
      return cell !== null && typeof cell === 'object' ? cell.serial : cell;
    };
    const changes: string[] = [];
    for (const row of after) {
      const old = before.get(row['Import ID']);
      if (!old) {
        changes.push(`added ${text(row['Import ID'])}`);
        continue;
      }
      for (const header of DEVCON_HEADERS) {
        if (value(old, header) !== value(row, header)) {
          changes.push(`${text(row['Import ID'])} ${header}`);
        }
      }
    }
    expect(after.length).toBe(before.size + 1);
    expect(changes.sort()).toEqual(
      [
        'added DC27-071',
        'DC27-012 Speakers',
        'DC27-008 Room/Location',
        'DC27-010 Title',
        'DC27-046 Start',
        'DC27-046 End',
        'DC27-070 Description',
      ].sort(),
    );
  });
});

describe('samples/sched-export.csv', () => {
  it('is an export with its own column names, quoted multi-line abstracts and US date-times', async () => {
    const { header, rows } = await rowsOf('samples/sched-export.csv');
    expect(header.headers).toEqual(SCHED_HEADERS);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThanOrEqual(40);
    const days = new Set(rows.map((row) => text(row['Start Date Time']).split(' ')[0]));
    expect(days).toEqual(new Set(['9/14/2027', '9/15/2027']));
    for (const row of rows) {
      expect(row['Start Date Time']).toMatch(/^9\/1[45]\/2027 \d{1,2}:\d{2} [AP]M$/);
      expect(row['Session ID']).toMatch(/^[0-9a-f]{8}$/);
    }
    const abstracts = rows.map((row) => text(row['Abstract']));
    expect(abstracts.some((abstract) => abstract.includes('\n'))).toBe(true);
    expect(abstracts.some((abstract) => abstract.includes(',') && abstract.includes('"'))).toBe(true);
    expect(abstracts.some((abstract) => abstract.includes('Müller'))).toBe(true);
  });
});

describe('guidebook-import validate on the samples', () => {
  it.each([
    ['samples/devcon-2027.xlsx', 'America/New_York', 70],
    ['samples/devcon-2027-edited.xlsx', 'America/New_York', 71],
    ['samples/sched-export.csv', 'Europe/Berlin', SCHED_SESSIONS.length],
  ] as const)('%s passes with --timezone %s, every row a planned create', async (file, zone, count) => {
    const dir = await mkdtemp(join(tmpdir(), 'gbi-samples-'));
    try {
      const report = join(dir, 'report.json');
      const result = await runCli(['validate', resolve(file), '--timezone', zone, '--report', report], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      const doc = JSON.parse(await readFile(report, 'utf8')) as ReportDocument;
      // The speakers' rows follow the sessions' (record 'speaker'), counted apart.
      const sessions = doc.rows.filter((row) => row.record !== 'speaker');
      expect(sessions).toHaveLength(count);
      expect(new Set(doc.rows.map((row) => `${row.action}/${row.outcome}`))).toEqual(new Set(['create/planned']));
      const speakers = doc.rows.filter((row) => row.record === 'speaker');
      expect(doc.summary.speakers?.invalid ?? 0).toBe(0);
      if (file.endsWith('.xlsx')) expect(speakers.length).toBeGreaterThan(10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the Berlin export in Berlin time: 9:30 AM CEST is 07:30 UTC', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gbi-samples-'));
    try {
      const report = join(dir, 'report.json');
      await runCli(['validate', resolve('samples/sched-export.csv'), '--timezone', 'Europe/Berlin', '--report', report], { cwd: dir });
      const doc = JSON.parse(await readFile(report, 'utf8')) as ReportDocument;
      const keynote = doc.rows.find((row) => row.name === 'Keynote: Open Data as Public Infrastructure');
      expect(keynote?.fields).toMatchObject({ start_time: '2027-09-14T07:30:00.000Z', end_time: '2027-09-14T08:30:00.000Z' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
