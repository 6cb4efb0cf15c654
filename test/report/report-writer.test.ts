import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReportWriter } from '../../src/report/report-writer.js';
import { defaultReportPath, reportFormatFor } from '../../src/report/report-path.js';
import { REPORT_COLUMNS } from '../../src/report/csv.js';
import { reportDocument, reportRow } from './report-fixtures.js';

const run = promisify(execFile);
const writerModule = pathToFileURL(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/report/report-writer.ts')).href;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gbi-report-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function parseCsv(file: string): Array<Record<string, string>> {
  return parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
}

// Out of completion order, two sheets, one delete in the middle.
const arrivals = [
  reportRow({ sheet: 'Day 1', row: 9, import_id: 'd1-9' }),
  reportRow({ sheet: 'Day 1', row: 3, import_id: 'd1-3' }),
  reportRow({ sheet: '', row: null, import_id: 'zz-gone', action: 'delete', outcome: 'planned', session_id: 70 }),
  reportRow({ sheet: 'Day 2', row: 2, import_id: 'd2-2' }),
  reportRow({ sheet: '', row: null, import_id: 'aa-gone', action: 'delete', outcome: 'planned', session_id: 71 }),
  reportRow({ sheet: 'Day 1', row: 10, import_id: 'd1-10', name: '=1+1' }),
];
const finalOrder = ['d1-3', 'd1-9', 'd1-10', 'd2-2', 'aa-gone', 'zz-gone'];

describe('createReportWriter', () => {
  it('leaves a readable partial CSV when the process is killed before finishing', async () => {
    const report = path.join(dir, 'agenda.report.csv');
    const script = path.join(dir, 'crash.mjs');
    writeFileSync(
      script,
      `import { createReportWriter } from ${JSON.stringify(writerModule)};
       const writer = createReportWriter(${JSON.stringify(report)});
       for (const n of [1, 2, 3]) writer.write({ sheet: 'Agenda', row: n + 1, import_id: 'id-' + n, name: 'Talk, "' + n + '"\\nline',
         action: 'create', outcome: 'done', session_id: 100 + n, http_status: 201, changed_fields: [], message: '' });
       process.kill(process.pid, 'SIGKILL');`,
    );
    await expect(run(process.execPath, ['--import', 'tsx', script])).rejects.toMatchObject({ signal: 'SIGKILL' });
    const rows = parseCsv(report);
    expect(Object.keys(rows[0] ?? {})).toEqual([...REPORT_COLUMNS]);
    expect(rows.map((row) => [row.row, row.import_id, row.session_id, row.name])).toEqual([
      ['2', 'id-1', '101', 'Talk, "1"\nline'],
      ['3', 'id-2', '102', 'Talk, "2"\nline'],
      ['4', 'id-3', '103', 'Talk, "3"\nline'],
    ]);
  });

  it('journals JSON reports beside the path until finish, then writes the ordered document and removes the journal', async () => {
    const report = path.join(dir, 'out', 'run.json');
    const writer = createReportWriter(report);
    expect(writer.format).toBe('json');
    expect(writer.journalPath).toBe(`${report}.partial.csv`);
    for (const row of arrivals) writer.write(row);
    expect(parseCsv(writer.journalPath).map((row) => row.import_id)).toEqual(arrivals.map((row) => row.import_id));
    expect(existsSync(report)).toBe(false);

    await writer.finish(reportDocument(arrivals, { dryRun: false, apiKey: 'secret-key-123', api_key_file: '/k', concurrency: 4 }));
    const doc = JSON.parse(readFileSync(report, 'utf8'));
    expect(doc.version).toBe(1);
    expect(doc.summary.requests).toBe(3);
    expect(doc.rows.map((row: { import_id: string }) => row.import_id)).toEqual(finalOrder);
    expect(doc.options).toEqual({ dryRun: false, concurrency: 4 });
    expect(readFileSync(report, 'utf8')).not.toContain('secret-key-123');
    expect(existsSync(writer.journalPath)).toBe(false);
    expect(readdirSync(path.dirname(report))).toEqual(['run.json']);
  });

  it('rewrites a CSV report complete and ordered by sheet then row, deletes last', async () => {
    const report = path.join(dir, 'agenda.report.csv');
    const writer = createReportWriter(report);
    for (const row of arrivals) writer.write(row);
    expect(parseCsv(report)).toHaveLength(arrivals.length);
    await writer.finish(reportDocument(arrivals));
    const rows = parseCsv(report);
    expect(rows.map((row) => row.import_id)).toEqual(finalOrder);
    expect(rows.find((row) => row.import_id === 'd1-10')?.name).toBe("'=1+1");
    expect(readdirSync(dir)).toEqual(['agenda.report.csv']);
    expect(() => writer.write(arrivals[0]!)).toThrow(/finished/);
  });

  it('writes an HTML report through the HTML renderer', async () => {
    const report = path.join(dir, 'agenda.report.html');
    const writer = createReportWriter(report);
    writer.write(arrivals[0]!);
    await writer.finish(reportDocument(arrivals));
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain('d1-10');
    expect(existsSync(`${report}.partial.csv`)).toBe(false);
  });

  it('names the file in a run-level error when it cannot be written', () => {
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    expect(() => createReportWriter(path.join(blocker, 'r.csv'))).toThrow(
      expect.objectContaining({ code: 'file', message: expect.stringContaining('not-a-dir') }),
    );
  });
});

