import * as XLSX from 'xlsx';
import type { CellValue, RawRow } from '../types.js';
import { fileError, quoteList, tooManyRows } from './file-error.js';
import { alignCells, isEmptyRow, noHeaderMessage, type HeaderCandidate, type HeaderRow } from './header-row.js';
import { isDayLabel } from './cell-shape.js';
import { isAllSheets } from './sheet-choice.js';
import { chooseLayout, layOutRows, type CellMerge, type SheetLayout, type SheetRowCells } from './sheet-layout.js';
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
  /** Merged cells, in the indexes rowValues uses. */
  merges: CellMerge[];
}

/**
 * An XLSX, XLS or ODS workbook's agenda sheets (see chooseSheets). Numbers stay serials
 * (cellDates would leak the machine's time zone) and become SheetDateCells by their number format.
 */
export function openWorkbookSheets(
  file: OpenedFile,
  bytes: Buffer,
  format: WorkbookFormat,
  settings: ReadSettings,
  warnings: string[],
): SheetSource[] {
  const workbook = parseWorkbook(file, bytes, format);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const cells = new WorkbookCellReader(date1904);
  const chosen = chooseSheets(file, workbook, settings, cells, warnings);
  return chosen.map(({ worksheet, layout }, index) => {
    const { name } = worksheet;
    // Run-level warnings are the first sheet's to carry: one list for the whole read.
    const own = index === 0 ? warnings : [];
    if (layout.kind === 'table') {
      return {
        format,
        sheet: name,
        header: { sheet: name, row: layout.header.row, headers: layout.header.headers },
        layout: 'table',
        rows: dataRows(file, worksheet, layout.header, cells, settings.maxRows),
        date1904,
        warnings: own,
      };
    }
    const laidOut = layOutRows(
      layout,
      file.label,
      name,
      wholeRows(file, worksheet, cells, settings.maxRows),
      worksheet.merges,
      worksheet.range?.s.c ?? 0,
    );
    own.push(...laidOut.warnings);
    return {
      format,
      sheet: name,
      header: laidOut.header,
      layout: layout.kind,
      rows: fromArray(laidOut.rows),
      date1904,
      warnings: own,
    };
  });
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

interface ChosenSheet {
  worksheet: Worksheet;
  layout: SheetLayout;
}

/**
 * The sheets to read. A named sheet (or index): that one. 'all', or no choice when several sheets
 * are agenda sheets (a header with a title and a start column, or a time grid): every agenda
 * sheet, in workbook order, skipping the others (a Speakers sheet, notes). Otherwise the first
 * sheet with a header, and failing that the first whose rows read without one.
 */
function chooseSheets(
  file: OpenedFile,
  workbook: XLSX.WorkBook,
  settings: ReadSettings,
  cells: WorkbookCellReader,
  warnings: string[],
): ChosenSheet[] {
  const names = workbook.SheetNames;
  if (settings.sheet !== undefined && !isAllSheets(settings.sheet)) {
    const name = resolveSheetName(file, names, settings.sheet);
    const worksheet = toWorksheet(workbook, name);
    const candidates = headerCandidates(worksheet, cells);
    const layout = chooseLayout(candidates, settings.scoreHeader, settings.headerField);
    if (layout === null) throw fileError(file.label, noHeaderMessage(candidates, name));
    return [{ worksheet, layout }];
  }

  const visible = names.filter((_, index) => !(workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0));
  const looked: Array<{ name: string; candidates: HeaderCandidate[]; chosen: ChosenSheet | null }> = [];
  for (const name of visible.length > 0 ? visible : names) {
    const worksheet = toWorksheet(workbook, name);
    const candidates = headerCandidates(worksheet, cells);
    const layout = chooseLayout(candidates, settings.scoreHeader, settings.headerField);
    looked.push({ name, candidates, chosen: layout === null ? null : { worksheet, layout } });
  }
  const agenda = looked.filter((sheet) => sheet.chosen !== null && isAgendaSheet(sheet.name, sheet.chosen.layout, settings));
  const all = settings.sheet !== undefined;
  if (agenda.length > 1 || (all && agenda.length === 1)) {
    const skipped = looked.filter((sheet) => !agenda.includes(sheet)).map((sheet) => sheet.name);
    warnings.push(
      `read ${agenda.length} agenda sheet${agenda.length === 1 ? '' : 's'}: ${quoteList(agenda.map((sheet) => sheet.name))}` +
        (skipped.length > 0 ? `; skipped ${quoteList(skipped)} (no agenda header: a title and a start column, or a time grid)` : ''),
    );
    return agenda.map((sheet) => sheet.chosen!);
  }
  if (all) {
    throw fileError(
      file.label,
      `--sheet all: no sheet has an agenda header (a title and a start column) or a time grid (sheets: ${quoteList(looked.map((l) => l.name))})`,
    );
  }
  const first =
    agenda[0] ??
    looked.find((sheet) => sheet.chosen?.layout.kind === 'table') ??
    looked.find((sheet) => sheet.chosen !== null && sheet.chosen.layout.kind !== 'headerless') ??
    looked.find((sheet) => sheet.chosen !== null);
  if (first !== undefined) {
    const before = looked.slice(0, looked.indexOf(first)).filter((sheet) => sheet.chosen === null);
    if (before.length > 0) {
      warnings.push(
        `read sheet ${JSON.stringify(first.name)}: ${quoteList(before.map((l) => l.name))} before it ha${before.length === 1 ? 's' : 've'} no recognisable header`,
      );
    }
    return [first.chosen!];
  }
  const [none] = looked;
  if (none === undefined) throw fileError(file.label, 'holds no sheets');
  if (looked.length === 1) throw fileError(file.label, noHeaderMessage(none.candidates, none.name));
  throw fileError(
    file.label,
    `no header row found in any sheet (${quoteList(looked.map((l) => l.name))}); ${noHeaderMessage(none.candidates, none.name)}`,
  );
}

/**
 * A time grid; a table whose header names a title and a start (a Speakers sheet names no start);
 * or a sheet without a header row named for a day ("Monday": one sheet per day, typed bare).
 */
function isAgendaSheet(name: string, layout: SheetLayout, settings: ReadSettings): boolean {
  if (layout.kind === 'grid') return true;
  if (layout.kind === 'headerless') return isDayLabel(name);
  if (layout.kind !== 'table' || settings.headerField === undefined) return false;
  const fields = new Set(layout.header.headers.map((text) => (text === '' ? undefined : settings.headerField!(text))));
  return fields.has('name') && (fields.has('start') || fields.has('date') || fields.has('datetime_start'));
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
  const range = ref === undefined ? null : XLSX.utils.decode_range(ref);
  const merges = (sheet?.['!merges'] ?? []).map((merge) => ({
    top: merge.s.r + 1,
    bottom: merge.e.r + 1,
    left: merge.s.c - (range?.s.c ?? 0),
    right: merge.e.c - (range?.s.c ?? 0),
  }));
  return {
    name,
    data: (sheet?.['!data'] as Worksheet['data'] | undefined) ?? [],
    range,
    hiddenRows,
    merges,
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
  const spans = mergedDown(worksheet, header.row, width, cells);
  let count = 0;
  // header.row is 1-based, so it is also the 0-based index of the first row after the header.
  for (let r = header.row; r <= range.e.r; r++) {
    if (worksheet.hiddenRows.has(r) || worksheet.data[r] === undefined) continue;
    const values = alignCells(rowValues(worksheet, r, cells, width), width);
    if (isEmptyRow(values)) continue;
    const fills = spans.get(r + 1);
    if (fills !== undefined) for (const fill of fills) if (values[fill.column] === null) values[fill.column] = fill.value;
    if (++count > maxRows) throw tooManyRows(file.label, maxRows);
    yield { sheet: name, row: r + 1, cells: values };
  }
}

/**
 * A table's cells merged down several rows (a date, a room or a time beside the rows it spans):
 * the cell shows its value on each of those rows, so each row below the first gets it. By sheet
 * row (1-based); a merge across columns gives its value to its first column only.
 */
function mergedDown(
  worksheet: Worksheet,
  headerRow: number,
  width: number,
  cells: WorkbookCellReader,
): Map<number, Array<{ column: number; value: CellValue }>> {
  const spans = new Map<number, Array<{ column: number; value: CellValue }>>();
  const first = worksheet.range?.s.c ?? 0;
  for (const merge of worksheet.merges) {
    if (merge.bottom <= merge.top || merge.top <= headerRow || merge.left < 0 || merge.left >= width) continue;
    const value = cells.value(worksheet.data[merge.top - 1]?.[first + merge.left]);
    if (value === null) continue;
    for (let row = merge.top + 1; row <= merge.bottom; row++) {
      let fills = spans.get(row);
      if (fills === undefined) spans.set(row, (fills = []));
      fills.push({ column: merge.left, value });
    }
  }
  return spans;
}

/** Every visible non-empty row of a sheet, for a layout read whole (a grid, a sheet without a header). */
function wholeRows(file: OpenedFile, worksheet: Worksheet, cells: WorkbookCellReader, maxRows: number): SheetRowCells[] {
  const { range } = worksheet;
  if (range === null) return [];
  const width = range.e.c - range.s.c + 1;
  const rows: SheetRowCells[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    if (worksheet.hiddenRows.has(r) || worksheet.data[r] === undefined) continue;
    const values = rowValues(worksheet, r, cells, width);
    if (isEmptyRow(values)) continue;
    if (rows.length >= maxRows) throw tooManyRows(file.label, maxRows);
    rows.push({ row: r + 1, cells: values });
  }
  return rows;
}

async function* fromArray(rows: readonly RawRow[]): AsyncGenerator<RawRow> {
  yield* rows;
}
