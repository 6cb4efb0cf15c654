import { cellText, isBlankCell } from '../read/cell-value.js';
import type { MappedField, MappedRow, ReportRow } from '../types.js';
import { DEFAULT_COLUMN, type ColumnMap } from './column-map.js';
import { fieldLabel, MAPPED_FIELDS, normaliseHeader, SESSION_FIELDS, type SessionFieldEntry } from './fields.js';
import type { MappingConfig } from './mapping-config.js';

// `validate --explain`: what the importer made of a sheet, field by field: the column each field
// came from (and why: an alias, the mapping file, a recognised export, a default), the formats it
// is read with, and three sample cells with what each became. `--write-mapping` saves the same
// decisions as an editable mapping file that loads back into the same column map.

const SAMPLES = 3;

export interface ExplainedSample {
  row: number;
  /** The cell as the sheet has it. */
  value: string;
  /** What it became (the value sent), or the problem with it. */
  result: string;
  ok: boolean;
}

export interface ExplainedField {
  field: MappedField;
  label: string;
  /** The headers the field is read from (several for Speaker 1..N), or "(default)". */
  columns: string[];
  /** Why these columns: "alias", "mapping file", the recognised export's name, or "default". */
  from: string;
  /** Columns that also name the field and were passed over. */
  over: string[];
  /** The formats the field is read with, when they are set rather than detected per cell. */
  format: string;
  samples: ExplainedSample[];
}

export interface MappingExplanation {
  sheet: string;
  headerRow: number;
  /** The recognised export layout, or null. */
  layout: string | null;
  /** The mapping file given, or null. */
  mapping: string | null;
  fields: ExplainedField[];
  unmapped: string[];
  ignored: string[];
  /** The same decisions as a mapping file (what --write-mapping saves). */
  mappingFile: Record<string, unknown>;
}

/**
 * Collects an explanation while the sheet is validated: `addMapped` sees each row as mapped (it
 * keeps the first three filled cells of each field), `addResult` sees each report row (it keeps
 * what the sampled rows became). Holds at most three rows per field.
 */
export interface Explainer {
  addMapped(row: MappedRow): void;
  addResult(row: ReportRow): void;
  /** `detected`: per field, how the validator found its date/time column written (ColumnFormats.detected). */
  finish(detected?: Readonly<Partial<Record<MappedField, string>>>): MappingExplanation;
}

interface PendingSample {
  sheet: string;
  row: number;
  column: string;
  value: string;
  result?: { text: string; ok: boolean };
}

export function createExplainer(map: ColumnMap, headerRow: number, mapping: MappingConfig | undefined): Explainer {
  const fields = MAPPED_FIELDS.filter((field) => map.fields.has(field));
  const samples = new Map<MappedField, PendingSample[]>(fields.map((field) => [field, []]));
  const wanted = new Map<string, MappedField[]>();
  return {
    addMapped(row) {
      for (const field of fields) {
        const list = samples.get(field)!;
        const cell = row.fields[field];
        if (list.length >= SAMPLES || cell === undefined || isBlankCell(cell.value)) continue;
        list.push({ sheet: row.sheet, row: row.row, column: cell.column, value: cellText(cell.value) });
        const key = `${row.sheet}\u0000${row.row}`;
        wanted.set(key, [...(wanted.get(key) ?? []), field]);
      }
    },
    addResult(report) {
      if (report.row === null) return;
      const key = `${report.sheet}\u0000${report.row}`;
      for (const field of wanted.get(key) ?? []) {
        const sample = samples.get(field)!.find((s) => s.sheet === report.sheet && s.row === report.row);
        if (sample) sample.result = resultOf(field, sample, report);
      }
    },
    finish(detected = {}) {
      return {
        sheet: map.sheet,
        headerRow,
        layout: map.layout ?? null,
        mapping: mapping && mapping.layout === undefined ? mapping.source : null,
        fields: fields.map((field) => explainField(field, map, mapping, samples.get(field)!, detected[field])),
        unmapped: map.unmapped,
        ignored: map.ignored,
        mappingFile: mappingFileFor(map, mapping),
      };
    },
  };
}

function explainField(
  field: MappedField,
  map: ColumnMap,
  mapping: MappingConfig | undefined,
  samples: PendingSample[],
  detected: string | undefined,
): ExplainedField {
  const columns = map.columns.filter((c) => c.field === field);
  const explicit = columns.length > 0 && mapping !== undefined && isNamedIn(mapping, columns[0]!.header);
  const from = columns.length === 0 ? 'default' : explicit ? (mapping?.layout ?? `mapping file ${mapping?.source}`) : 'alias';
  return {
    field,
    label: fieldLabel(field),
    columns: columns.length > 0 ? columns.map((c) => c.header) : [DEFAULT_COLUMN],
    from,
    over: map.passedOver.filter((c) => c.field === field).map((c) => c.header),
    format: detected ? `${formatOf(field, mapping)}; ${detected}` : formatOf(field, mapping),
    samples: samples.map((s) => ({ row: s.row, value: s.value, result: s.result?.text ?? '(not converted)', ok: s.result?.ok ?? false })),
  };
}

