// `validate` checks the speakers offline as import would plan them: the workbook's Speakers sheet
// or --speakers FILE, each bad row a speaker row of the report naming row, column and value; the
// speakers counted apart (summary.speakers); the session rows one per session, as before.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/index.js';
import { runCli } from '../support/cli-process.js';
import { readCsvReport } from '../support/report-file.js';
import { tempDir } from '../support/temp-dir.js';
import { writeSpeakerWorkbook, type SessionRow, type SpeakerRow } from './speaker-world.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const SESSIONS: SessionRow[] = [
  { id: 'S-1', title: 'Opening', speakers: 'Ada Park; Bo Chen', slot: 0 },
  { id: 'S-2', title: 'Streaming joins', speakers: 'Sam Lee', slot: 1 },
  { id: 'S-3', title: 'Design tokens', speakers: 'Chiara Conti', slot: 2 },
];
const SPEAKERS: SpeakerRow[] = [
  { name: 'Ada Park', title: 'CTO', company: 'Acme', email: 'ada@example.org', photo: 'photos/ada.png' },
  { name: '', title: 'Ghost' },
  { name: 'Bo Chen', email: 'bo at example dot org' },
  { name: 'Sam Lee', email: 'sam@one.example' },
  { name: 'Sam Lee', email: 'sam@two.example' },
  { name: 'Dev Rao', photo: 'photos/missing.png' },
  { name: 'Eve Moss', photo: 'photos/eve.gif' },
  { name: 'Fay Wu', email: 'fay@example.org' },
  { name: 'Fay W.', email: 'FAY@example.org' },
  // A photo URL is import's to download: validate sends nothing and lets it pass.
  { name: 'Gil Ode', photo: 'https://photos.invalid/gil.png' },
];

