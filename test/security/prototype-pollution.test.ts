// A workbook whose names are the keys that pollute prototypes when code treats sheet text as
// object keys: "__proto__", "constructor" and "prototype" as sheet names, header cells, cell
// values, custom document properties and defined names. Read through openSheet and the whole
// validate pipeline in this process, nothing may change Object.prototype (or its friends), and
// the workbook must still read, validate and import as the agenda it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreHeaderRow } from '../../src/map/index.js';
import { validateFile } from '../../src/pipeline/validate-file.js';
import { openSheet } from '../../src/read/index.js';
import type { RawRow } from '../../src/types.js';
import { describeRun, runCli } from '../support/cli-process.js';
import type { JsonReport } from '../support/report-file.js';
import { workbookParts, worksheetPath, worksheetXml } from '../support/xlsx-parts.js';
import { zipArchive } from '../support/zip-archive.js';
import { tempDir } from '../support/temp-dir.js';

const KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const HEADER = ['Import ID', 'Title', 'Date', 'Start', 'End', 'Description', ...KEYS];
/** A JSON text that pollutes when a reader JSON.parses a cell and merges it into an object. */
const POLLUTING_JSON = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';

function agendaRows(ids: readonly string[], names: readonly string[]): Array<Array<string | null>> {
  return ids.map((id, i) => [
    id,
    names[i] ?? id,
    '2027-05-10',
    `${9 + i}:00`,
    `${9 + i}:30`,
    i === 0 ? POLLUTING_JSON : `<p>${names[i]}</p>`,
    'polluted',
    POLLUTING_JSON,
    'polluted',
  ]);
}

const FIRST_SHEET_IDS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty'];
const FIRST_SHEET_NAMES = ['__proto__', 'constructor', 'prototype', 'toString'];

function craftedWorkbook(dir: string): string {
  const sheets = [
    worksheetXml([HEADER, ...agendaRows(FIRST_SHEET_IDS, FIRST_SHEET_NAMES)]),
    worksheetXml([HEADER, ...agendaRows(['ctor-1', 'ctor-2'], ['Constructor sheet talk', '__proto__'])]),
    worksheetXml([HEADER, ...agendaRows(['proto-1'], ['Prototype sheet talk'])]),
  ];
  const parts = workbookParts({
    sheetNames: [...KEYS],
    definedNames: [
      ['__proto__', "'__proto__'!$A$1"],
      ['constructor', "'constructor'!$A$1:$B$2"],
      ['prototype', '"polluted"'],
      ['polluted', '1'],
    ],
    customProperties: [
      ['__proto__', POLLUTING_JSON],
      ['constructor', 'polluted'],
      ['prototype', 'polluted'],
      ['polluted', 'yes'],
    ],
  });
  const path = join(dir, 'proto.xlsx');
  writeFileSync(path, zipArchive([...parts, ...sheets.map((content, i) => ({ name: worksheetPath(i), content }))]));
  return path;
}

/** Own property names of the built-in prototypes, to compare before and after. */
function prototypeShapes(): Record<string, string[]> {
  const shape = (value: object) => Reflect.ownKeys(value).map(String).sort();
  return {
    object: shape(Object.prototype),
    array: shape(Array.prototype),
    function: shape(Function.prototype),
    string: shape(String.prototype),
  };
}

const before = prototypeShapes();

function expectUnpolluted(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(({} as Record<string, unknown>)['prototype']).toBeUndefined();
  expect(probe.constructor).toBe(Object);
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(String(probe)).toBe('[object Object]');
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeShapes()).toEqual(before);
}

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const dir = tempDir('security-proto');
const workbook = craftedWorkbook(dir);

afterEach(expectUnpolluted);

describe('a workbook full of prototype keys', () => {
  it('reads through openSheet: the first sheet by default, each sheet by its name or number', async () => {
    const first = await openSheet(workbook, { scoreHeader: scoreHeaderRow });
    expect(first.sheet).toBe('__proto__');
    expect(first.header.headers).toEqual(HEADER);
    const rows = await collect(first.rows);
    expect(rows.map((r) => r.cells[0])).toEqual(FIRST_SHEET_IDS);
    expect(rows.map((r) => r.cells[6])).toEqual(['polluted', 'polluted', 'polluted', 'polluted']);
    expect(rows[0]?.cells[7]).toBe(POLLUTING_JSON);
    expectUnpolluted();

    for (const [selector, name, firstId] of [
      ['constructor', 'constructor', 'ctor-1'],
      ['prototype', 'prototype', 'proto-1'],
      ['__proto__', '__proto__', '__proto__'],
      [2, 'constructor', 'ctor-1'],
    ] as const) {
      const source = await openSheet(workbook, { scoreHeader: scoreHeaderRow, sheet: selector });
      expect(source.sheet, String(selector)).toBe(name);
      expect((await collect(source.rows))[0]?.cells[0], String(selector)).toBe(firstId);
      expectUnpolluted();
    }
    // A sheet that does not exist is a clean error naming the sheets, whatever the name asked.
    await expect(openSheet(workbook, { scoreHeader: scoreHeaderRow, sheet: 'hasOwnProperty' })).rejects.toThrow(
      /no sheet named "hasOwnProperty"/,
    );
  });

  it('validates through the whole pipeline: every row a planned create, the key columns reported as not imported', async () => {
    // Three sheets carry agenda headers, so all three are read (one sheet per day), each by its own name.
    const { document } = await validateFile(workbook, { timezone: 'America/New_York' });
    expect(document.rows.map((r) => [r.sheet, r.import_id, r.name, r.action])).toEqual([
      ...FIRST_SHEET_IDS.map((id, i) => ['__proto__', id, FIRST_SHEET_NAMES[i], 'create']),
      ['constructor', 'ctor-1', 'Constructor sheet talk', 'create'],
      ['constructor', 'ctor-2', '__proto__', 'create'],
      ['prototype', 'proto-1', 'Prototype sheet talk', 'create'],
    ]);
    expect(document.warnings.join('\n')).toMatch(/"__proto__", "constructor", "prototype"/);
    expectUnpolluted();

    const second = await validateFile(workbook, { timezone: 'America/New_York', sheet: 'constructor' });
    expect(second.document.rows.map((r) => r.name)).toEqual(['Constructor sheet talk', '__proto__']);
  });

  it('validates and imports from the command line as the agenda it is', async () => {
    const validated = await runCli(['validate', workbook, '--timezone', 'America/New_York', '--report', join(dir, 'validate.json')]);
    expect(validated.code, describeRun(validated)).toBe(0);

    const report = join(dir, 'import.json');
    const imported = await runCli([
      'import',
      workbook,
      '--guide',
      '1',
      '--sandbox',
      '--rate',
      '500',
      '--sheet',
      'constructor',
      '--report',
      report,
    ]);
    expect(imported.code, describeRun(imported)).toBe(0);
    const rows = (JSON.parse(readFileSync(report, 'utf8')) as JsonReport).rows;
    expect(rows.map((r) => [r.import_id, r.name, r.outcome])).toEqual([
      ['ctor-1', 'Constructor sheet talk', 'done'],
      ['ctor-2', '__proto__', 'done'],
    ]);
  }, 60_000);
});
