import * as XLSX from 'xlsx';
import type { CellValue, RawRow } from '../types.js';
import { fileError, quoteList, tooManyRows } from './file-error.js';
import { alignCells, findHeaderRow, isEmptyRow, noHeaderMessage, type HeaderCandidate, type HeaderRow } from './header-row.js';
import { HEADER_SCAN_ROWS } from './limits.js';
import type { OpenedFile, ReadSettings, SheetSource } from './types.js';
import { cellText } from './cell-value.js';
import { WorkbookCellReader } from './workbook-cell.js';

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods';

const FORMAT_NAMES: Record<WorkbookFormat, string> = { xlsx: 'XLSX', xls: 'XLS', ods: 'ODS' };

/** One worksheet of a parsed workbook, in the shape the readers need. */
interface Worksheet {
  name: string;
  data: Array<Array<XLSX.CellObject | undefined> | undefined>;
  range: XLSX.Range | null;
  hiddenRows: ReadonlySet<number>;
}

/**
 * An XLSX, XLS or ODS workbook as a sheet. Numbers stay serials (cellDates would leak the
 * machine's time zone) and become SheetDateCells by their number format.
 */
export function openWorkbookSheet(
  file: OpenedFile,
  bytes: Buffer,
  format: WorkbookFormat,
  settings: ReadSettings,
  warnings: string[],
): SheetSource {
  const workbook = parseWorkbook(file, bytes, format);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const cells = new WorkbookCellReader(date1904);
  const { worksheet, header } = chooseSheet(file, workbook, settings, cells, warnings);
  const { name } = worksheet;
  return {
    format,
    sheet: name,
    header: { sheet: name, row: header.row, headers: header.headers },
    rows: dataRows(file, worksheet, header, cells, settings.maxRows),
    date1904,
    warnings,
  };
}

function parseWorkbook(file: OpenedFile, bytes: Buffer, format: WorkbookFormat): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true, // the number format tells a date serial from a plain number
      cellText: false,
      cellHTML: false,
      cellFormula: false, // a formula's cached value is what the sheet shows
      cellStyles: format === 'xlsx', // SheetJS reads XLSX hidden rows only with styles
      sheetStubs: false,
      raw: true, // an HTML table saved as .xls keeps its text as text, as a CSV would
    });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
    throw fileError(file.label, `could not be read as ${FORMAT_NAMES[format]} (damaged or protected?): ${reason}`, error);
  }
}

function chooseSheet(
  file: OpenedFile,
  workbook: XLSX.WorkBook,
  settings: ReadSettings,
  cells: WorkbookCellReader,
  warnings: string[],
): { worksheet: Worksheet; header: HeaderRow } {
  const names = workbook.SheetNames;
  if (settings.sheet !== undefined) {
    const name = resolveSheetName(file, names, settings.sheet);
    const worksheet = toWorksheet(workbook, name);
    const candidates = headerCandidates(worksheet, cells);
    const header = findHeaderRow(candidates, settings.scoreHeader);
    if (header === null) throw fileError(file.label, noHeaderMessage(candidates, name));
    return { worksheet, header };
  }

  const visible = names.filter((_, index) => !(workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0));
  const looked: Array<{ name: string; candidates: HeaderCandidate[] }> = [];
  for (const name of visible.length > 0 ? visible : names) {
    const worksheet = toWorksheet(workbook, name);
    const candidates = headerCandidates(worksheet, cells);
    const header = findHeaderRow(candidates, settings.scoreHeader);
    if (header !== null) {
      if (looked.length > 0) {
        warnings.push(
          `read sheet ${JSON.stringify(name)}: ${quoteList(looked.map((l) => l.name))} before it ha${looked.length === 1 ? 's' : 've'} no recognisable header`,
        );
      }
      return { worksheet, header };
    }
    looked.push({ name, candidates });
  }
  const [first] = looked;
  if (first === undefined) throw fileError(file.label, 'holds no sheets');
  if (looked.length === 1) throw fileError(file.label, noHeaderMessage(first.candidates, first.name));
  throw fileError(
    file.label,
    `no header row found in any sheet (${quoteList(looked.map((l) => l.name))}); ${noHeaderMessage(first.candidates, first.name)}`,
  );
}

/** A sheet by exact name, by name ignoring case and spacing, or by 1-based index. */
function resolveSheetName(file: OpenedFile, names: readonly string[], wanted: string | number): string {
  if (typeof wanted === 'string') {
    if (names.includes(wanted)) return wanted;
    const loose = names.find((name) => looseName(name) === looseName(wanted));
    if (loose !== undefined) return loose;
  }
  const index = typeof wanted === 'number' ? wanted : /^\s*\d+\s*$/.test(wanted) ? Number(wanted) : NaN;
  const byIndex = Number.isInteger(index) ? names[index - 1] : undefined;
  if (byIndex !== undefined) return byIndex;
  const what = Number.isNaN(index) ? `no sheet named ${JSON.stringify(wanted)}` : `no sheet ${index}`;
  throw fileError(file.label, `${what} (sheets: ${quoteList(names, 50)})`);
}

function looseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

function toWorksheet(workbook: XLSX.WorkBook, name: string): Worksheet {
  const sheet = workbook.Sheets[name];
  const ref = sheet?.['!ref'];
  const hiddenRows = new Set<number>();
  (sheet?.['!rows'] ?? []).forEach((info, index) => {
    if (info?.hidden) hiddenRows.add(index);
  });
  return {
    name,
    data: (sheet?.['!data'] as Worksheet['data'] | undefined) ?? [],
    range: ref === undefined ? null : XLSX.utils.decode_range(ref),
    hiddenRows,
  };
}

function headerCandidates(worksheet: Worksheet, cells: WorkbookCellReader): HeaderCandidate[] {
  const { range } = worksheet;
  if (range === null) return [];
  const candidates: HeaderCandidate[] = [];
  const last = Math.min(range.e.r, range.s.r + HEADER_SCAN_ROWS - 1);
  for (let r = range.s.r; r <= last; r++) {
    if (worksheet.hiddenRows.has(r)) continue;
    const values = rowValues(worksheet, r, cells, range.e.c - range.s.c + 1);
    if (isEmptyRow(values)) continue;
    candidates.push({ row: r + 1, texts: values.map((value) => cellText(value).trim()) });
  }
  return candidates;
}

function rowValues(worksheet: Worksheet, r: number, cells: WorkbookCellReader, width: number): CellValue[] {
  const row = worksheet.data[r];
  const first = worksheet.range?.s.c ?? 0;
  const values: CellValue[] = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) values[c] = row === undefined ? null : cells.value(row[first + c]);
  return values;
}

async function* dataRows(
  file: OpenedFile,
  worksheet: Worksheet,
  header: HeaderRow,
  cells: WorkbookCellReader,
  maxRows: number,
): AsyncGenerator<RawRow> {
  const { range, name } = worksheet;
  if (range === null) return;
  const width = header.headers.length;
  let count = 0;
  // header.row is 1-based, so it is also the 0-based index of the first row after the header.
  for (let r = header.row; r <= range.e.r; r++) {
    if (worksheet.hiddenRows.has(r) || worksheet.data[r] === undefined) continue;
    const values = alignCells(rowValues(worksheet, r, cells, width), width);
    if (isEmptyRow(values)) continue;
    if (++count > maxRows) throw tooManyRows(file.label, maxRows);
    yield { sheet: name, row: r + 1, cells: values };
  }
}
