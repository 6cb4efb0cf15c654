// Speakers through export → import, against a sandbox on 127.0.0.1: a workbook with sessions,
// their speakers, a Speakers sheet and images is imported, exported (XLSX with a Speakers sheet;
// CSV with a -speakers.csv beside it), and importing the export plans everything unchanged:
// listing requests only, no write.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/api/index.js';
import { exportGuide, speakersCsvPath, writeAgenda } from '../../src/export/index.js';
import { ImageMemory } from '../../src/images/index.js';
import { runImport } from '../../src/pipeline/run-import.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { PNG_1X1 } from '../images/image-bytes.js';
import { tempDir } from '../support/temp-dir.js';

let sandbox: SandboxHandle;
let dir: string;

const client = () => createClient({ apiUrl: sandbox.apiUrl, apiKey: 'k', retries: 0 });

async function importFile(file: string, options: { speakersFile?: string; dryRun?: boolean } = {}) {
  const mark = sandbox.requestLog.length;
  const run = await runImport(file, {
    client: client(),
    guide: 1,
    dryRun: options.dryRun ?? false,
    speakersFile: options.speakersFile,
    // A fresh machine each time: no memory of uploads, so only the server's images count.
    imageMemory: ImageMemory.inMemory(),
  });
  return { run, requests: sandbox.requestLog.slice(mark) };
}

beforeAll(async () => {
  sandbox = await startSandbox();
  dir = tempDir('export-speakers');
  writeFileSync(join(dir, 'ada.png'), PNG_1X1);
  writeFileSync(join(dir, 'banner.png'), PNG_1X1);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([
      ['Import ID', 'Title', 'Date', 'Start', 'End', 'Time Zone', 'Speakers', 'Image'],
      ['s1', 'Opening Keynote', '2027-05-10', '09:00', '10:00', 'America/New_York', 'Ada Lovelace; Grace Hopper', 'banner.png'],
      ['s2', 'Compilers Panel', '2027-05-10', '11:00', '12:00', 'America/New_York', 'Grace Hopper; Ada Lovelace; Alan Turing', ''],
      ['s3', 'Lunch', '2027-05-10', '12:00', '13:00', 'America/New_York', '', ''],
    ]),
    'Agenda',
  );
  XLSX.utils.book_append_sheet(
    workbook,
    XLSX.utils.aoa_to_sheet([
      ['Import ID', 'Name', 'Title', 'Company', 'Bio', 'Email', 'Photo', 'Role', 'Sessions'],
      ['spk-ada', 'Ada Lovelace', 'Analyst', 'Engines Ltd', 'Wrote the first program.', 'ada@example.org', 'ada.png', '', ''],
      ['spk-grace', 'Grace Hopper', 'Rear Admiral', '', '<p>Made <b>COBOL</b> happen.</p>', 'grace@example.org', '', '', ''],
    ]),
    'Speakers',
  );
  writeFileSync(join(dir, 'agenda.xlsx'), XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const first = await importFile(join(dir, 'agenda.xlsx'));
  expect(first.run.document.summary.failed).toBe(0);
});
afterAll(() => sandbox.close());

describe('export of speakers', () => {
  it('writes the Speakers sheet in the canonical columns and each session its speakers in link order', async () => {
    const agenda = await exportGuide(client(), { guideId: 1 });
    expect(agenda.speakerHeaders).toEqual(['Import ID', 'Name', 'Title', 'Company', 'Bio', 'Email', 'Photo', 'Role', 'Sessions']);
    const byName = new Map(agenda.speakerRows.map((row) => [row[1], row]));
    expect([...byName.keys()]).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(byName.get('Ada Lovelace')?.[0]).toBe('spk-ada');
    expect(byName.get('Ada Lovelace')?.[2]).toBe('Analyst, Engines Ltd');
    expect(byName.get('Ada Lovelace')?.[6]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/[0-9a-f]{32}\.png$/);
    expect(byName.get('Grace Hopper')?.[8]).toBe('s1; s2');
    const speakersColumn = agenda.headers.indexOf('Speakers');
    const panel = agenda.rows.find((row) => row[0] === 's2');
    expect(panel?.[speakersColumn]).toBe('Grace Hopper; Ada Lovelace; Alan Turing');
    expect(agenda.rows.find((row) => row[0] === 's1')?.[agenda.headers.indexOf('Image')]).toMatch(/\/media\/.+\.png$/);
  });

  it('importing the XLSX export plans everything unchanged and sends no write', async () => {
    const file = join(dir, 'export.xlsx');
    await writeAgenda(await exportGuide(client(), { guideId: 1 }), file, 'xlsx');
    const workbook = XLSX.read(readFileSync(file));
    expect(workbook.SheetNames).toEqual(['Agenda', 'Speakers', 'Notes']);
    const notes = XLSX.utils.sheet_to_json<string[]>(workbook.Sheets.Notes!, { header: 1 });
    expect(notes.some((row) => row[0] === 'Speakers sheet column')).toBe(true);
    const again = await importFile(file);
    const changed = again.run.document.rows.filter((row) => row.action !== 'unchanged');
    expect(changed).toEqual([]);
    expect(again.requests.filter((e) => e.method !== 'GET')).toEqual([]);
    expect(again.run.document.summary.speakers?.unchanged).toBe(3);
  });

  it('a CSV export writes -speakers.csv beside it; importing both plans everything unchanged', async () => {
    const file = join(dir, 'export.csv');
    await writeAgenda(await exportGuide(client(), { guideId: 1 }), file, 'csv');
    expect(speakersCsvPath(file)).toBe(join(dir, 'export-speakers.csv'));
    expect(existsSync(join(dir, 'export-speakers.csv'))).toBe(true);
    const again = await importFile(file, { speakersFile: speakersCsvPath(file) });
    expect(again.run.document.rows.filter((row) => row.action !== 'unchanged')).toEqual([]);
    expect(again.requests.filter((e) => e.method !== 'GET')).toEqual([]);
  });
});
