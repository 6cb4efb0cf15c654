// A CSV whose last record is cut short with no final line break — a quoted cell left open, or
// fewer cells than the header — is read, and that row is named in a warning (the file may be
// truncated) instead of the file failing whole or the missing cells passing as meant to be blank.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runCli } from '../support/cli-process.js';
import { readJsonReport } from '../support/report-file.js';
import { tempDir } from '../support/temp-dir.js';

const HEADER = 'Import ID,Title,Date,Start,End\nr1,Keynote,2027-05-10,09:00,10:00\n';

async function validate(content: string): Promise<{
  warnings: string[];
  rows: Array<{ row: number | null; import_id: string; name: string }>;
  stderr: string;
  code: number | null;
}> {
  const dir = tempDir('cli-cut-short');
  writeFileSync(join(dir, 'agenda.csv'), content);
  const result = await runCli(['validate', 'agenda.csv', '--timezone', 'UTC', '--report', 'r.json'], { cwd: dir });
  expect([0, 1], describeRun(result)).toContain(result.code);
  const report = readJsonReport(join(dir, 'r.json'));
  return { warnings: report.warnings, rows: report.rows, stderr: result.stderr, code: result.code };
}

describe('a last CSV record cut short with no final line break', () => {
  it('a quoted cell left open: the row is read and warned about, not the whole file refused', async () => {
    const run = await validate(`${HEADER}r2,"Streaming joins, part 2`);
    expect(run.rows.map((row) => [row.row, row.import_id, row.name])).toEqual([
      [2, 'r1', 'Keynote'],
      [3, 'r2', 'Streaming joins, part 2'],
    ]);
    expect(run.warnings).toContainEqual(
      expect.stringMatching(
        /^row 3: the file ends inside a quoted cell, with no line break after the last row: the file may have been cut short/,
      ),
    );
    expect(run.stderr).toMatch(/warning: row 3: the file ends inside a quoted cell/);
  }, 30_000);

  it('fewer cells than the header: the missing columns are named', async () => {
    const run = await validate(`${HEADER}r2,Cut,2027-05-10`);
    expect(run.warnings).toContainEqual(
      'row 3: the last row has 3 of 5 cells and no line break after it: the file may have been cut short; "Start", "End" are read as empty',
    );
  }, 30_000);

  it('no warning for a complete last row without a line break, or a short row followed by one', async () => {
    for (const content of [
      `${HEADER}r2,Lunch,2027-05-10,12:00,13:00`,
      `${HEADER}r2,Lunch,2027-05-10\n`,
      `${HEADER}r2,"Lunch, ""long""",2027-05-10,12:00,13:00`,
    ]) {
      const run = await validate(content);
      expect(
        run.warnings.filter((warning) => /cut short/.test(warning)),
        content,
      ).toEqual([]);
    }
  }, 60_000);
});
