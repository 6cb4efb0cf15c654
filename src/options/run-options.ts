// Options normalised once, over typed defaults: flags and config values in, one frozen object
// out. Every bad value is one clear GuidebookImportError('usage') naming the option and the value.
import { didYouMean } from '../did-you-mean.js';
import { GuidebookImportError } from '../errors.js';
import type { ConfigValues } from './config-file.js';
import { SOURCE_FORMATS, type SourceOptions } from '../sources/types.js';

export interface SheetOptions {
  file: string;
  sheet?: string | number;
  mapping?: string;
  timezone?: string;
  dateFormat?: string;
  overnight: boolean;
  /** --first-day YYYY-MM-DD: the date of day 1 (day numbers, weekdays, dates without a year). */
  firstDay?: string;
  /** --locale: the language of month and weekday names that languages read differently. */
  locale?: string;
  report?: string;
  json: boolean;
  /** How a URL, "-" or a feed is read: --format, --source-header, --from/--to (src/sources/). */
  source: SourceOptions;
}

export interface ValidateOptions extends SheetOptions {
  /** --explain: per field, its column, format and three sample values with their result. */
  explain: boolean;
  /** --write-mapping FILE: what was detected, saved as an editable mapping file. */
  writeMapping?: string;
  /** --speakers FILE: the speakers to check, in a file of their own (else the workbook's Speakers sheet). */
  speakersFile?: string;
}

export interface ConnectionOptions {
  guide: number;
  sandbox: boolean;
  sandboxState?: string;
  apiUrl?: string;
  apiKeyFile?: string;
  concurrency: number;
  rate: number;
  retries: number;
  timeoutMs: number;
  maxRequests?: number;
}

export interface ImportOptions extends SheetOptions, ConnectionOptions {
  dryRun: boolean;
  prune: boolean;
  /** How many times --yes was given (twice lifts the prune safety stop). */
  yes: number;
  maxDeletes?: number;
  createMissing: boolean;
  /** Seconds to wait for another writing run into the same guide; 0 refuses at once. */
  lockWait: number;
  /** --if-source-changed: stop before any request when the source is as the last clean run read it. */
  ifSourceChanged: boolean;
  /** --speakers FILE: the speakers in a file of their own (else the workbook's Speakers sheet). */
  speakersFile?: string;
  /** --speaker-list NAME: the custom list speakers go in (default "Speakers"). */
  speakerList?: string;
  /** --speaker-lists-by-role: each Role in its own list. */
  speakerListsByRole: boolean;
  /** --publish: publish the guide after a clean run that wrote something. */
  publish: boolean;
  /** --refresh-images: upload images even when the remembered hash says they are unchanged. */
  refreshImages: boolean;
}

export interface ExportOptions extends ConnectionOptions {
  output: string;
  format?: 'csv' | 'xlsx';
  timezone?: string;
  force: boolean;
  json: boolean;
}

/** Every option name a config file may hold (camelCase), for any command. */
export const CONFIG_KEYS = [
  'guide',
  'sandbox',
  'sandboxState',
  'apiUrl',
  'apiKeyFile',
  'concurrency',
  'rate',
  'retries',
  'timeoutMs',
  'maxRequests',
  'sheet',
  'mapping',
  'timezone',
  'dateFormat',
  'overnight',
  'firstDay',
  'locale',
  'report',
  'json',
  'dryRun',
  'prune',
  'yes',
  'maxDeletes',
  'createMissing',
  'output',
  'format',
  'force',
  'lockWait',
  'speakers',
  'speakerList',
  'speakerListsByRole',
  'publish',
  'refreshImages',
  'sheetFile',
  'from',
  'to',
  'ifSourceChanged',
  'quiet',
] as const;

export const DEFAULTS = Object.freeze({ concurrency: 4, rate: 5, retries: 4, timeoutMs: 30_000 });

type Raw = Record<string, unknown>;

/** Flags win over the config file; unknown config keys are refused by name. */
export function mergeConfig(flags: Raw, config: ConfigValues, configPath: string | null, spelled: Record<string, string> = {}): Raw {
  const merged: Raw = { ...flags };
  for (const [key, value] of Object.entries(config)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      // Quoted as the file spells it, and the right key in the same style (`create-missing`).
      const typed = spelled[key] ?? key;
      const guess = didYouMean(key, CONFIG_KEYS);
      const styled = guess && typed.includes('-') ? guess.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : guess;
      const hint = styled ? `did you mean "${styled}"? ` : '';
      throw new GuidebookImportError(
        'config',
        `${configPath ?? 'config'}: unknown option "${typed}" (${hint}known: ${CONFIG_KEYS.join(', ')})`,
      );
    }
    if (merged[key] === undefined) merged[key] = value;
  }
  return merged;
}

