// The files export writes: CSV for re-import and Excel alike, XLSX with real date and time cells.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaBytes, exportGuide, writeAgenda, type ExportedAgenda } from '../../src/export/index.js';
import { CANONICAL_COLUMNS } from '../../src/map/index.js';
import { openSheet } from '../../src/read/index.js';
import { scoreHeaderRow } from '../../src/map/index.js';
import { clientFor, scratchFolder, seededSandbox } from './sandbox-fixture.js';
import { GUIDE } from './seed.js';

const HEADERS = CANONICAL_COLUMNS.map((c) => c.header);
const scratch = scratchFolder();
let agenda: ExportedAgenda;

beforeAll(async () => {
  const sandbox = await seededSandbox();
  try {
    agenda = await exportGuide(clientFor(sandbox), { guideId: GUIDE });
  } finally {
    await sandbox.close();
  }
});
afterAll(() => scratch.remove());

function rowOf(records: string[][], importId: string): Record<string, string> {
  const record = records.find((r) => r[0] === importId);
  if (!record) throw new Error(`no row ${importId}`);
  return Object.fromEntries(HEADERS.map((h, i) => [h, record[i] ?? '']));
}

describe('CSV', () => {
  it('is UTF-8 with a BOM, CRLF records and RFC 4180 quoting', () => {
    const bytes = agendaBytes(agenda, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(HEADERS.join(','));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"Bring a laptop & charger.\n\nWe start at 10:30 < 11, ""sharp""."');

    const records = parse(text, { relaxColumnCount: false }) as string[][];
    expect(records).toHaveLength(agenda.rows.length + 1);
    expect(rowOf(records, 'gb-session-5')).toMatchObject({
      Date: '2027-05-10',
      Start: '22:00',
      End: '2027-05-11 02:00',
      'Track(s)': 'Hands-on, Labs;',
    });
    expect(rowOf(records, 'seconds')).toMatchObject({
      Start: '10:00:15',
      End: '11:00',
      'Room/Location': 'Main Hall; Room 101',
      Rank: '2.5',
    });
    expect(rowOf(records, 'gb-session-4')).toMatchObject({ 'All Day': 'yes', Start: '', End: '' });
    expect(rowOf(records, 'seats')).toMatchObject({
      'Require Login': 'yes',
      'Max Capacity': '30',
      Waitlist: 'yes',
      'Registration Start': '2027-05-01 09:00',
      'Registration End': '2027-05-09 17:30',
    });
    expect(rowOf(records, 'dst-fall-2nd')).toMatchObject({ Start: '2027-11-07 01:30-05:00', End: '2027-11-07 02:15-05:00' });
  });

  it('keeps a cell that begins with "=" as it is, and the reader gets it back unchanged', async () => {
    const file = scratch.path('formula.csv');
    await writeAgenda(agenda, file, 'csv');
    expect(readFileSync(file, 'utf8')).toContain(',"=SUM(A1:A3) adds up, and =1+1 is 2",');
    const source = await openSheet(file, { scoreHeader: scoreHeaderRow });
    const descriptions: unknown[] = [];
    for await (const row of source.rows) descriptions.push(row.cells[HEADERS.indexOf('Description')]);
    expect(descriptions).toContain('=SUM(A1:A3) adds up, and =1+1 is 2');
    expect(source.encoding).toBe('utf-8');
  });
});

describe('XLSX', () => {
  let workbook: XLSX.WorkBook;
  let zip: unknown;
  beforeAll(() => {
    const bytes = agendaBytes(agenda, 'xlsx');
    workbook = XLSX.read(bytes, { type: 'buffer', cellStyles: true });
    zip = XLSX.CFB.read(bytes, { type: 'buffer' });
  });
  const xml = (path: string) => Buffer.from(XLSX.CFB.find(zip, path)!.content as Uint8Array).toString('utf8');
  const agendaSheet = () => workbook.Sheets['Agenda']!;
  const cellAt = (importId: string, header: string): XLSX.CellObject => {
    const sheet = agendaSheet();
    const range = XLSX.utils.decode_range(sheet['!ref']!);
    for (let r = 1; r <= range.e.r; r++) {
      if (sheet[XLSX.utils.encode_cell({ r, c: 0 })]?.v === importId)
        return sheet[XLSX.utils.encode_cell({ r, c: HEADERS.indexOf(header) })];
    }
    throw new Error(`no row ${importId}`);
  };
  const wallClock = (cell: XLSX.CellObject) => {
    const code = XLSX.SSF.parse_date_code(cell.v as number);
    return { y: code.y, m: code.m, d: code.d, H: code.H, M: code.M, S: code.S };
  };

  it('has the Agenda sheet with the canonical headers and a Notes sheet', () => {
    expect(workbook.SheetNames).toEqual(['Agenda', 'Notes']);
    expect(HEADERS.map((_, c) => agendaSheet()[XLSX.utils.encode_cell({ r: 0, c })]?.v)).toEqual(HEADERS);
  });

  it('writes dates and times as real cells with date and time formats', () => {
    const date = cellAt('gb-session-5', 'Date');
    expect(date).toMatchObject({ t: 'n', z: 'yyyy-mm-dd' });
    expect(wallClock(date)).toMatchObject({ y: 2027, m: 5, d: 10, H: 0, M: 0 });
    const start = cellAt('gb-session-5', 'Start');
    expect(start).toMatchObject({ t: 'n', z: 'hh:mm' });
    expect(start.v as number).toBeLessThan(1);
    expect(wallClock(start)).toMatchObject({ H: 22, M: 0 });
    const end = cellAt('gb-session-5', 'End');
    expect(end).toMatchObject({ t: 'n', z: 'yyyy-mm-dd hh:mm' });
    expect(wallClock(end)).toMatchObject({ y: 2027, m: 5, d: 11, H: 2, M: 0 });
    expect(cellAt('seconds', 'Start')).toMatchObject({ t: 'n', z: 'hh:mm:ss' });
    expect(wallClock(cellAt('seconds', 'Start'))).toMatchObject({ H: 10, M: 0, S: 15 });
    expect(wallClock(cellAt('seats', 'Registration End'))).toMatchObject({ y: 2027, m: 5, d: 9, H: 17, M: 30 });
    expect(cellAt('seconds', 'Rank')).toMatchObject({ t: 'n', v: 2.5 });
    expect(cellAt('dst-fall-2nd', 'Start')).toMatchObject({ t: 's', v: '2027-11-07 01:30-05:00' });
  });

  it('keeps a description beginning with "=" as text, never a formula', () => {
    const cell = cellAt('formulas', 'Description');
    expect(cell).toMatchObject({ t: 's', v: '=SUM(A1:A3) adds up, and =1+1 is 2' });
    expect(cell.f).toBeUndefined();
    expect(xml('/xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('makes the header row bold and frozen, with filters and column widths that fit', () => {
    const styles = xml('/xl/styles.xml');
    const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]!);
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((m) => Number(m[1]));
    const sheet = xml('/xl/worksheets/sheet1.xml');
    const headerStyles = [.../<row r="1"[^>]*>([\s\S]*?)<\/row>/.exec(sheet)![1]!.matchAll(/<c r="[A-Z]+1" s="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(headerStyles).toHaveLength(HEADERS.length);
    for (const style of headerStyles) expect(fonts[xfs[style]!]).toContain('<b/>');
    expect(/<row r="2"[^>]*>[\s\S]*?<\/row>/.exec(sheet)![0]).not.toMatch(new RegExp(`s="${headerStyles[0]}"`));
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    const lastColumn = String.fromCharCode('A'.charCodeAt(0) + HEADERS.length - 1);
    expect(sheet).toContain(`<autoFilter ref="A1:${lastColumn}${agenda.rows.length + 1}"/>`);

    const widths = (agendaSheet()['!cols'] ?? []).map((col) => col.wch ?? 0);
    expect(widths).toHaveLength(HEADERS.length);
    for (const [c, header] of HEADERS.entries()) expect(widths[c]).toBeGreaterThanOrEqual(header.length);
    expect(widths[HEADERS.indexOf('Description')]).toBe(60);
    expect(widths[HEADERS.indexOf('Date')]).toBeLessThan(20);
  });

  it('explains the file on the Notes sheet, including the assigned import ids', () => {
    const lines = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['Notes']!, { header: 1 }).map((row) => row.join(' | '));
    const text = lines.join('\n');
    expect(text).toContain(`guide ${GUIDE} (Sandbox Conference)`);
    expect(text).toContain('local wall-clock times in America/New_York');
    expect(text).toContain('5 sessions have no import_id in Guidebook: this file gives each "gb-session-<its Guidebook id>"');
    expect(text).toContain('one PATCH per session');
    for (const column of CANONICAL_COLUMNS) expect(lines).toContain(`${column.header} | ${column.help}`);
  });

  it('gives the same bytes for the same agenda', () => {
    expect(agendaBytes(agenda, 'xlsx').equals(agendaBytes(agenda, 'xlsx'))).toBe(true);
  });

  it('gives the same bytes whatever SheetJS read or wrote before in the process', () => {
    const before = agendaBytes(agenda, 'xlsx');
    // Reading a workbook with its own number formats extends SheetJS's process-wide format table.
    XLSX.SSF.load('0.0 "seats"', 180);
    XLSX.SSF.load('[$-409]dddd, mmmm d', 181);
    expect(agendaBytes(agenda, 'xlsx').equals(before)).toBe(true);
  });
});

describe('writeAgenda', () => {
  it('refuses to replace a file unless told to, and then replaces it whole', async () => {
    const file = scratch.path('twice.csv');
    await writeAgenda(agenda, file, 'csv');
    await expect(writeAgenda(agenda, file, 'xlsx')).rejects.toMatchObject({
      code: 'file',
      message: `cannot write "${file}": it already exists (add --force to replace it)`,
    });
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    await writeAgenda(agenda, file, 'xlsx', { overwrite: true });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('says so when the folder does not exist', async () => {
    await expect(writeAgenda(agenda, scratch.path('missing/agenda.csv'), 'csv')).rejects.toMatchObject({
      code: 'file',
      message: expect.stringContaining('its folder does not exist'),
    });
    await expect(writeAgenda(agenda, scratch.path('missing/agenda.csv'), 'csv', { overwrite: true })).rejects.toMatchObject({
      code: 'file',
    });
  });
});
