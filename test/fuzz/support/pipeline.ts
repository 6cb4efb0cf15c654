// The offline pipeline the fuzz properties drive: openSheet → buildColumnMap → mapRow →
// convertRows, exactly as the library composes it, over a file written to a temp folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuidebookImportError, type ErrorCode } from '../../../src/errors.js';
import { buildColumnMap, mapRow, scoreHeaderRow } from '../../../src/map/index.js';
import { openSheet } from '../../../src/read/index.js';
import type { TimeOptions } from '../../../src/time/index.js';
import type { ConvertedRow, MappedRow } from '../../../src/types.js';
import { convertOptionsFor, convertRows } from '../../../src/validate/index.js';

export interface PipelineOutput {
  mapped: MappedRow[];
  rows: ConvertedRow[];
  warnings: string[];
}

export async function readThroughPipeline(path: string, time: TimeOptions = {}): Promise<PipelineOutput> {
  const source = await openSheet(path, { scoreHeader: scoreHeaderRow });
  const columnMap = buildColumnMap(source.header);
  const mapped: MappedRow[] = [];
  for await (const raw of source.rows) mapped.push(mapRow(raw, columnMap));
  const converted = convertRows(mapped, convertOptionsFor(time));
  return { mapped, rows: converted.rows, warnings: [...source.warnings, ...converted.warnings] };
}

/** The run-level failures a sheet may end in: each is a clear message to the user, never a crash. */
export const SHEET_ERROR_CODES: ReadonlySet<ErrorCode> = new Set(['file', 'mapping', 'timezone', 'date_format']);

/** Rethrows anything that is not a GuidebookImportError with one of `codes` and a plain message. */
export function expectSheetError(error: unknown, codes: ReadonlySet<ErrorCode> = SHEET_ERROR_CODES): GuidebookImportError {
  if (!(error instanceof GuidebookImportError) || !codes.has(error.code)) throw error;
  if (error.message.trim() === '' || /\n\s+at /.test(error.message)) {
    throw new Error(`unclear ${error.code} error message: ${JSON.stringify(error.message)}`, { cause: error });
  }
  return error;
}

/** A temp folder for one test file; each property run writes its own file name in it. */
export function tempFolder(prefix: string): {
  path: (name: string) => string;
  write: (name: string, data: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), `gbi-fuzz-${prefix}-`));
  let count = 0;
  return {
    path: (name) => join(dir, `${++count}-${name}`),
    write: (name, data) => {
      const file = join(dir, `${++count}-${name}`);
      writeFileSync(file, data);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
