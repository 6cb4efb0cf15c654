import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { openSheet } from '../../src/read/index.js';
import { collect, fileErrorOf, fixture, scoreHeader } from './helpers.js';
import { craftZip, type CraftedEntry } from '../support/zip-archive.js';

const tmp = mkdtempSync(join(tmpdir(), 'read-zip-'));
const WORKBOOK_XML = 'xl/workbook.xml';

async function refusal(path: string): Promise<{ message: string; ms: number }> {
  const started = performance.now();
  const error = await fileErrorOf(openSheet(path, { scoreHeader }));
  return { message: error.message, ms: performance.now() - started };
}

function crafted(name: string, entries: CraftedEntry[]): string {
  const path = join(tmp, name);
  writeFileSync(path, craftZip([{ name: WORKBOOK_XML, stored: Buffer.from('<workbook/>'), method: 0, declaredSize: 11 }, ...entries]));
  return path;
}

describe('zip-bomb guard', () => {
  it('refuses the fixture whose directory declares a 3.9 GB sheet, quickly', async () => {
    const { message, ms } = await refusal(fixture('zip-bomb.xlsx'));
    expect(message).toBe(`${fixture('zip-bomb.xlsx')}: is not read: it would unpack to more than 512 MiB (refused as a possible zip bomb)`);
    // Refused from the zip directory alone, before anything is inflated: far below what reading
    // the bomb would take even on a loaded machine.
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a declared size no deflate stream can reach', async () => {
    const path = crafted('ratio.xlsx', [
      { name: 'xl/worksheets/sheet1.xml', stored: Buffer.alloc(1024, 1), method: 8, declaredSize: 100 * 1024 * 1024 },
    ]);
    const { message } = await refusal(path);
    expect(message).toBe(
      `${path}: is not read: its entry "xl/worksheets/sheet1.xml" declares 100 MiB from 1024 bytes, a ratio deflate cannot reach (refused as a possible zip bomb)`,
    );
  });

  it('refuses a local header that claims more than the directory', async () => {
    const path = crafted('disagree.xlsx', [
      {
        name: 'xl/worksheets/sheet1.xml',
        stored: deflateRawSync(Buffer.from('<x/>')),
        method: 8,
        declaredSize: 4,
        localSize: 3_900_000_000,
      },
    ]);
    const { message } = await refusal(path);
    expect(message).toBe(
      `${path}: is not read: the headers of its entry "xl/worksheets/sheet1.xml" disagree about its size (3900000000 and 4 bytes) (refused as a possible zip bomb)`,
    );
  });

  it('refuses a size-less (data descriptor) entry that unpacks to more than declared', async () => {
    // SheetJS grows its buffer without bound when the local header says 0: the guard inflates it, capped.
    const tenMiB = deflateRawSync(Buffer.alloc(10 * 1024 * 1024));
    const path = crafted('descriptor.xlsx', [
      { name: 'xl/worksheets/sheet1.xml', stored: tenMiB, method: 8, declaredSize: 1000, localSize: 0, flags: 0x08 },
    ]);
    const { message, ms } = await refusal(path);
    expect(message).toBe(
      `${path}: is not read: its entry "xl/worksheets/sheet1.xml" unpacks to more than the 1000 bytes it declares (refused as a possible zip bomb)`,
    );
    expect(ms).toBeLessThan(10_000);
  });

  it('refuses a stored entry whose sizes differ', async () => {
    const path = crafted('stored.xlsx', [{ name: 'xl/styles.xml', stored: Buffer.from('abc'), method: 0, declaredSize: 5000 }]);
    const { message } = await refusal(path);
    expect(message).toBe(
      `${path}: is not read: its entry "xl/styles.xml" declares 5000 bytes stored in 3 (refused as a possible zip bomb)`,
    );
  });

  it('lets a highly compressible but honest workbook through', async () => {
    const rows = [['Title', 'Room'], ...Array.from({ length: 20_000 }, () => ['Same talk', 'Same room'])];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Agenda');
    const path = join(tmp, 'honest.xlsx');
    writeFileSync(path, XLSX.write(book, { bookType: 'xlsx', type: 'buffer', compression: true }));
    const source = await openSheet(path, { scoreHeader });
    expect((await collect(source.rows)).length).toBe(20_000);
  });
});
