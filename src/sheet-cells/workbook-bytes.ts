import * as XLSX from 'xlsx';

// SheetJS's built-in number formats (its SSF_init_table). A workbook without its own table is
// written with SheetJS's global one, which every earlier read or write in the process extends:
// the same workbook would then come out with different bytes depending on what ran before (an
// export after a validate of an XLSX file). Each workbook written gets a fresh copy of this table.
const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

export interface WorkbookBytesOptions {
  /** Text cells in a shared-strings table (smaller files for sheets that repeat text). */
  sharedStrings?: boolean;
}

/**
 * XLSX bytes of a workbook: the same workbook gives the same bytes in any process, whatever was
 * read or written before it (the committed templates and the export rely on it).
 */
export function workbookBytes(workbook: XLSX.WorkBook, options: WorkbookBytesOptions = {}): Buffer {
  const own = { ...workbook, SSF: { ...BUILTIN_NUMBER_FORMATS } } as XLSX.WorkBook;
  return XLSX.write(own, {
    type: 'buffer',
    bookType: 'xlsx',
    compression: true,
    ...(options.sharedStrings ? { bookSST: true } : {}),
  }) as Buffer;
}