export function normalizeValidateOptions(raw: Raw): Readonly<ValidateOptions> {
  const writeMapping = text(raw.writeMapping, 'write-mapping');
  const speakersFile = text(raw.speakers, 'speakers');
  return Object.freeze({
    ...sheetOptions(raw),
    explain: bool(raw.explain, 'explain'),
    ...(writeMapping !== undefined ? { writeMapping } : {}),
    ...(speakersFile !== undefined ? { speakersFile } : {}),
  });
}

export function normalizeImportOptions(raw: Raw): Readonly<ImportOptions> {
  const yes = raw.yes === true ? 1 : raw.yes === false || raw.yes === undefined ? 0 : integer(raw.yes, 'yes', 0);
  const sheet = sheetOptions(raw);
  const connection = connectionOptions(raw);
  const options: ImportOptions = {
    ...sheet,
    ...connection,
    // One deadline for the source's fetch and for each API request.
    source: Object.freeze({ ...sheet.source, timeoutMs: connection.timeoutMs }),
    ifSourceChanged: bool(raw.ifSourceChanged, 'if-source-changed'),
    dryRun: bool(raw.dryRun, 'dry-run'),
    prune: bool(raw.prune, 'prune'),
    yes,
    maxDeletes: optionalInteger(raw.maxDeletes, 'max-deletes', 0),
    createMissing: bool(raw.createMissing, 'create-missing'),
    lockWait: lockWait(raw.lockWait),
    speakersFile: text(raw.speakers, 'speakers'),
    speakerList: text(raw.speakerList, 'speaker-list'),
    speakerListsByRole: bool(raw.speakerListsByRole, 'speaker-lists-by-role'),
    publish: bool(raw.publish, 'publish'),
    refreshImages: bool(raw.refreshImages, 'refresh-images'),
  };
  return Object.freeze(options);
}

/** `dedupe`: the guide, an optional sheet to keep the matching session by, and --yes to delete. */
export interface DedupeOptions extends ConnectionOptions, Omit<SheetOptions, 'file'> {
  /** The sheet whose rows decide which duplicate to keep; without it the oldest id is kept. */
  sheetFile?: string;
  yes: boolean;
  lockWait: number;
}

export function normalizeDedupeOptions(raw: Raw): Readonly<DedupeOptions> {
  const sheetFile = text(raw.sheetFile, 'sheet-file');
  const { file: _none, ...sheet } = sheetOptions({ ...raw, file: sheetFile ?? '-' });
  const yes = raw.yes === true || (typeof raw.yes === 'number' && raw.yes > 0);
  if (raw.yes !== undefined && typeof raw.yes !== 'boolean' && typeof raw.yes !== 'number')
    throw usage(`--yes is a switch; got ${JSON.stringify(raw.yes)}`);
  const options: DedupeOptions = { ...connectionOptions(raw), ...sheet, sheetFile, yes, lockWait: lockWait(raw.lockWait) };
  return Object.freeze(options);
}

function lockWait(value: unknown): number {
  if (value === undefined || value === null) return 0;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 86_400)
    throw usage(`--lock-wait must be a number of seconds from 0 to 86400; got ${JSON.stringify(value)}`);
  return n;
}

/** `guides`: the connection without a guide (the command lists them), and --json. */
export interface GuidesOptions extends Omit<ConnectionOptions, 'guide'> {
  json: boolean;
}

export function normalizeGuidesOptions(raw: Raw): Readonly<GuidesOptions> {
  if (raw.guide !== undefined) throw usage('guides lists every guide the key reaches: drop --guide');
  // The one connection reader; the guide it insists on is not part of this command.
  const { guide: _none, ...connection } = connectionOptions({ ...raw, guide: 1 });
  return Object.freeze({ ...connection, json: bool(raw.json, 'json') });
}

export function normalizeExportOptions(raw: Raw): Readonly<ExportOptions> {
  const output = text(raw.output, 'output');
  if (!output) throw usage('--output is required: the file to write, e.g. --output agenda.xlsx');
  const format = raw.format === undefined ? undefined : oneOf(raw.format, 'format', ['csv', 'xlsx'] as const);
  const options: ExportOptions = {
    ...connectionOptions(raw),
    output,
    format,
    timezone: text(raw.timezone, 'timezone'),
    force: bool(raw.force, 'force'),
    json: bool(raw.json, 'json'),
  };
  return Object.freeze(options);
}

function sheetOptions(raw: Raw): SheetOptions {
  // yargs-parser hands a lone "-" (standard input) over as an empty string.
  const file = raw.file === '' ? '-' : text(raw.file, 'file');
  if (!file) throw usage('name the sheet to read, e.g. agenda.xlsx');
  return {
    file,
    sheet: sheetSelector(raw.sheet),
    mapping: text(raw.mapping, 'mapping'),
    timezone: text(raw.timezone, 'timezone'),
    dateFormat: text(raw.dateFormat, 'date-format'),
    overnight: bool(raw.overnight, 'overnight'),
    firstDay: day(raw.firstDay, 'first-day'),
    locale: text(raw.locale, 'locale'),
    report: text(raw.report, 'report'),
    json: bool(raw.json, 'json'),
    source: sourceOptions(raw),
  };
}

