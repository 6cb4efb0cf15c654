// Whatever bytes a sheet file holds, reading it through the whole offline pipeline ends in either
// converted rows (each a session or a row with its issues) or a GuidebookImportError with a clear
// message and one of the sheet codes: never a TypeError, a RangeError or a stack trace.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimeOptions } from '../../src/time/index.js';
import { binaryFile, csvBytes, csvSheet } from './support/csv-input.js';
import { runs } from './support/runs.js';
import { expectSheetError, readThroughPipeline, tempFolder, type PipelineOutput } from './support/pipeline.js';

const folder = tempFolder('sheets');
afterAll(() => folder.remove());

const timeOptions: fc.Arbitrary<TimeOptions> = fc.record(
  {
    timezone: fc.constantFrom('UTC', 'America/New_York', 'Australia/Lord_Howe', 'Not/AZone', 'est'),
    dateFormat: fc.constantFrom('d/M/yyyy', 'M/d/yyyy h:mm a', 'yyyy-MM-dd', 'Q', 'd/M/yyyy H:mm'),
    overnight: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Every row read comes back exactly once, as a session or as a row with at least one issue. */
function expectEveryRowAccountedFor(output: PipelineOutput): void {
  expect(output.rows).toHaveLength(output.mapped.length);
  output.rows.forEach((converted, i) => {
    const row = output.mapped[i]!.row;
    if (converted.ok) {
      expect(converted.session.row).toBe(row);
      expect(Number.isNaN(Date.parse(converted.session.fields.start_time))).toBe(false);
      expect(converted.session.fields.name.trim()).not.toBe('');
    } else {
      expect(converted.row).toBe(row);
      expect(converted.issues.length).toBeGreaterThan(0);
      for (const issue of converted.issues) {
        expect(issue.row).toBe(row);
        expect(issue.message).toContain(String(row));
      }
    }
  });
}

async function readOrExplain(file: string, time: TimeOptions): Promise<void> {
  let output: PipelineOutput;
  try {
    output = await readThroughPipeline(file, time);
  } catch (error) {
    expectSheetError(error);
    return;
  }
  expectEveryRowAccountedFor(output);
}

describe('fuzz: sheet files through read → map → time → validate', () => {
  it('a CSV of any shape gives report rows or a clear file/mapping/timezone/date_format error', async () => {
    await fc.assert(
      fc.asyncProperty(csvSheet, timeOptions, async (sheet, time) => {
        await readOrExplain(folder.write(`sheet${sheet.extension}`, csvBytes(sheet)), time);
      }),
      { numRuns: runs(100) },
    );
  }, 120_000); // ~10 s alone; generous for a loaded 2-core box

  it('random bytes, also behind zip, OLE2 and XML signatures, never crash the readers', async () => {
    await fc.assert(
      fc.asyncProperty(binaryFile, async ({ bytes, extension }) => {
        await readOrExplain(folder.write(`file${extension}`, bytes), { timezone: 'UTC' });
      }),
      { numRuns: runs(100) },
    );
  }, 60_000);
});
