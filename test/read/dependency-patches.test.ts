// The dependency patches are made only on the versions they were written for: the pinned versions
// in package.json must be those versions, and the installed ones too.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { PATCHED_CSV_PARSE_VERSION } from '../../src/read/csv-parse-patch.js';
import { PATCHED_SHEETJS_VERSION } from '../../src/sheet-cells/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('dependency patches', () => {
  it('patch the csv-parse version package.json pins and npm installed', () => {
    expect(manifest.dependencies['csv-parse']).toBe(PATCHED_CSV_PARSE_VERSION);
    const installed = JSON.parse(readFileSync(new URL('../../node_modules/csv-parse/package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(installed.version).toBe(PATCHED_CSV_PARSE_VERSION);
  });

  it('edit the XML of the SheetJS version package.json pins and npm installed', () => {
    expect(manifest.dependencies.xlsx).toBe(`npm:@e965/xlsx@${PATCHED_SHEETJS_VERSION}`);
    expect(XLSX.version).toBe(PATCHED_SHEETJS_VERSION);
  });
});