function sourceOptions(raw: Raw): SourceOptions {
  const format = raw.format === undefined ? undefined : oneOf(raw.format, 'format', SOURCE_FORMATS);
  const from = day(raw.from, 'from');
  const to = day(raw.to, 'to');
  if (from && to && from > to) throw usage(`--from ${from} is after --to ${to}`);
  return Object.freeze({ format, from, to, headers: sourceHeaders(raw.sourceHeader) });
}

function day(value: unknown, name: string): string | undefined {
  const s = text(value, name);
  if (s === undefined) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  // Month 13 or day 32 is an Invalid Date, whose toISOString() throws: checked first.
  const date = new Date(`${s}T00:00:00Z`);
  const valid = match && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
  if (!valid) throw usage(`--${name} must be a day as YYYY-MM-DD; got ${JSON.stringify(s)}`);
  return s;
}

/** --source-header 'Name: value', repeatable. The value is a credential: no message ever shows it. */
function sourceHeaders(value: unknown): Array<readonly [string, string]> | undefined {
  if (value === undefined || value === null) return undefined;
  const given = (Array.isArray(value) ? value : [value]).map(String);
  return given.map((header) => {
    const colon = header.indexOf(':');
    const name = colon > 0 ? header.slice(0, colon).trim() : '';
    const headerValue = colon > 0 ? header.slice(colon + 1).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      throw usage(`--source-header must be 'Name: value' with a header name before the colon (the value is not shown)`);
    if (headerValue === '' || /[\r\n\0]/.test(headerValue))
      throw usage(`--source-header ${JSON.stringify(name)} needs a one-line value after the colon (the value is not shown)`);
    return [name, headerValue] as const;
  });
}

function connectionOptions(raw: Raw): ConnectionOptions {
  if (raw.guide === undefined) throw usage('--guide is required: the id of the Guidebook guide, e.g. --guide 47');
  // Without --sandbox the run would quietly go to the real API and leave the state file unused.
  if (raw.sandboxState !== undefined && raw.sandbox !== true) {
    throw usage('--sandbox-state keeps the state of the in-process sandbox: add --sandbox, or drop --sandbox-state');
  }
  return {
    guide: integer(raw.guide, 'guide', 1),
    sandbox: bool(raw.sandbox, 'sandbox'),
    sandboxState: text(raw.sandboxState, 'sandbox-state'),
    apiUrl: text(raw.apiUrl, 'api-url'),
    apiKeyFile: text(raw.apiKeyFile, 'api-key-file'),
    concurrency: raw.concurrency === undefined ? DEFAULTS.concurrency : integer(raw.concurrency, 'concurrency', 1, 64),
    rate: raw.rate === undefined ? DEFAULTS.rate : positiveNumber(raw.rate, 'rate', 1000),
    retries: raw.retries === undefined ? DEFAULTS.retries : integer(raw.retries, 'retries', 0, 20),
    timeoutMs: raw.timeoutMs === undefined ? DEFAULTS.timeoutMs : integer(raw.timeoutMs, 'timeout-ms', 100),
    maxRequests: optionalInteger(raw.maxRequests, 'max-requests', 1),
  };
}

function usage(message: string): GuidebookImportError {
  return new GuidebookImportError('usage', message);
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) throw usage(`--${name} was given more than once`);
  const s = String(value).trim();
  if (s === '') throw usage(`--${name} needs a value`);
  return s;
}

/** --quiet, from the flag or the config file: a switch like every other. */
export function quietOf(raw: Raw): boolean {
  return bool(raw.quiet, 'quiet');
}

function bool(value: unknown, name: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  throw usage(`--${name} is a switch; got ${JSON.stringify(value)}`);
}

function integer(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (Array.isArray(value)) throw usage(`--${name} was given more than once`);
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    throw usage(`--${name} must be ${range}; got ${JSON.stringify(value)}`);
  }
  return n;
}

function optionalInteger(value: unknown, name: string, min: number): number | undefined {
  return value === undefined || value === null ? undefined : integer(value, name, min);
}

function positiveNumber(value: unknown, name: string, max: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0 || n > max)
    throw usage(`--${name} must be a number above 0 and at most ${max}; got ${JSON.stringify(value)}`);
  return n;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usage(`--${name} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
}

function sheetSelector(value: unknown): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1) throw usage(`--sheet must be a sheet name or a 1-based index; got ${value}`);
    return value;
  }
  const s = String(value);
  return /^\d+$/.test(s) ? Number(s) : s;
}
