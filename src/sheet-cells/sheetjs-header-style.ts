import * as XLSX from 'xlsx';

// The one place this project edits what SheetJS writes. Why: SheetJS's community build writes
// number formats but no fonts, and no frozen panes. The header row's bold font and the frozen
// first row are added to the XML SheetJS wrote: one more font, one more cell format using it, and
// the header cells pointed at that format. The edit is made only on the SheetJS version it was
// written against; any other version stops with a message saying so.

/** The SheetJS version whose XML the edit below expects (package.json pins it). */
export const PATCHED_SHEETJS_VERSION = '0.20.3';

const FONTS = /<fonts count="(\d+)">(<font>)([\s\S]*?)<\/font>([\s\S]*?)<\/fonts>/;
const CELL_XFS = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/;
const FIRST_ROW = /<row r="1"[^>]*>[\s\S]*?<\/row>/;
const PLAIN_SHEET_VIEW = '<sheetView workbookViewId="0"/>';
const FROZEN_SHEET_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

/** The workbook with sheet number `sheetNumber`'s first row bold and frozen. */
export function styleHeaderRow(bytes: Buffer, sheetNumber: number): Buffer {
  if (XLSX.version !== PATCHED_SHEETJS_VERSION) {
    throw new Error(
      `guidebook-import needs SheetJS (xlsx) ${PATCHED_SHEETJS_VERSION} (it edits the XML that version writes, ` +
        `see src/sheet-cells/sheetjs-header-style.ts), but ${XLSX.version} is installed: reinstall with "npm ci"`,
    );
  }
  const zip: unknown = XLSX.CFB.read(bytes, { type: 'buffer' });
  const stylesEntry = XLSX.CFB.find(zip, '/xl/styles.xml') as ZipEntry | null;
  const sheetEntry = XLSX.CFB.find(zip, `/xl/worksheets/sheet${sheetNumber}.xml`) as ZipEntry | null;
  if (!stylesEntry || !sheetEntry) throw unexpectedXml('the styles or the sheet part');

  const styles = xmlOf(stylesEntry.content);
  const fonts = FONTS.exec(styles);
  const xfs = CELL_XFS.exec(styles);
  if (!fonts || !xfs) throw unexpectedXml('the fonts or cell formats of styles.xml');
  const boldFontId = Number(fonts[1]);
  const boldXfId = Number(xfs[1]);
  const boldFont = `<font><b/>${fonts[3]}</font>`;
  const styled = styles
    .replace(FONTS, `<fonts count="${boldFontId + 1}">$2$3</font>$4${boldFont}</fonts>`)
    .replace(
      CELL_XFS,
      `<cellXfs count="${boldXfId + 1}">$2<xf numFmtId="0" fontId="${boldFontId}" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`,
    );

  const sheet = xmlOf(sheetEntry.content);
  const firstRow = FIRST_ROW.exec(sheet);
  if (!firstRow || !sheet.includes(PLAIN_SHEET_VIEW)) throw unexpectedXml(`the first row or the sheet view of sheet${sheetNumber}.xml`);
  const boldRow = firstRow[0].replace(/<c r="([A-Z]+1)"(?![^>]*\ss=)/g, `<c r="$1" s="${boldXfId}"`);
  const frozen = sheet.replace(FIRST_ROW, () => boldRow).replace(PLAIN_SHEET_VIEW, FROZEN_SHEET_VIEW);

  stylesEntry.content = Buffer.from(styled, 'utf8');
  sheetEntry.content = Buffer.from(frozen, 'utf8');
  return XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}

/** An entry of the zip as SheetJS's CFB reader hands it out (its typings say `any`). */
interface ZipEntry {
  content: Uint8Array;
}

function xmlOf(content: Uint8Array): string {
  return Buffer.from(content).toString('utf8');
}

function unexpectedXml(what: string): Error {
  return new Error(`SheetJS ${XLSX.version} wrote ${what} in a shape guidebook-import does not know`);
}
