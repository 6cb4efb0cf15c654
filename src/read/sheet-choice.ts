// `--sheet all`: every agenda sheet of a workbook (a CSV file has one sheet, so it reads that).

/** `--sheet all`, in any case. */
export function isAllSheets(sheet: string | number): boolean {
  return typeof sheet === 'string' && sheet.trim().toLowerCase() === 'all';
}
