import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Parser } from 'csv-parse';

// The one change this project makes to csv-parse's behaviour from outside. It touches internals
// (`parser.api`), so it is made only on the version it was written against; any other version
// stops with a message saying so, rather than parsing differently or slower without a word.

/** The csv-parse version the patch below was written against (package.json pins it). */
export const PATCHED_CSV_PARSE_VERSION = '7.0.3';

/** The part of csv-parse 7's parser state the patch touches (`parser.api`, not a public API). */
interface ParserInternals {
  state: { record: unknown[]; expectedRecordLength: number | undefined };
  __onRecord: (this: ParserInternals, ...args: unknown[]) => unknown;
}

/**
 * Why: csv-parse 7.0.3 builds a CsvError for every record whose length differs from the first
 * record's (`__onRecord`: a stack trace and a JSON copy of the record), before it looks at
 * relax_column_count, which then only counts it; no option skips the check. A ragged 100k-row file
 * parsed 3-4× slower for it. The reader pads short rows and drops extra cells itself (alignCells),
 * so each record is declared the expected length just before csv-parse compares it: records come
 * out exactly as before, with no error built (test/read/csv.test.ts checks both).
 */
export function acceptEveryRecordLength(parser: Parser): void {
  requirePatchedVersion();
  const api = (parser as unknown as { api?: Partial<ParserInternals> }).api;
  const onRecord = api?.__onRecord;
  const state = api?.state;
  if (typeof onRecord !== 'function' || state === undefined || !('expectedRecordLength' in state)) {
    throw new Error(
      `csv-parse ${PATCHED_CSV_PARSE_VERSION} no longer has the parser internals guidebook-import patches (api.__onRecord, api.state)`,
    );
  }
  api!.__onRecord = function (this: ParserInternals, ...args: unknown[]): unknown {
    this.state.expectedRecordLength = this.state.record.length;
    return onRecord.apply(this, args);
  };
}

/**
 * The version of csv-parse a bundle carries inside it, named by the bundler (scripts/bundle-cli.ts
 * defines it): the code that runs is then known without resolving and reading a package.json
 * (~3 ms of every CSV read's start). Unbundled (tsc's dist/, tests), the installed package is read.
 */
declare const __GUIDEBOOK_IMPORT_BUNDLED_CSV_PARSE__: string | undefined;

let checked = false;

function requirePatchedVersion(): void {
  if (checked) return;
  const installed =
    typeof __GUIDEBOOK_IMPORT_BUNDLED_CSV_PARSE__ === 'string' ? __GUIDEBOOK_IMPORT_BUNDLED_CSV_PARSE__ : installedVersion();
  if (installed !== PATCHED_CSV_PARSE_VERSION) {
    throw new Error(
      `guidebook-import needs csv-parse ${PATCHED_CSV_PARSE_VERSION} (it patches that version's record-length check, ` +
        `see src/read/csv-parse-patch.ts), but csv-parse ${installed} is installed: reinstall with "npm ci"`,
    );
  }
  checked = true;
}

/** csv-parse's own package.json, found from its entry point (the package does not export the file). */
export function installedVersion(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('csv-parse'));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'csv-parse') return manifest.version ?? 'unknown';
    } catch {
      // No package.json at this level: look one up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
