import type { ZipEntry } from './zip-directory.js';

const STORED = 0;
const DEFLATED = 8;
/** Longer than any XLSX token below (an element name with a namespace prefix of up to 30 characters). */
const XLSX_CARRY = 64;
// `<row ...>` and `<c ...>`, with or without a namespace prefix (`<x:c>` from the OpenXML SDK).
const XLSX_TOKEN = /<(?:[A-Za-z_][\w.-]{0,29}:)?(row|c)[\s>/]/g;
// ODS elements that make cells, with their attributes: a table, a row, a cell.
const ODS_TAG = /<(?:[A-Za-z_][\w.-]{0,29}:)?(table|table-row|table-cell|covered-table-cell)([\s/>][^<>]*)?>/g;
/** An ODS tag longer than this is not a spreadsheet's; it is skipped rather than carried on. */
const ODS_MAX_TAG = 64 * 1024;

interface CellLimits {
  /** Cells of the whole workbook. */
  maxCells: number;
  /** Rows holding a cell, in any one sheet. */
  maxRowsPerSheet: number;
}

type CellCountExcess = { kind: 'cells'; limit: number } | { kind: 'rows'; limit: number };

/**
 * SheetJS parses a whole workbook into memory before the first row can be looked at (hundreds of
 * bytes a cell, and for a million XLSX rows about a minute), and a few compressed megabytes of
 * identical `<row><c>` elements declare millions of cells well under the unzipped-size cap; an
 * ODS file of one kilobyte declares billions through `number-rows-repeated` and
 * `number-columns-repeated`. So the cells are counted first by streaming the sheet XML through
 * inflate, never holding a part, and the count stops as soon as a limit is passed. Sizes the
 * headers declare are not trusted.
 */
export async function cellCountExcess(
  zip: Buffer,
  entries: readonly ZipEntry[],
  format: 'xlsx' | 'ods',
  limits: CellLimits,
): Promise<CellCountExcess | null> {
  const tally = new Tally(limits);
  for (const entry of entries) {
    if (entry.method !== STORED && entry.method !== DEFLATED) continue;
    if (format === 'xlsx' ? !/\.xml$/i.test(entry.name) : entry.name !== 'content.xml') continue;
    tally.startSheet();
    const counter = format === 'xlsx' ? xlsxCounter(tally) : odsCounter(tally);
    let reading = true;
    for await (const text of entryText(zip, entry)) {
      reading = counter.feed(text);
      if (!reading) break;
    }
    // An empty piece says the part has ended: what was held back for the next piece is counted.
    if (reading) counter.feed('');
    if (tally.excess !== null) return tally.excess;
  }
  return null;
}

/** The running count; `excess` is set once a limit is passed. */
class Tally {
  excess: CellCountExcess | null = null;
  private cells = 0;
  private rows = 0;

  constructor(private readonly limits: CellLimits) {}

  startSheet(): void {
    this.rows = 0;
  }

  /** False once over a limit. */
  addRows(count: number): boolean {
    this.rows += count;
    if (this.excess === null && this.rows > this.limits.maxRowsPerSheet) this.excess = { kind: 'rows', limit: this.limits.maxRowsPerSheet };
    return this.excess === null;
  }

  /** False once over a limit. */
  addCells(count: number): boolean {
    this.cells += count;
    if (this.excess === null && this.cells > this.limits.maxCells) this.excess = { kind: 'cells', limit: this.limits.maxCells };
    return this.excess === null;
  }
}

interface Counter {
  /** The next piece of the part's text; false to stop reading. */
  feed(text: string): boolean;
}

/** XLSX: each `<c>` is a cell; a `<row>` counts once its first cell shows. */
function xlsxCounter(tally: Tally): Counter {
  let carry = '';
  let rowPending = false;
  const scan = (text: string, upTo: number): boolean => {
    XLSX_TOKEN.lastIndex = 0;
    for (let match = XLSX_TOKEN.exec(text); match !== null && match.index < upTo; match = XLSX_TOKEN.exec(text)) {
      if (match[1] === 'row') {
        rowPending = true;
        continue;
      }
      if (rowPending && !tally.addRows(1)) return false;
      rowPending = false;
      if (!tally.addCells(1)) return false;
    }
    return true;
  };
  return {
    feed(chunk) {
      if (chunk === '') return scan(carry, Infinity);
      const text = carry + chunk;
      // Tokens starting in the last few characters may be cut off: they are matched next time.
      const settled = text.length - XLSX_CARRY;
      carry = text.slice(Math.max(0, settled));
      return scan(text, settled);
    },
  };
}

/** ODS: repeated rows and cells count as many times as they repeat; empty cells do not count. */
function odsCounter(tally: Tally): Counter {
  let carry = '';
  let rowRepeat = 1;
  let rowCounted = false;
  const tag = (name: string, attributes: string): boolean => {
    if (name === 'table') {
      tally.startSheet();
      rowRepeat = 1;
      rowCounted = false;
      return true;
    }
    if (name === 'table-row') {
      rowRepeat = repeatCount(attributes, 'number-rows-repeated');
      rowCounted = false;
      return true;
    }
    // A self-closed cell without a value type is empty: SheetJS skips those at no cost.
    if (attributes.endsWith('/') && !/(?:^|\s)(?:[\w.-]+:)?value-type\s*=/.test(attributes)) return true;
    if (!tally.addCells(rowRepeat * repeatCount(attributes, 'number-columns-repeated'))) return false;
    if (rowCounted) return true;
    rowCounted = true;
    return tally.addRows(rowRepeat);
  };
  return {
    feed(chunk) {
      const text = carry + chunk;
      // Everything before the last `<` is whole tags and text; the rest waits for the next piece.
      let settled = text.lastIndexOf('<');
      if (settled === -1 || text.indexOf('>', settled) !== -1 || chunk === '') settled = text.length;
      carry = text.length - settled > ODS_MAX_TAG ? '' : text.slice(settled);
      ODS_TAG.lastIndex = 0;
      for (let match = ODS_TAG.exec(text); match !== null && match.index < settled; match = ODS_TAG.exec(text)) {
        if (!tag(match[1] as string, (match[2] ?? '').trim())) return false;
      }
      return true;
    },
  };
}

function repeatCount(attributes: string, name: string): number {
  const match = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*["']\\s*(\\d+)`).exec(attributes);
  return match ? Math.max(1, Number(match[1])) : 1;
}

/** The entry's bytes as latin1 text, piece by piece, inflated as they are read. */
async function* entryText(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === STORED) {
    yield data.toString('latin1');
    return;
  }
  // node:zlib is asked for here, not imported: only a workbook needs it, and loading it cost ~4 ms
  // of every start-up of a CSV run (issue 15).
  const inflate = process.getBuiltinModule('node:zlib').createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate) yield (chunk as Buffer).toString('latin1');
  } catch {
    // A damaged stream is SheetJS's to report, in its own words; the cells read so far are counted.
  } finally {
    inflate.destroy();
  }
}