function isNamedIn(mapping: MappingConfig, header: string): boolean {
  const key = normaliseHeader(header);
  return Object.hasOwn(mapping.columns, header) || Object.keys(mapping.columns).some((name) => normaliseHeader(name) === key);
}

function formatOf(field: MappedField, mapping: MappingConfig | undefined): string {
  const cell = (SESSION_FIELDS[field] as SessionFieldEntry).cell;
  const formats = mapping?.formats ?? {};
  if (cell === 'date' || cell === 'date_time')
    return formats.date ? `date ${formats.date}` : `${cell.replace('_', '-')}, format detected from the column`;
  if (cell === 'time') return 'time of day (or a date-time, or a range), detected per cell';
  if (cell === 'names')
    return formats.list_separator ? `names split on ${JSON.stringify(formats.list_separator)}` : 'names split on ; or , (or a new line)';
  if (cell === 'yes_no') return formats.true_words || formats.false_words ? "yes/no, with the mapping file's words" : 'yes/no';
  return cell;
}

/** Which value of a report row a field's cell became. */
const RESULT_FIELD: Partial<Record<MappedField, string>> = {
  datetime_start: 'start_time',
  date: 'start_time',
  start: 'start_time',
  datetime_end: 'end_time',
  end: 'end_time',
  duration: 'end_time',
  end_date: 'end_time',
  tracks: 'schedule_tracks',
  locations: 'locations',
  description: 'description_html',
};

function resultOf(field: MappedField, sample: PendingSample, report: ReportRow): { text: string; ok: boolean } {
  const issue = report.issues?.find((i) => i.column === sample.column && i.severity === 'error');
  if (issue) return { text: `✗ ${issue.message}`, ok: false };
  if (report.action === 'invalid') return { text: `✗ row not imported: ${report.message}`, ok: false };
  if (field === 'import_id') return { text: report.import_id, ok: true };
  const key = RESULT_FIELD[field] ?? field;
  const value = report.fields?.[key];
  if (value === undefined) return { text: 'read (not sent as a session field)', ok: true };
  return { text: typeof value === 'string' ? value : JSON.stringify(value), ok: true };
}

/** The explanation as the lines `validate --explain` prints. */
export function formatExplanation(explanation: MappingExplanation): string {
  const lines = [
    `Sheet ${JSON.stringify(explanation.sheet)}, header row ${explanation.headerRow}` +
      (explanation.layout ? `, recognised as ${explanation.layout}` : '') +
      (explanation.mapping ? `, mapping file ${explanation.mapping}` : '') +
      ':',
  ];
  for (const field of explanation.fields) {
    const over = field.over.length > 0 ? ` (over ${field.over.map((h) => JSON.stringify(h)).join(', ')})` : '';
    lines.push(`  ${field.field} ← ${field.columns.map((h) => JSON.stringify(h)).join(' + ')} [${field.from}]${over}; ${field.format}`);
    for (const sample of field.samples) {
      lines.push(`      row ${sample.row}: ${JSON.stringify(clip(sample.value))} → ${clip(sample.result, 120)}`);
    }
  }
  if (explanation.unmapped.length > 0) lines.push(`  not imported: ${explanation.unmapped.map((h) => JSON.stringify(h)).join(', ')}`);
  if (explanation.ignored.length > 0) lines.push(`  ignored on purpose: ${explanation.ignored.map((h) => JSON.stringify(h)).join(', ')}`);
  return lines.join('\n');
}

function clip(text: string, max = 60): string {
  const one = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/**
 * The column map as a mapping file (the --mapping schema): every chosen column to its field,
 * every passed-over and unmapped column to null (so it loads back into the same map, with no
 * rival left to settle), and the formats, defaults and zone in force. Edit it and pass it back
 * with --mapping.
 */
export function mappingFileFor(map: ColumnMap, mapping: MappingConfig | undefined): Record<string, unknown> {
  const columns: Record<string, string | null> = {};
  for (const column of map.columns) columns[column.header] = column.field;
  for (const column of map.passedOver) columns[column.header] ??= null;
  for (const header of [...map.ignored, ...map.unmapped]) columns[header] ??= null;
  const file: Record<string, unknown> = {
    $comment:
      `Written by guidebook-import validate --write-mapping from sheet ${JSON.stringify(map.sheet)}` +
      (map.layout ? ` (recognised as ${map.layout})` : '') +
      '. Header -> field; null leaves a column out. Edit and pass it back with --mapping.',
    columns,
  };
  if (mapping && Object.keys(mapping.defaults).length > 0) file.defaults = { ...mapping.defaults };
  if (mapping && Object.keys(mapping.formats).length > 0) file.formats = { ...mapping.formats };
  if (mapping?.timezone) file.timezone = mapping.timezone;
  return file;
}
