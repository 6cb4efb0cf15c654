// The text of each schemas/*.json file, from the zod schemas in the code (zod 4's toJSONSchema).
import { z } from 'zod';
import { configFileSchema } from '../src/options/config-schema.js';
import { mappingSchema } from '../src/options/mapping-file.js';
import { jsonSummarySchema } from '../src/report/json-summary-schema.js';

const BASE = 'https://unpkg.com/guidebook-import/schemas/';

export function jsonSchemaFiles(): Record<string, string> {
  const mapping = z.strictObject({ $schema: z.string().optional(), ...mappingSchema.shape }).meta({
    title: 'guidebook-import mapping file',
    description: 'Columns → session fields, constant defaults, value formats (--mapping FILE). "$comment" keys are ignored at any depth.',
  });
  const files: Record<string, z.ZodType> = {
    'json-summary.schema.json': jsonSummarySchema,
    'config.schema.json': configFileSchema,
    'mapping.schema.json': mapping,
  };
  return Object.fromEntries(
    Object.entries(files).map(([name, schema]) => {
      const json = oneTypeEach(allowComments({ ...z.toJSONSchema(schema, { io: 'input' }), $id: `${BASE}${name}` })) as Record<
        string,
        unknown
      >;
      // The config reader skips every key starting with $ or _ ("$schema", "_note").
      if (name === 'config.schema.json') Object.assign(json, { patternProperties: { '^[$_]': {} } });
      return [name, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}

/**
 * An object that limits its keys still takes "$comment…" keys, as the readers ignore them: a closed
 * object, and a map whose values have a schema of their own ("columns": header → field name).
 */
function allowComments(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowComments);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = allowComments(value);
  const extra = out.additionalProperties;
  const limited = extra === false || (typeof extra === 'object' && extra !== null && Object.keys(extra).length > 0);
  if (out.type === 'object' && limited) out.patternProperties = { '^\\$comment': {} };
  return out;
}

/**
 * `"type": ["string", "number", …]` written as `anyOf` one type each: the same meaning, but Ajv's
 * strict mode (an editor's or CI's validator) refuses a list of types unless told
 * `allowUnionTypes`; a type with `"null"` alone is accepted as it is.
 */
function oneTypeEach(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(oneTypeEach);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = oneTypeEach(value);
  const types = out.type;
  if (Array.isArray(types) && types.filter((type) => type !== 'null').length > 1) {
    delete out.type;
    out.anyOf = types.map((type) => ({ type }));
  }
  return out;
}
