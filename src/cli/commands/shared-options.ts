import type { Argv } from 'yargs';

// Option definitions shared by commands, so every command spells and explains them the same way.
// No yargs defaults here: an undefined value means "not given", so a config file can fill it in.

export function sheetOptions(yargs: Argv): Argv {
  return yargs
    .positional('file', {
      type: 'string',
      describe:
        'The agenda: a sheet (.csv .tsv .txt .xlsx .xls .ods), a feed (.ics, Sessionize or pretalx .json), an http(s)/webcal URL or Google Sheets link, or - for standard input',
    })
    .option('sheet', {
      type: 'string',
      describe:
        'Worksheet to read, by name or 1-based index, or all (every agenda sheet; the default when several sheets have agenda headers)',
    })
    .option('mapping', { type: 'string', describe: 'Mapping file (JSON): columns → fields, defaults, formats' })
    .option('timezone', { type: 'string', describe: "IANA zone of the sheet's local times, e.g. America/New_York" })
    .option('date-format', { type: 'string', describe: 'Luxon format of the date column, e.g. d/M/yyyy (wins over detection)' })
    .option('overnight', { type: 'boolean', describe: 'An end time earlier than the start means the next day' })
    .option('first-day', {
      type: 'string',
      describe: 'Date of day 1 (YYYY-MM-DD) for day numbers, weekdays and dates without a year (import: default the guide start date)',
    })
    .option('locale', {
      type: 'string',
      describe: 'Language of month and weekday names when detection is ambiguous: en es de fr it pt nl ja',
    })
    .option('report', { type: 'string', describe: 'Report path: .csv (default), .json or .html' })
    .option('json', { type: 'boolean', describe: 'Print one JSON summary on stdout (shape: schemas/json-summary.schema.json)' })
    .option('quiet', { type: 'boolean', alias: 'q', describe: 'No plan totals, progress or summary on stderr; warnings and errors still' })
    .option('config', { type: 'string', describe: 'Config file (default: ./guidebook-import.config.json if present)' })
    .option('format', {
      type: 'string',
      describe: 'Read the source as csv, tsv, xlsx, ods, ics or json (needed for nothing; for - it skips the guess)',
    })
    .option('source-header', {
      type: 'string',
      array: true,
      describe: "A header for a URL source, e.g. 'Authorization: Bearer …' (repeatable; never printed)",
    })
    .option('from', { type: 'string', describe: "iCal: expand recurring events from this day (YYYY-MM-DD; default: the guide's dates)" })
    .option('to', { type: 'string', describe: 'iCal: expand recurring events up to this day (YYYY-MM-DD)' });
}

export function connectionOptions(yargs: Argv): Argv {
  return yargs
    .option('guide', { type: 'string', describe: 'Id of the Guidebook guide' })
    .option('sandbox', { type: 'boolean', describe: 'Run against an in-process sandbox server (no key needed)' })
    .option('sandbox-state', { type: 'string', describe: 'With --sandbox: keep the sandbox state in this file between runs' })
    .option('api-url', {
      type: 'string',
      describe: 'API base (default $GUIDEBOOK_API_URL or https://builder.guidebook.com/open-api/v1.1/)',
    })
    .option('api-key-file', { type: 'string', describe: 'File holding the API key (default: $GUIDEBOOK_API_KEY)' })
    .option('concurrency', { type: 'string', describe: 'Parallel requests at most (default 4)' })
    .option('rate', { type: 'string', describe: 'Requests per second at most (default 5)' })
    .option('retries', { type: 'string', describe: 'Retries of a failed request (default 4)' })
    .option('timeout-ms', { type: 'string', describe: 'Timeout of one request attempt in ms (default 30000)' })
    .option('max-requests', { type: 'string', describe: 'Refuse a plan that needs more requests, stop a run that reaches it' });
}
