import { createInflateRaw } from 'node:zlib';
import type { ZipEntry } from './zip-directory.js';

const STORED = 0;
const DEFLATED = 8;
/** Longer than any token below (an element name with a namespace prefix of up to 30 characters). */
const CARRY = 64;
// `<row ...>` and `<c ...>`, with or without a namespace prefix (`<x:c>` from the OpenXML SDK).
const TOKEN = /<(?:[A-Za-z_][\w.-]{0,29}:)?(row|c)[\s>/]/g;

export interface CellLimits {
  /** Cells of the whole workbook. */
  maxCells: number;
  /** Rows holding a cell, in any one sheet. */
  maxRowsPerSheet: number;
}

export type CellCountExcess = { kind: 'cells'; limit: number } | { kind: 'rows'; limit: number; part: string };

/**
 * SheetJS parses a whole XLSX into memory before the first row can be looked at (hundreds of
 * bytes and, for a million rows, a minute per cell row), and a few compressed megabytes of
 * identical `<row><c>` elements declare millions of cells well under the unzipped-size cap. So
 * the cells are counted first by streaming each XML part through inflate, never holding a part,
 * and the count stops as soon as a limit is passed. Sizes the headers declare are not trusted.
 */
export async function xlsxCellCountExcess(zip: Buffer, entries: readonly ZipEntry[], limits: CellLimits): Promise<CellCountExcess | null> {
  let cells = 0;
  for (const entry of entries) {
    if (!/\.xml$/i.test(entry.name) || (entry.method !== STORED && entry.method !== DEFLATED)) continue;
    let rows = 0;
    let rowOpen = false;
    let excess: CellCountExcess | null = null;
    const onToken = (name: string): boolean => {
      if (name === 'row') {
        rowOpen = true;
        return true;
      }
      cells += 1;
      if (rowOpen) {
        rowOpen = false;
        rows += 1;
      }
      if (cells > limits.maxCells) excess = { kind: 'cells', limit: limits.maxCells };
      else if (rows > limits.maxRowsPerSheet) excess = { kind: 'rows', limit: limits.maxRowsPerSheet, part: entry.name };
      return excess === null;
    };
    await scanTokens(entryChunks(zip, entry), onToken);
    if (excess !== null) return excess;
  }
  return null;
}

async function* entryChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) {
    yield data;
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch {
    // A damaged stream is SheetJS's to report, in its own words; the cells read so far are counted.
  } finally {
    inflate.destroy();
  }
}

/** Calls onToken for each element name in order; stops when it answers false. */
async function scanTokens(chunks: AsyncIterable<Buffer>, onToken: (name: string) => boolean): Promise<void> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + chunk.toString('latin1');
    // Tokens starting in the last CARRY characters may be cut off: they are matched next time.
    const settled = text.length - CARRY;
    TOKEN.lastIndex = 0;
    for (let match = TOKEN.exec(text); match !== null && match.index < settled; match = TOKEN.exec(text)) {
      if (!onToken(match[1] as string)) return;
    }
    carry = text.slice(Math.max(0, settled));
  }
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(carry); match !== null; match = TOKEN.exec(carry)) {
    if (!onToken(match[1] as string)) return;
  }
}
