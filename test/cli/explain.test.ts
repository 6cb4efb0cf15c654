// The CLI side of issue 12's mapping work, run as a user would: validate --explain prints what
// each field was read from, --write-mapping saves it and the file gives the same result back,
// the JSON report carries the explanation; two equally strong columns that disagree, and a
// file that is no spreadsheet, each stop with one clear line and exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('guidebook-import validate --explain / --write-mapping', () => {
  it('explains each field, writes a mapping file that reads the sheet the same way, and puts the explanation in the JSON report', async () => {
    const dir = tempDir('gi-explain');
    const sheet = join(dir, 'programm.csv');
    writeFileSync(
      sheet,
      [
        'Kennung,Vortrag,Name,Datum,Uhrzeit,Raum,Notizen',
        'k-1,Eröffnung,Anna,2027-05-18,09:00,Saal A,x',
        'k-2,Daten,Jonas,2027-05-18,10:00,Saal B,',
      ].join('\n'),
    );
    const written = join(dir, 'programm.mapping.json');
    const report = join(dir, 'report.json');
    const run = await runCli(
      ['validate', sheet, '--timezone', 'Europe/Berlin', '--explain', '--write-mapping', written, '--report', report],
      {
        apiKey: null,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('name ← "Vortrag" [alias] (over "Name")');
    expect(run.stderr).toContain('row 2: "09:00" → 2027-05-18T07:00:00.000Z');
    expect(run.stderr).toContain('not imported: "Notizen"');
    expect(JSON.parse(readFileSync(written, 'utf8')).columns).toEqual({
      Kennung: 'import_id',
      Vortrag: 'name',
      Datum: 'date',
      Uhrzeit: 'start',
      Raum: 'locations',
      Name: null,
      Notizen: null,
    });
    const document = JSON.parse(readFileSync(report, 'utf8'));
    expect(document.explain.fields.map((f: { field: string }) => f.field)).toEqual(['import_id', 'name', 'date', 'start', 'locations']);

    const again = join(dir, 'again.json');
    const back = await runCli(['validate', sheet, '--timezone', 'Europe/Berlin', '--mapping', written, '--report', again], {
      apiKey: null,
    });
    expect(back.code, back.stderr).toBe(0);
    // The written file settles the choice: no "over" line, no unmapped-column warning.
    expect(back.stderr).not.toContain('warning: "Vortrag"');
    expect(back.stderr).not.toContain('not imported');
    const rows = (doc: { rows: Array<{ import_id: string; name: string; fields: { start_time: string } }> }) =>
      doc.rows.map((r) => [r.import_id, r.name, r.fields.start_time]);
    expect(rows(JSON.parse(readFileSync(again, 'utf8')))).toEqual(rows(document));
  });

  it('stops with exit 2 when two equally strong columns differ, naming both and the mapping line', async () => {
    const dir = tempDir('gi-explain');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, ['Talk,Event,Start', 'Keynote,Keynote,2027-05-18 09:00', 'Rust,Day 1 Track,2027-05-18 10:00'].join('\n'));
    const run = await runCli(['validate', sheet, '--timezone', 'Europe/Berlin'], { apiKey: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Columns "Talk" and "Event" both give name with equal weight, and differ in row 3');
    expect(run.stderr).toContain('add {"columns": {"Event": null}} to a --mapping file');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a PDF renamed to .xlsx is a PDF, in one line, exit 2', async () => {
    const dir = tempDir('gi-explain');
    const sheet = join(dir, 'agenda.xlsx');
    writeFileSync(sheet, Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
    const run = await runCli(['validate', sheet], { apiKey: null });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('agenda.xlsx: is a PDF document, not a spreadsheet');
  });

  it('lists the accepted names when no header row is found', async () => {
    const dir = tempDir('gi-explain');
    const sheet = join(dir, 'agenda.csv');
    writeFileSync(sheet, 'alpha,beta,gamma\n1,2,3\n');
    const run = await runCli(['validate', sheet], { apiKey: null });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no header row found/);
    expect(run.stderr).toContain('for the title: Title, Session Title, Título, Titel, Titre');
    expect(run.stderr).toContain('--mapping map.json');
    expect(run.stderr).toContain('guidebook-import template');
  });
});