describe('createReportWriter, in order (validate)', () => {
  const ordered = Array.from({ length: 3000 }, (_, i) =>
    reportRow({ row: i + 2, import_id: `id-${i}`, name: i === 5 ? '=cmd' : `Talk ${i}, "quoted"\nline`, message: 'x'.repeat(i % 50) }),
  );

  it('writes the CSV the journalling writer writes, in one file that appears only at finish', async () => {
    const report = path.join(dir, 'ordered.report.csv');
    const journalled = path.join(dir, 'journalled.report.csv');
    const writer = createReportWriter(report, { inOrder: true });
    const reference = createReportWriter(journalled);
    expect(writer.journalPath).not.toBe(report);
    for (const row of ordered) {
      writer.write(row);
      reference.write(row);
    }
    expect(existsSync(report)).toBe(false);
    await writer.finish({ ...reportDocument([]), rows: [] });
    await reference.finish(reportDocument(ordered));
    expect(readFileSync(report, 'utf8')).toBe(readFileSync(journalled, 'utf8'));
    expect(parseCsv(report)).toHaveLength(ordered.length);
    expect(readdirSync(dir).sort()).toEqual(['journalled.report.csv', 'ordered.report.csv']);
    expect(() => writer.write(ordered[0]!)).toThrow(/finished/);
  });

  it('leaves an earlier report untouched and no temporary file when closed before finishing', () => {
    const report = path.join(dir, 'kept.report.csv');
    writeFileSync(report, 'earlier report\n');
    const writer = createReportWriter(report, { inOrder: true });
    for (const row of ordered) writer.write(row);
    writer.close();
    expect(readFileSync(report, 'utf8')).toBe('earlier report\n');
    expect(readdirSync(dir)).toEqual(['kept.report.csv']);
  });

  it('renders JSON and HTML from the rows written, not from the document', async () => {
    const json = path.join(dir, 'ordered.json');
    const writer = createReportWriter(json, { inOrder: true });
    expect(writer.journalPath).toBe('');
    for (const row of ordered.slice(0, 4)) writer.write(row);
    await writer.finish(reportDocument([]));
    const doc = JSON.parse(readFileSync(json, 'utf8'));
    expect(doc.rows.map((row: { import_id: string }) => row.import_id)).toEqual(['id-0', 'id-1', 'id-2', 'id-3']);

    const html = path.join(dir, 'ordered.html');
    const htmlWriter = createReportWriter(html, { inOrder: true });
    htmlWriter.write(ordered[1]!);
    await htmlWriter.finish(reportDocument([]));
    expect(readFileSync(html, 'utf8')).toContain('id-1');
    expect(readdirSync(dir).sort()).toEqual(['ordered.html', 'ordered.json']);
  });
});

describe('report paths', () => {
  it('picks the format by extension', () => {
    expect(reportFormatFor('a/b.JSON')).toBe('json');
    expect(reportFormatFor('b.html')).toBe('html');
    expect(reportFormatFor('b.htm')).toBe('html');
    expect(reportFormatFor('b.csv')).toBe('csv');
    expect(reportFormatFor('b.txt')).toBe('csv');
  });

  it('puts the default report beside the input', () => {
    expect(defaultReportPath('agenda.xlsx')).toBe('agenda.report.csv');
    expect(defaultReportPath('/data/Q3 agenda.v2.csv')).toBe('/data/Q3 agenda.v2.report.csv');
  });
});