let dir: string;
let book: string;
beforeAll(() => {
  dir = tempDir('gi-validate-speakers');
  book = join(dir, 'agenda.xlsx');
  writeSpeakerWorkbook(book, SESSIONS, SPEAKERS);
  const photos = join(dir, 'photos');
  mkdirSync(photos);
  writeFileSync(join(photos, 'ada.png'), PNG);
  writeFileSync(join(photos, 'eve.gif'), Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'));
});

describe('validate: the Speakers sheet', () => {
  it('each bad speaker row is invalid or a conflict, naming row, column and value; the session rows are as before', async () => {
    const { document, speakerRows } = await validateFile(book, { timezone: 'UTC' });
    expect(document.rows.map((row) => [row.row, row.import_id, row.action])).toEqual([
      [2, 'S-1', 'create'],
      [3, 'S-2', 'create'],
      [4, 'S-3', 'create'],
    ]);
    const byRow = new Map(speakerRows.map((row) => [`${row.sheet}!${row.row}`, row]));
    expect(byRow.get('Speakers!3')).toMatchObject({ action: 'invalid', record: 'speaker' });
    expect(byRow.get('Speakers!3')?.issues).toEqual([expect.objectContaining({ code: 'required', column: 'Name', row: 3 })]);
    expect(byRow.get('Speakers!4')).toMatchObject({ action: 'invalid', name: 'Bo Chen' });
    expect(byRow.get('Speakers!4')?.issues).toEqual([
      expect.objectContaining({ code: 'bad_email', column: 'Email', value: 'bo at example dot org', row: 4 }),
    ]);
    expect(byRow.get('Speakers!7')?.issues).toEqual([
      expect.objectContaining({ code: 'bad_image', column: 'Photo', value: 'photos/missing.png', row: 7 }),
    ]);
    expect(byRow.get('Speakers!8')?.issues?.[0]).toMatchObject({ code: 'bad_image', value: 'photos/eve.gif' });
    expect(byRow.get('Speakers!8')?.message).toMatch(/GIF image; Guidebook takes only PNG or JPEG/);
    // Two people with one name stay two (their emails differ), each with a warning.
    expect([byRow.get('Speakers!5')?.action, byRow.get('Speakers!6')?.action]).toEqual(['create', 'create']);
    expect(byRow.get('Speakers!5')?.message).toMatch(/also named "Sam Lee"/);
    // Two rows that would collapse into one speaker (one email) are a conflict, never merged.
    expect([byRow.get('Speakers!9')?.action, byRow.get('Speakers!10')?.action]).toEqual(['conflict', 'conflict']);
    expect(byRow.get('Speakers!2')).toMatchObject({ action: 'create', name: 'Ada Park', import_id: 'speaker:email:ada@example.org' });
    expect(byRow.get('Speakers!11')).toMatchObject({ action: 'create', name: 'Gil Ode' });
    // A session cell naming someone only the Speakers sheet can tell apart is a warning, not a link.
    expect(document.warnings).toContain(
      'Agenda row 3: speaker "Sam Lee" matches 2 Speakers rows (same name): not linked; write the email ("Name <email>") or the import id in the cell',
    );
    expect(document.warnings).toContain('Agenda row 2: speaker "Bo Chen" is not linked: its Speakers row 4 is invalid (fix that row)');
    // Chiara has no Speakers row: a speaker by name only, introduced by her session's row.
    expect(byRow.get('Agenda!4')).toMatchObject({ action: 'create', name: 'Chiara Conti', import_id: 'speaker:name:chiara conti' });
    expect(document.summary).toMatchObject({ invalid: 0, conflicts: 0 });
    expect(document.summary.speakers).toMatchObject({ invalid: 4, conflicts: 2 });
  });

  it('the command: the speakers in the report after the sessions, counted apart, exit 1 for the bad rows', async () => {
    const report = join(dir, 'report.csv');
    const run = await runCli(['validate', book, '--timezone', 'UTC', '--json', '--report', report], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ invalid: 0, planned: { create: 3 }, speakers: { invalid: 4, conflicts: 2, planned: { create: 5 } } });
    expect(run.stderr).toContain('speakers: 5 create, 0 update, 0 unchanged, 0 delete, 4 invalid, 2 conflict');
    const rows = readCsvReport(report);
    expect(rows.slice(0, 3).map((row) => row.import_id)).toEqual(['S-1', 'S-2', 'S-3']);
    expect(rows).toHaveLength(3 + 11);
    expect(rows.find((row) => row.sheet === 'Speakers' && row.row === '4')?.message).toBe(
      'Row 4, column "Email": "bo at example dot org" is not an email address',
    );
  });

  it('--speakers FILE: a CSV of speakers beside a CSV agenda is checked the same way; a clean one exits 0', async () => {
    const agenda = join(dir, 'agenda.csv');
    writeFileSync(agenda, ['Import ID,Title,Date,Start,End,Speakers', 'S-1,Opening,2027-05-10,9:00,9:30,Ada Park'].join('\n'));
    const speakers = join(dir, 'speakers.csv');
    writeFileSync(speakers, ['Name,Email,Photo,Sessions', 'Ada Park,ada@example.org,photos/ada.png,S-1', 'Bo Chen,,,S-9'].join('\n'));
    const clean = await runCli(['validate', agenda, '--speakers', speakers, '--timezone', 'UTC', '--json'], { cwd: dir });
    expect(clean.code, clean.stderr).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ planned: { create: 1 }, speakers: { invalid: 0, planned: { create: 2 } } });
    // A Sessions cell naming no session of the sheet is said, as import says it.
    const { speakerRows } = await validateFile(agenda, { timezone: 'UTC', speakersFile: speakers });
    expect(speakerRows.find((row) => row.name === 'Bo Chen')?.issues?.[0]?.message).toMatch(
      /session "S-9" in the Sessions column is not a valid row/,
    );

    writeFileSync(join(dir, 'bad-speakers.csv'), ['Name,Email', 'Ada Park,ada(at)example.org'].join('\n'));
    const bad = await runCli(['validate', agenda, '--speakers', join(dir, 'bad-speakers.csv'), '--timezone', 'UTC', '--json'], {
      cwd: dir,
    });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).speakers).toMatchObject({ invalid: 1 });
  });

  it('a sheet with no speakers at all has no speaker rows and no summary.speakers', async () => {
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, ['Title,Date,Start,End', 'Opening,2027-05-10,9:00,9:30'].join('\n'));
    const { document, speakerRows } = await validateFile(plain, { timezone: 'UTC' });
    expect(speakerRows).toEqual([]);
    expect(document.summary.speakers).toBeUndefined();
  });
});
