// Workbooks that unpack to a huge sheet (zip bombs of cells) are refused with one clear line and
// exit 2, within bounded memory: the importer's peak RSS stays under 512 MB, measured on the
// child process itself. The files are built here, compressed a few megabytes at most.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeRun, REPO_ROOT, runCli, type CliResult } from '../support/cli-process.js';
import { workbookParts, worksheetPath, xmlText } from '../support/xlsx-parts.js';
import { deflateRepeated, zipArchive, type DeflatedPart } from '../support/zip-archive.js';
import { tempDir } from '../support/temp-dir.js';

const MEMORY_BOUND = 512 * 1024 * 1024;
const TIME_BOUND_MS = 30_000;
const PROBE = pathToFileURL(join(REPO_ROOT, 'test/support/peak-rss-probe.ts')).href;
const dir = tempDir('security-huge');

const SHEET_HEAD = (dimension: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  `<dimension ref="${dimension}"/><sheetData>` +
  `<row r="1">${['Title', 'Date', 'Start', 'End'].map((h) => `<c t="inlineStr"><is><t>${xmlText(h)}</t></is></c>`).join('')}</row>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** An XLSX whose only sheet is the given (already deflated) part. */
function workbookWith(name: string, sheet: DeflatedPart): string {
  const path = join(dir, name);
  writeFileSync(path, zipArchive([...workbookParts({ sheetNames: ['Agenda'] }), sheet]));
  return path;
}

interface Measured {
  result: CliResult;
  peakRss: number;
  ms: number;
}

async function validateMeasured(file: string, extra: string[] = []): Promise<Measured> {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  const result = await runCli(['validate', file, '--timezone', 'UTC', '--report', join(dir, 'report.csv'), ...extra], {
    env: { PEAK_RSS_FILE: rssFile },
    preload: [PROBE],
  });
  return { result, peakRss: Number(readFileSync(rssFile, 'utf8')), ms: performance.now() - started };
}

function expectRefused({ result, peakRss, ms }: Measured, message: RegExp): void {
  const where = `${describeRun(result)}\npeak RSS ${Math.round(peakRss / 2 ** 20)} MiB, ${Math.round(ms)} ms`;
  expect(result.code, where).toBe(2);
  expect(result.stdout, where).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines, where).toHaveLength(1);
  expect(lines[0], where).toMatch(message);
  expect(peakRss, where).toBeGreaterThan(0);
  expect(peakRss, where).toBeLessThan(MEMORY_BOUND);
  expect(ms, where).toBeLessThan(TIME_BOUND_MS);
}

describe('a workbook that unpacks to a huge sheet', () => {
  it('refuses a sheet of ~1 GB of identical rows, whether its headers tell the truth or not', async () => {
    const row = '<row><c t="inlineStr"><is><t>Same talk</t></is></c><c><v>46517</v></c></row>';
    const honest = await deflateRepeated(worksheetPath(0), SHEET_HEAD('A1:D1'), row, Math.ceil(1e9 / row.length), SHEET_TAIL);
    expect(honest.size).toBeGreaterThan(1e9);
    expect(honest.deflated.length).toBeLessThan(16 * 2 ** 20);

    const told = workbookWith('gigabyte.xlsx', honest);
    expectRefused(
      await validateMeasured(told),
      /^guidebook-import: .*gigabyte\.xlsx: is not read: it would unpack to more than 512 MiB \(refused as a possible zip bomb\)$/,
    );

    // The same stream declared as 400 MB, under the unpacked-size cap: the cells are counted
    // while inflating, and the count stops long before the gigabyte.
    const lying = workbookWith('gigabyte-lying.xlsx', { ...honest, size: 400_000_000 });
    expectRefused(
      await validateMeasured(lying),
      /^guidebook-import: .*gigabyte-lying\.xlsx: has more than 500,000 data rows, the most one import reads$/,
    );
  }, 120_000);

  it('refuses a sheet declaring A1:XFD1048576 and filling every row, before parsing it', async () => {
    const row = '<row><c t="inlineStr"><is><t>Talk</t></is></c><c><v>46517</v></c><c><v>0.375</v></c><c><v>0.4</v></c></row>';
    const sheet = await deflateRepeated(worksheetPath(0), SHEET_HEAD('A1:XFD1048576'), row, 1_048_575, SHEET_TAIL);
    // Honest sizes, well under the unpacked-size cap: only a cell count can stop it.
    expect(sheet.size).toBeLessThan(512 * 2 ** 20);
    const file = workbookWith('every-row.xlsx', sheet);
    expectRefused(
      await validateMeasured(file),
      /^guidebook-import: .*every-row\.xlsx: has more than 500,000 data rows, the most one import reads$/,
    );

    // The import command reads the sheet the same way, before any request.
    const imported = await runCli(['import', file, '--guide', '1', '--sandbox']);
    expect(imported.code, describeRun(imported)).toBe(2);
    expect(imported.stderr.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('refuses a sheet of a few rows but millions of cells', async () => {
    // 300 rows of 16,384 cells each: 4.9 million cells in rows the row limit would accept.
    const cells = '<c><v>1</v></c>'.repeat(16_384);
    const sheet = await deflateRepeated(worksheetPath(0), SHEET_HEAD('A1:XFD301'), `<row>${cells}</row>`, 300, SHEET_TAIL);
    const file = workbookWith('wide.xlsx', sheet);
    expectRefused(
      await validateMeasured(file),
      /^guidebook-import: .*wide\.xlsx: is not read: it holds more than 4,000,000 cells, more than one import reads \(refused as a possible zip bomb\)$/,
    );
  }, 120_000);

  it('refuses an ODS of one kilobyte that repeats one cell into billions', async () => {
    // ODS needs no gigabyte: number-rows-repeated × number-columns-repeated declare the cells.
    const file = join(dir, 'repeated.ods');
    writeFileSync(
      file,
      odsWith(
        `<table:table-row table:number-rows-repeated="1048000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>`,
      ),
    );
    expect(readFileSync(file).length).toBeLessThan(2048);
    expectRefused(
      await validateMeasured(file),
      /^guidebook-import: .*repeated\.ods: is not read: it holds more than 4,000,000 cells, more than one import reads \(refused as a possible zip bomb\)$/,
    );

    // Empty cells repeated to the sheet's edge, as LibreOffice writes every sheet, are no bomb.
    const padded = join(dir, 'padded.ods');
    writeFileSync(
      padded,
      odsWith(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Keynote</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2027-05-10T09:00:00"><text:p>2027-05-10 09:00</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16382"/></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>',
      ),
    );
    const read = await validateMeasured(padded);
    expect(read.result.code, describeRun(read.result)).toBe(0);
    expect(read.peakRss).toBeLessThan(MEMORY_BOUND);
  }, 120_000);
});

/** An ODS spreadsheet whose one table has a Title/Starts At header and then the given rows. */
function odsWith(rowsXml: string): Buffer {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const header = ['Title', 'Starts At']
    .map((h) => `<table:table-cell office:value-type="string"><text:p>${h}</text:p></table:table-cell>`)
    .join('');
  return zipArchive([
    { name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' },
    {
      name: 'META-INF/manifest.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      name: 'content.xml',
      content: `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Agenda"><table:table-row>${header}</table:table-row>${rowsXml}</table:table></office:spreadsheet></office:body></office:document-content>`,
    },
    { name: 'styles.xml', content: `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ns} office:version="1.2"/>` },
  ]);
}
