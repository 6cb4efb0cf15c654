import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline/validate-file.js';

// A "When" column (Wann, Quand, 日時…) holding a date with a time range, or a bare time beside a
// Date column: read as the start date-time (issue 12 field test, f29 and g11). Europe/Berlin is
// UTC+2 in May 2027.
const dir = mkdtempSync(path.join(tmpdir(), 'gbi-when-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, lines: string[]): string => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

describe('a When column', () => {
  it('reads "2027-05-18 09:00-10:30" as the start and end', async () => {
    const file = write('when.csv', ['Session ID,When,Title', 'S1,2027-05-18 09:00-10:30,Alpha', 'S2,2027-05-18 11:00-12:00,Beta']);
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin' });
    expect(document.summary.invalid).toBe(0);
    expect(document.rows.map((r) => [r.import_id, r.name, r.fields?.start_time, r.fields?.end_time])).toEqual([
      ['S1', 'Alpha', '2027-05-18T07:00:00.000Z', '2027-05-18T08:30:00.000Z'],
      ['S2', 'Beta', '2027-05-18T09:00:00.000Z', '2027-05-18T10:00:00.000Z'],
    ]);
  });

  it('reads a German "Wann" of times beside a Date column, never as all-day', async () => {
    const file = write('wann.csv', ['Date,Wann,Titel', '2027-05-18,10:00,Vortrag X', '2027-05-18,11:00,Vortrag Y']);
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin' });
    expect(document.summary.invalid).toBe(0);
    expect(document.rows.map((r) => [r.name, r.fields?.start_time, r.fields?.end_time ?? null, r.fields?.all_day ?? false])).toEqual([
      ['Vortrag X', '2027-05-18T08:00:00.000Z', null, false],
      ['Vortrag Y', '2027-05-18T09:00:00.000Z', null, false],
    ]);
  });

  it('is weaker than a named start: "Start" beside "Quand" supplies the start', async () => {
    const file = write('quand.csv', ['Date,Start,Quand,Titre', '2027-05-18,09:00,09:00,Ouverture']);
    const { document } = await validateFile(file, { timezone: 'Europe/Berlin' });
    expect(document.rows.map((r) => [r.name, r.fields?.start_time])).toEqual([['Ouverture', '2027-05-18T07:00:00.000Z']]);
  });
});
