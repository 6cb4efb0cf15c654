// The config file described as a schema, for schemas/config.schema.json (an editor completes and
// checks the keys). The keys are CONFIG_KEYS, so a new option is in the schema without an edit
// here; the value types below are what run-options.ts accepts (a key not typed here takes any
// value). Not used to read the file: run-options.ts checks the values with its own messages.
import { z } from 'zod';
import { CONFIG_KEYS } from './run-options.js';

type ConfigKey = (typeof CONFIG_KEYS)[number];

const wholeNumber = (min: number) => z.union([z.int().min(min), z.string().regex(/^\s*\d+\s*$/)]);
const path = z.string().min(1);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const VALUE_TYPES: Partial<Record<ConfigKey, z.ZodType>> = {
  guide: wholeNumber(1).describe('Id of the Guidebook guide'),
  sandbox: z.boolean(),
  sandboxState: path,
  apiUrl: z.url().describe('API base; a URL with a user name or password is refused'),
  apiKeyFile: path.describe('File holding the API key (the key itself is never allowed here)'),
  concurrency: wholeNumber(1),
  rate: z.union([z.number().positive().max(1000), z.string()]),
  retries: wholeNumber(0),
  timeoutMs: wholeNumber(100),
  maxRequests: wholeNumber(1),
  sheet: z.union([z.string(), z.int().min(1)]),
  mapping: path,
  timezone: z.string().describe('IANA zone, e.g. America/New_York'),
  dateFormat: z.string(),
  overnight: z.boolean(),
  firstDay: isoDay.describe('The date of day 1 (YYYY-MM-DD)'),
  locale: z.string().describe('Language of month and weekday names, e.g. de'),
  report: path,
  json: z.boolean(),
  dryRun: z.boolean(),
  prune: z.boolean(),
  yes: z.union([z.boolean(), z.int().min(0)]),
  maxDeletes: wholeNumber(0),
  createMissing: z.boolean(),
  output: path,
  format: z.string().describe('export: csv or xlsx; import/validate: the source format (see --help)'),
  force: z.boolean(),
  lockWait: z.union([z.number().min(0).max(86_400), z.string()]),
  sheetFile: path,
  speakers: path,
  speakerList: z.string(),
  speakerListsByRole: z.boolean(),
  publish: z.boolean(),
  refreshImages: z.boolean(),
  from: isoDay,
  to: isoDay,
  ifSourceChanged: z.boolean(),
  quiet: z.boolean(),
};

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function configShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = { $schema: z.string().optional() };
  for (const key of CONFIG_KEYS) {
    const type = (VALUE_TYPES[key] ?? z.json()).optional();
    shape[key] = type;
    // Written as on the command line works too.
    if (kebab(key) !== key) shape[kebab(key)] = type;
  }
  return shape;
}

export const configFileSchema = z.strictObject(configShape()).meta({
  title: 'guidebook-import config file',
  description:
    'Options of a run (guidebook-import.config.json or --config FILE), camelCase or as on the command line; flags win. Keys starting with $ or _ are ignored. The API key is never allowed here.',
});
