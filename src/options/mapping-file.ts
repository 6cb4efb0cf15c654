// The mapping file (--mapping file.json) tells how an unusual sheet maps to session fields. It is
// validated with a schema, the way options are: one GuidebookImportError('mapping') that names
// every wrong key, so a user fixes the file in one go. "$comment" keys anywhere are ignored, so
// example files can explain themselves, and "$schema" too (schemas/mapping.schema.json).
import { readFileSync } from 'node:fs';
import { isValidZone } from '../time/index.js';
import { z } from 'zod';
import { didYouMean } from '../did-you-mean.js';
import { GuidebookImportError } from '../errors.js';
import { jsonSyntaxReason } from './json-syntax-error.js';
import { MAPPED_FIELDS } from '../map/fields.js';
import type { DefaultValue, MappingConfig } from '../map/mapping-config.js';
import type { MappedField } from '../types.js';

const fieldName = z.enum(MAPPED_FIELDS);
const defaultValue = z.union([z.string(), z.number(), z.boolean(), z.null()], {
  error: 'expected text, a number, true/false or null',
});
const words = z.array(z.string().trim().min(1, 'words must not be empty'), { error: 'expected a list of words, e.g. ["ja", "j"]' });

const formatsSchema = z.strictObject({
  date: z.string().trim().min(1, 'expected a luxon date format, e.g. "d.M.yyyy"').optional(),
  list_separator: z.string().min(1, 'expected a separator such as ";"').optional(),
  true_words: words.optional(),
  false_words: words.optional(),
});

/** Exported for schemas/mapping.schema.json (scripts/write-json-schemas.ts). */
export const mappingSchema = z.strictObject({
  columns: z.record(z.string(), fieldName.nullable()).optional(),
  defaults: z.partialRecord(fieldName, defaultValue).optional(),
  formats: formatsSchema.optional(),
  timezone: z.string().trim().min(1, 'expected an IANA zone such as "Europe/Berlin"').optional(),
});

const TOP_KEYS = ['columns', 'defaults', 'formats', 'timezone', '$comment'];
const FORMAT_KEYS = ['date', 'list_separator', 'true_words', 'false_words', '$comment'];

/** Reads and validates a mapping file. `path` appears in every message as the user gave it. */
export function loadMappingFile(path: string): MappingConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new GuidebookImportError('mapping', `${path}: cannot read the mapping file (${reason})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new GuidebookImportError('mapping', `${path}: not valid JSON (${jsonSyntaxReason(text, error)})`);
  }
  return parseMappingConfig(json, path);
}

/** Validates an already parsed mapping; `source` names it in messages. */
export function parseMappingConfig(json: unknown, source: string): MappingConfig {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new GuidebookImportError('mapping', `${source}: expected a JSON object with "columns", "defaults", "formats" or "timezone"`);
  }
  const data = withoutComments(json) as Record<string, unknown>;
  const parsed = mappingSchema.safeParse(data);
  if (!parsed.success) {
    // Unknown keys first: a misspelt key usually explains the other complaints.
    const issues = [...parsed.error.issues].sort((a, b) => rank(a) - rank(b));
    const problems = issues.map((issue) => describeIssue(issue, data));
    throw new GuidebookImportError('mapping', `${source}: ${problems.join('; ')}`);
  }
  const { columns = {}, defaults = {}, formats = {}, timezone } = parsed.data;
  const problems = semanticProblems(defaults, formats, timezone);
  if (problems.length > 0) throw new GuidebookImportError('mapping', `${source}: ${problems.join('; ')}`);

  return Object.freeze({
    source,
    columns: Object.freeze({ ...columns }),
    defaults: Object.freeze({ ...defaults }) as Partial<Record<MappedField, DefaultValue>>,
    formats: Object.freeze({ ...formats }),
    ...(timezone !== undefined ? { timezone } : {}),
  });
}

function semanticProblems(
  defaults: Partial<Record<MappedField, DefaultValue>>,
  formats: z.infer<typeof formatsSchema>,
  timezone: string | undefined,
): string[] {
  const problems: string[] = [];
  if ('import_id' in defaults) {
    problems.push('"defaults" cannot set import_id: every row would get the same id');
  }
  if (timezone !== undefined && !isValidZone(timezone)) {
    problems.push(`"timezone" ${JSON.stringify(timezone)} is not an IANA time zone (e.g. "Europe/Berlin", "America/New_York")`);
  }
  const falseWords = new Set((formats.false_words ?? []).map((w) => w.toLowerCase()));
  const both = (formats.true_words ?? []).filter((w) => falseWords.has(w.toLowerCase()));
  if (both.length > 0) {
    problems.push(`"formats": ${both.map((w) => JSON.stringify(w)).join(', ')} cannot be in both true_words and false_words`);
  }
  return problems;
}

/** Drops "$comment" (and "$comment…") keys at any depth of objects, and "$schema" (an editor's schema link). */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!key.startsWith('$comment') && key !== '$schema') kept[key] = withoutComments(inner);
  }
  return kept;
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  const [top, key] = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
    // One misspelt key ("column") gets the nearest right one, as an unknown option does.
    const meant = (allowed: readonly string[]) => {
      const guess = issue.keys.length === 1 && issue.keys[0] !== undefined ? didYouMean(issue.keys[0], allowed) : null;
      return guess ? `did you mean ${JSON.stringify(guess)}? ` : '';
    };
    if (top === undefined) return `unknown key ${keys} (${meant(TOP_KEYS)}allowed: ${TOP_KEYS.join(', ')})`;
    if (top === 'defaults')
      return `"defaults" names ${keys}, which ${issue.keys.length === 1 ? 'is not a field' : 'are not fields'} (fields: ${MAPPED_FIELDS.join(', ')})`;
    if (top === 'formats') return `"formats" has unknown key ${keys} (${meant(FORMAT_KEYS)}allowed: ${FORMAT_KEYS.join(', ')})`;
    return `${pathText(issue.path)} has unknown key ${keys}`;
  }
  if (top === 'columns' && typeof key === 'string' && issue.path.length === 2) {
    const given = (data.columns as Record<string, unknown>)[key];
    return `"columns" maps ${JSON.stringify(key)} to ${JSON.stringify(given)}, which is not a field (fields: ${MAPPED_FIELDS.join(', ')}; null ignores the column)`;
  }
  // zod's own wording ("Invalid input: expected array, received string") is cut to its point;
  // messages written in the schema above are kept as they are.
  const message = issue.code === 'invalid_type' && issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
  return `${pathText(issue.path)}: ${message}`;
}

function rank(issue: z.core.$ZodIssue): number {
  return issue.code === 'unrecognized_keys' ? issue.path.length : 10;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the mapping' : path.map((p) => JSON.stringify(String(p))).join(' → ');
}
