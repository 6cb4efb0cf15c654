import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS } from '../../src/map/fields.js';
import { readSpeakers } from '../../src/speakers/index.js';
import { runCli } from '../support/cli-process.js';

describe('guidebook-import template', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gbi-template-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes agenda-template.xlsx in the current folder and prints its path', async () => {
    const result = await runCli(['template'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const path = join(dir, 'agenda-template.xlsx');
    expect(result.stdout).toBe(`${path}\n`);
    const workbook = XLSX.read(await readFile(path));
    expect(workbook.SheetNames).toEqual(['Agenda', 'Speakers', 'How to fill this in']);
    const [header] = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['Agenda']!, { header: 1 });
    expect(header).toEqual(CANONICAL_COLUMNS.map((column) => column.header));
    // The Speakers sheet reads back as the importer reads one: its canonical columns, two valid speakers.
    const speakers = await readSpeakers({ file: path });
    expect(speakers?.invalid).toEqual([]);
    expect(speakers?.speakers.map((s) => [s.import_id, s.name, s.sessions])).toEqual([
      ['SPK-001', 'Dr. Maya Chen', ['AG-001']],
      ['SPK-002', 'Luis Ortega', ['AG-002']],
    ]);
    const [speakerHeader] = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['Speakers']!, { header: 1 });
    expect(speakerHeader).toEqual(['Import ID', 'Name', 'Title', 'Company', 'Bio', 'Email', 'Photo', 'Role', 'Sessions']);
    const help = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets['How to fill this in']!, { header: 1 });
    expect(help.some((row) => row[0] === 'How to fill in the Speakers sheet')).toBe(true);
  });

  it('writes CSV for --format csv and for an --output ending in .csv, each with its speakers file beside it', async () => {
    const byFormat = await runCli(['template', '--format', 'csv'], { cwd: dir });
    expect(byFormat.code).toBe(0);
    expect(byFormat.stdout).toBe(`${join(dir, 'agenda-template.csv')}\n${join(dir, 'agenda-template-speakers.csv')}\n`);
    const byOutput = await runCli(['template', '--output', 'mine.csv'], { cwd: dir });
    expect(byOutput.stdout).toBe(`${join(dir, 'mine.csv')}\n${join(dir, 'mine-speakers.csv')}\n`);
    for (const name of ['agenda-template.csv', 'mine.csv']) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text.split('\r\n')[0]).toBe(CANONICAL_COLUMNS.map((column) => column.header).join(','));
    }
  });

  it('the CSV speakers file: the help of each column above the canonical header, read back as two valid speakers', async () => {
    expect((await runCli(['template', '--output', 'mine.csv'], { cwd: dir })).code).toBe(0);
    const path = join(dir, 'mine-speakers.csv');
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    const headerAt = lines.indexOf('Import ID,Name,Title,Company,Bio,Email,Photo,Role,Sessions');
    expect(headerAt).toBeGreaterThan(0);
    // One help line per column, in the header's order, with the text the XLSX header notes carry.
    expect(lines).toContain('Name: Required. The name as sessions name the speaker in their Speakers column.');
    expect(
      lines.slice(0, headerAt).filter((line) => /^"?(Import ID|Name|Title|Company|Bio|Email|Photo|Role|Sessions): /.test(line)),
    ).toHaveLength(9);
    const speakers = await readSpeakers({ file: join(dir, 'mine.csv'), speakersFile: path });
    expect(speakers?.invalid).toEqual([]);
    expect(speakers?.speakers.map((s) => [s.import_id, s.name, s.email, s.sessions])).toEqual([
      ['SPK-001', 'Dr. Maya Chen', 'maya.chen@example.org', ['AG-001']],
      ['SPK-002', 'Luis Ortega', undefined, ['AG-002']],
    ]);
    // The pair validates as is: the example sessions and speakers, linked, nothing to fix.
    const run = await runCli(['validate', 'mine.csv', '--speakers', 'mine-speakers.csv', '--timezone', 'UTC', '--json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ planned: { create: 2 }, speakers: { invalid: 0, planned: { create: 2 } } });
    expect(run.stderr).not.toMatch(/warning/);
  });

  it('a speakers file already beside the output: nothing is written, exit 2 naming it; --force replaces both', async () => {
    await writeFile(join(dir, 'mine-speakers.csv'), 'my speakers');
    const refused = await runCli(['template', '--output', 'mine.csv'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('guidebook-import: cannot write "mine-speakers.csv": it already exists (add --force to replace it)\n');
    await expect(stat(join(dir, 'mine.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readFile(join(dir, 'mine-speakers.csv'), 'utf8')).toBe('my speakers');
    expect((await runCli(['template', '--output', 'mine.csv', '--force'], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, 'mine-speakers.csv'), 'utf8')).toMatch(/^\uFEFFHow to fill in this Speakers file/);
  });

  it('refuses to overwrite without --force: exit 2, one line, file untouched', async () => {
    const path = join(dir, 'agenda-template.xlsx');
    await writeFile(path, 'my own work');
    const refused = await runCli(['template'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`guidebook-import: cannot write "agenda-template.xlsx": it already exists (add --force to replace it)\n`);
    expect(await readFile(path, 'utf8')).toBe('my own work');

    const forced = await runCli(['template', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect((await stat(path)).size).toBeGreaterThan(1000);
  });

  it('rejects an output name whose format it cannot tell, and an unknown --format', async () => {
    const unknownEnding = await runCli(['template', '--output', 'agenda.txt'], { cwd: dir });
    expect(unknownEnding.code).toBe(2);
    expect(unknownEnding.stderr.trim().split('\n')).toHaveLength(1);
    const unknownFormat = await runCli(['template', '--format', 'json'], { cwd: dir });
    expect(unknownFormat.code).toBe(2);
    expect(unknownFormat.stderr).toMatch(/--format must be csv or xlsx; got "json"/);
  });
});
