// The XML parts of a minimal XLSX workbook, written out by hand so a test controls every name
// and attribute: sheet names, defined names, custom properties, the declared dimension.
import type { ZipPart } from './zip-archive.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface WorkbookSpec {
  /** Sheet names in order; sheet i lives at xl/worksheets/sheet{i+1}.xml. */
  sheetNames: string[];
  /** `<definedName>` elements: name → formula text. */
  definedNames?: Array<[string, string]>;
  /** Custom document properties (docProps/custom.xml): name → text value. */
  customProperties?: Array<[string, string]>;
}

export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A worksheet of inline-string and number cells; `dimension` is declared as given. */
export function worksheetXml(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, dimension?: string): string {
  const body = rows
    .map((cells, r) => {
      const row = r + 1;
      const xml = cells
        .map((value, c) => {
          if (value === null) return '';
          const ref = `${columnName(c)}${row}`;
          return typeof value === 'number'
            ? `<c r="${ref}"><v>${value}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${row}">${xml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

/** Every part of the workbook except the worksheets themselves. */
export function workbookParts(spec: WorkbookSpec): ZipPart[] {
  const sheets = spec.sheetNames.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const definedNames = spec.definedNames?.length
    ? `<definedNames>${spec.definedNames.map(([name, formula]) => `<definedName name="${xmlText(name)}">${xmlText(formula)}</definedName>`).join('')}</definedNames>`
    : '';
  const sheetRels = spec.sheetNames
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const custom = spec.customProperties ?? [];
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      content:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        spec.sheetNames.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('') +
        (custom.length
          ? '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
          : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        (custom.length ? `<Relationship Id="rId2" Type="${REL_NS}/custom-properties" Target="docProps/custom.xml"/>` : '') +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets>${definedNames}</workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${sheetRels}</Relationships>`,
    },
  ];
  if (custom.length) {
    const properties = custom
      .map(
        ([name, value], i) =>
          `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlText(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`,
      )
      .join('');
    parts.push({
      name: 'docProps/custom.xml',
      content:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
        `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${properties}</Properties>`,
    });
  }
  return parts;
}

/** The path of sheet `index` (0-based) inside the package. */
export function worksheetPath(index: number): string {
  return `xl/worksheets/sheet${index + 1}.xml`;
}
