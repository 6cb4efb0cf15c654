import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { readSheet, type SheetInput } from '../../src/pipeline/sheet-rows.js';
import type { TimeOptions } from '../../src/time/index.js';
import type { ConvertedRow, SheetSession } from '../../src/types.js';

// Agenda files in the layouts people really use, written for each test: CSV text as typed, and
// real XLSX workbooks written with SheetJS (merged cells included).

export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeCsv(dir: string, name: string, lines: readonly string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

export interface SheetSpec {
  name: string;
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
  /** Merged ranges in A1 notation, e.g. "B3:D3". */
  merges?: readonly string[];
  /** Number formats by column letter (a date or time format makes the numbers date cells). */
  formats?: Readonly<Record<string, string>>;
}

export function writeWorkbook(dir: string, name: string, sheets: readonly SheetSpec[]): string {
  const book = XLSX.utils.book_new();
  for (const spec of sheets) {
    const sheet = XLSX.utils.aoa_to_sheet(spec.rows.map((row) => [...row]));
    if (spec.merges) sheet['!merges'] = spec.merges.map((range) => XLSX.utils.decode_range(range));
    for (const [column, format] of Object.entries(spec.formats ?? {})) {
      spec.rows.forEach((_, r) => {
        const cell = sheet[`${column}${r + 1}`] as XLSX.CellObject | undefined;
        if (cell?.t === 'n') cell.z = format;
      });
    }
    XLSX.utils.book_append_sheet(book, sheet, spec.name);
  }
  const file = path.join(dir, name);
  writeFileSync(file, XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }));
  return file;
}

/** A session as the tests compare it: where it came from, its name, UTC times and rooms. */
export interface SessionView {
  sheet: string;
  row: number;
  name: string;
  start: string;
  end: string | null | undefined;
  rooms?: string[];
}

/** Reads and converts a file through the pipeline's one sheet driver. */
export async function convertFile(
  input: SheetInput,
  time: TimeOptions,
): Promise<{ sessions: SheetSession[]; invalid: Extract<ConvertedRow, { ok: false }>[]; warnings: string[] }> {
  const sheet = await readSheet(input);
  const converted = sheet.convert(time);
  const sessions: SheetSession[] = [];
  const invalid: Extract<ConvertedRow, { ok: false }>[] = [];
  for (const row of converted.rows) {
    if (row.ok) sessions.push(row.session);
    else invalid.push(row);
  }
  return { sessions, invalid, warnings: [...sheet.warnings, ...converted.warnings()] };
}

export function view(session: SheetSession): SessionView {
  const out: SessionView = {
    sheet: session.sheet,
    row: session.row,
    name: session.fields.name,
    start: session.fields.start_time,
    end: session.fields.end_time,
  };
  if (session.locations) out.rooms = session.locations;
  return out;
}
