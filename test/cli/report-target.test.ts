// --report must never name one of the run's own inputs: the first row written would overwrite the
// sheet (or the mapping, key or config file). Compared as real paths: ./x.csv, an absolute path
// and a symlink to the file are the same file.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRun, runCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

const SHEET = 'Import ID,Title,Date,Start,End\nr1,Keynote,2027-05-10,09:00,10:00\n';

describe('--report that resolves to an input is refused with exit 2', () => {
  it('the sheet as ./x.csv, by absolute path, through a symlink; the mapping, key and config files', async () => {
    const dir = tempDir('cli-report-target');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, SHEET);
    symlinkSync(sheet, join(dir, 'link.csv'));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, '{"columns": {}}');
    const keyFile = join(dir, 'api.key');
    writeFileSync(keyFile, 'some-key-1234\n');
    const config = join(dir, 'run.json');
    writeFileSync(config, '{"guide": 1}');

    const cases: Array<[string[], RegExp]> = [
      [['import', './agenda.csv', '--guide', '1', '--sandbox', '--report', sheet], /is the sheet of this run/],
      [['import', sheet, '--guide', '1', '--sandbox', '--report', './agenda.csv'], /is the sheet of this run/],
      [['import', 'agenda.csv', '--guide', '1', '--sandbox', '--report', 'link.csv'], /is the sheet of this run/],
      [
        ['import', 'agenda.csv', '--guide', '1', '--sandbox', '--mapping', 'mapping.json', '--report', './mapping.json'],
        /is the mapping file of this run/,
      ],
      [['import', 'agenda.csv', '--guide', '1', '--api-key-file', 'api.key', '--report', keyFile], /is the API key file of this run/],
      [['import', 'agenda.csv', '--sandbox', '--config', 'run.json', '--report', 'run.json'], /is the config file of this run/],
      [['dedupe', '--guide', '1', '--sandbox', '--sheet-file', 'agenda.csv', '--report', 'link.csv'], /is the sheet of this run/],
      [['validate', 'agenda.csv', '--report', './agenda.csv'], /is the sheet of this run/],
      [['validate', 'agenda.csv', '--mapping', 'mapping.json', '--report', 'mapping.json'], /is the mapping file of this run/],
    ];
    for (const [args, says] of cases) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, describeRun(result)).toBe(2);
      expect(result.stderr, describeRun(result)).toMatch(says);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Every input is as it was.
    expect(readFileSync(sheet, 'utf8')).toBe(SHEET);
    expect(readFileSync(mapping, 'utf8')).toBe('{"columns": {}}');
    expect(readFileSync(keyFile, 'utf8')).toBe('some-key-1234\n');
    expect(readFileSync(config, 'utf8')).toBe('{"guide": 1}');

    // Beside the sheet, under another name, is fine.
    const ok = await runCli(['import', 'agenda.csv', '--guide', '1', '--sandbox', '--timezone', 'UTC', '--report', 'agenda.report.csv'], {
      cwd: dir,
    });
    expect(ok.code, describeRun(ok)).toBe(0);
  }, 120_000);
});

describe('--report naming a folder', () => {
  it('is refused before the run, naming a file to give instead (it failed at the end, renaming onto the folder)', async () => {
    const dir = tempDir('cli-report-folder');
    writeFileSync(join(dir, 'agenda.csv'), SHEET);
    for (const args of [
      ['validate', 'agenda.csv', '--timezone', 'UTC', '--report', dir],
      ['import', 'agenda.csv', '--guide', '1', '--sandbox', '--timezone', 'UTC', '--report', '.'],
    ]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, describeRun(result)).toBe(2);
      const folder = args.at(-1)!;
      expect(result.stderr).toBe(
        `guidebook-import: --report ${JSON.stringify(folder)} is a folder: name a file in it, e.g. ${join(folder, 'agenda.report.csv')}\n`,
      );
    }
  });
});
