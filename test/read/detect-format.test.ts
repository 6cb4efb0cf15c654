// Files that are no spreadsheet at all, renamed to .csv or .xlsx: one line saying what the file
// is and what to do, never a parser's complaint about its bytes. Real files of each kind, made
// here: a PDF, images, a Word .docx (zip) and .doc (OLE compound file), an HTML page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { openSheet } from '../../src/read/index.js';
import { tempDir } from '../support/temp-dir.js';
import { collect, fileErrorOf, scoreHeader } from './helpers.js';

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb004300', 'hex');

function docx(): Buffer {
  const zip = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(zip, '[Content_Types].xml', Buffer.from('<Types/>'));
  XLSX.CFB.utils.cfb_add(zip, 'word/document.xml', Buffer.from('<w:document><w:body><w:p>Agenda</w:p></w:body></w:document>'));
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer;
}

function doc(): Buffer {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, 'WordDocument', Buffer.alloc(4096, 0x41));
  XLSX.CFB.utils.cfb_add(cfb, '1Table', Buffer.alloc(512, 0));
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

describe('a file that is no spreadsheet', () => {
  const cases: Array<[string, string, Buffer, RegExp]> = [
    ['a PDF named .xlsx', 'agenda.xlsx', PDF, /^.*agenda\.xlsx: is a PDF document, not a spreadsheet: copy its table into a spreadsheet/],
    ['a PDF named .csv', 'agenda.csv', PDF, /agenda\.csv: is a PDF document, not a spreadsheet/],
    ['a PNG named .csv', 'agenda.csv', PNG, /agenda\.csv: is a PNG image, not a spreadsheet/],
    ['a JPEG named .xlsx', 'agenda.xlsx', JPEG, /agenda\.xlsx: is a JPEG image, not a spreadsheet/],
    [
      'a Word .docx named .xlsx',
      'agenda.xlsx',
      docx(),
      /agenda\.xlsx: is a Word document \(\.docx\), not an XLSX or ODS workbook: export or save/,
    ],
    ['a Word .doc named .xls', 'agenda.xls', doc(), /agenda\.xls: is a Word document \(\.doc\), not a spreadsheet/],
    [
      'an HTML page named .csv',
      'agenda.csv',
      Buffer.from('<!DOCTYPE html>\n<html><head><title>Agenda</title></head><body><table><tr><td>Title</td></tr></table></body></html>'),
      /agenda\.csv: is an HTML page, not a spreadsheet: save the agenda table as CSV or XLSX/,
    ],
  ];
  for (const [what, name, bytes, message] of cases) {
    it(`says so for ${what}, in one line`, async () => {
      const path = join(tempDir('gi-detect'), name);
      writeFileSync(path, bytes);
      const error = await fileErrorOf(openSheet(path, { scoreHeader }));
      expect(error.code).toBe('file');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    });
  }

  it('still reads an HTML table saved by Excel as .xls, and a plain CSV', async () => {
    const dir = tempDir('gi-detect');
    const html = join(dir, 'agenda.xls');
    writeFileSync(
      html,
      '<html><body><table><tr><td>Title</td><td>Start</td></tr><tr><td>Keynote</td><td>2027-05-18 09:00</td></tr></table></body></html>',
    );
    const fromHtml = await openSheet(html, { scoreHeader });
    expect(fromHtml.header.headers).toEqual(['Title', 'Start']);
    expect((await collect(fromHtml.rows)).map((r) => r.cells[0])).toEqual(['Keynote']);
    const csv = join(dir, 'agenda.csv');
    writeFileSync(csv, 'Title,Start\nKeynote,2027-05-18 09:00\n');
    expect((await collect((await openSheet(csv, { scoreHeader })).rows)).length).toBe(1);
  });
});
