import { GuidebookImportError } from '../errors.js';
import type { MappedField, SheetHeader } from '../types.js';
import type { ColumnMap, MappedColumn } from './column-map.js';
import { FIELD_ALIASES, fieldForHeader } from './field-aliases.js';
import type { MappingConfig } from './mapping-config.js';
import { normaliseHeader } from './normalise-header.js';

const START_FIELDS: readonly MappedField[] = ['datetime_start', 'date', 'start'];

/**
 * Decides, once per sheet, which column feeds which field: the mapping file's "columns" first,
 * then the built-in aliases. Throws GuidebookImportError('mapping') when the mapping file names a
 * column the sheet lacks, or when no column gives the session name or its start.
 */
export function buildColumnMap(header: SheetHeader, mapping?: MappingConfig): ColumnMap {
  const headers = header.headers;
  const explicit = mapping ? explicitFieldsByIndex(headers, mapping) : new Map<number, MappedField | null>();

  const columns: MappedColumn[] = [];
  const claimedBy = new Map<MappedField, string>();
  const warnings: string[] = [];
  const claim = (field: MappedField, index: number, text: string): void => {
    const first = claimedBy.get(field);
    if (first !== undefined) {
      warnings.push(`Columns ${quote(first)} and ${quote(text)} both map to ${field}: using ${quote(first)}, ignoring ${quote(text)}.`);
      return;
    }
    claimedBy.set(field, text);
    columns.push({ field, index, header: text });
  };

  // Explicit mappings claim their fields before any alias can, wherever their columns stand.
  for (const [index, field] of explicit) {
    if (field !== null) claim(field, index, headers[index] ?? '');
  }
  const unmapped: string[] = [];
  const ignored: string[] = [];
  headers.forEach((text, index) => {
    if (explicit.has(index)) {
      if (explicit.get(index) === null) ignored.push(text);
      return;
    }
    if (text.trim() === '') return;
    const field = fieldForHeader(text);
    if (field === undefined) unmapped.push(text);
    else claim(field, index, text);
  });
  columns.sort((a, b) => a.index - b.index);

  const defaults = Object.entries(mapping?.defaults ?? {}).map(([field, value]) => ({
    field: field as MappedField,
    value: value ?? null,
  }));
  const fields = new Set<MappedField>([...columns.map((c) => c.field), ...defaults.map((d) => d.field)]);
  requireNameAndStart(fields, headers);

  if (unmapped.length > 0) {
    warnings.unshift(
      `${unmapped.length === 1 ? '1 column is' : `${unmapped.length} columns are`} not imported (no field matches): ` +
        `${unmapped.map(quote).join(', ')}. Map ${unmapped.length === 1 ? 'it' : 'them'} in a mapping file ` +
        '(--mapping) to import, or to null to silence this warning.',
    );
  }
  return { sheet: header.sheet, columns, defaults, fields, unmapped, ignored, warnings };
}

/** Mapping-file headers resolved to column indexes: exact text first, then normalised. */
function explicitFieldsByIndex(headers: readonly string[], mapping: MappingConfig): Map<number, MappedField | null> {
  const byIndex = new Map<number, MappedField | null>();
  const missing: string[] = [];
  const normalisedHeaders = headers.map(normaliseHeader);
  for (const [wanted, field] of Object.entries(mapping.columns)) {
    let index = headers.indexOf(wanted);
    if (index === -1) {
      const key = normaliseHeader(wanted);
      index = key === '' ? -1 : normalisedHeaders.indexOf(key);
    }
    // Ignoring a column the sheet lacks is harmless (one mapping file serves exports with and
    // without optional columns); mapping a field to a column it lacks is a mistake.
    if (index === -1) {
      if (field !== null) missing.push(wanted);
    } else if (!byIndex.has(index)) byIndex.set(index, field);
  }
  if (missing.length > 0) {
    const what = missing.length === 1 ? `maps ${quote(missing[0]!)}, which is not a column` : `maps ${missing.map(quote).join(', ')}, which are not columns`;
    throw new GuidebookImportError(
      'mapping',
      `${mapping.source}: "columns" ${what} of the sheet (columns: ${headers.filter((h) => h.trim() !== '').map(quote).join(', ')})`,
    );
  }
  return byIndex;
}

function requireNameAndStart(fields: ReadonlySet<MappedField>, headers: readonly string[]): void {
  const lacksName = !fields.has('name');
  const lacksStart = !START_FIELDS.some((f) => fields.has(f));
  if (!lacksName && !lacksStart) return;
  const lines: string[] = [];
  if (lacksName) lines.push(`No column gives the session name. Accepted headers: ${FIELD_ALIASES.name.join(', ')}.`);
  if (lacksStart) {
    lines.push(
      'No column gives the session start. Accepted headers: ' +
        `a date-time (${FIELD_ALIASES.datetime_start.join(', ')}), ` +
        `or a date (${FIELD_ALIASES.date.join(', ')}) with an optional start time (${FIELD_ALIASES.start.join(', ')}).`,
    );
  }
  const found = headers.filter((h) => h.trim() !== '');
  lines.push(`Columns found: ${found.length > 0 ? found.map(quote).join(', ') : '(none)'}.`);
  lines.push('Rename a column, or map it in a mapping file: --mapping map.json with {"columns": {"<your header>": "name"}}.');
  throw new GuidebookImportError('mapping', lines.join('\n'));
}

function quote(text: string): string {
  return JSON.stringify(text);
}
