import type { ArgumentsCamelCase, Argv } from 'yargs';
import { GuidebookImportError } from '../../errors.js';
import type { FAITHFUL_SETTINGS, SandboxHandle, SandboxOptions } from '../../sandbox/index.js';

/** The sandbox's faithful settings, as a type: the values come with the sandbox module when the command runs. */
type SandboxSettings = typeof FAITHFUL_SETTINGS;
import { registerSecret } from '../redact.js';
import { reportError } from '../report-error.js';
import type { CliCommand } from './command.js';

const DEFAULT_PORT = 8787;

export const sandboxCommand: CliCommand = {
  command: 'sandbox',
  describe: 'Run a local Guidebook-compatible server',
  builder: (yargs: Argv) =>
    yargs
      // Numbers are taken as text and checked here, so a bad value gets a message naming it.
      .option('port', { type: 'string', describe: `Port on 127.0.0.1 (0 picks a free one; default ${DEFAULT_PORT})` })
      .option('state', { type: 'string', describe: 'State file (JSON): loaded on start, kept up to date as the state changes' })
      .option('api-key', { type: 'string', describe: 'Accept only this key (default: any non-empty key)' })
      .option('seed', { type: 'string', describe: 'Seed of the fault generator (default 1)' })
      .option('latency-ms', { type: 'string', describe: 'Delay every answer by this many ms' })
      .option('fail-rate', { type: 'string', describe: 'Share of requests answered 500/502/503 (0..1)' })
      .option('drop-rate', { type: 'string', describe: 'Share of writes done and then cut off with no answer (0..1)' })
      .option('daily-budget', { type: 'string', describe: 'Requests per UTC day before 429 (default 10000)' })
      // Hostile switches: what real servers and proxies do that the documented service does not.
      .option('page-size-cap', { type: 'string', describe: 'Honour page_size only up to this (default 500)' })
      .option('unstable-order', {
        type: 'boolean',
        describe: 'Lists order by start time with ties shuffled per request, unless ordering=id',
      })
      .option('ignore-guide-filter', { type: 'boolean', describe: "Lists return every guide's records, whatever ?guide= says" })
      .option('ignore-ordering', {
        type: 'boolean',
        describe: 'Lists ignore ?ordering= (with --unstable-order, ties stay shuffled even by id)',
      })
      .option('redirect-writes', {
        type: 'string',
        describe: 'Writes answer a redirect: "https" (301 to https://, the default) or "path" (302 to another path)',
      })
      .option('empty-create-answers', { type: 'boolean', describe: 'Creates are done but answered 201 with an empty body' })
      .option('revoke-after', { type: 'string', describe: 'After this many API requests every request answers 401' })
      .option('looping-next', { type: 'boolean', describe: 'Every list page links to a "next" page 2 under a new URL, never to the end' })
      .option('throttle-next', { type: 'string', describe: 'Answer the next N API requests 429 with no Retry-After (a rate limiter)' })
      .option('login-page', { type: 'boolean', describe: 'Answer every API request 200 with an HTML login page (a sign-on proxy)' })
      .option('refuse-publish', {
        type: 'boolean',
        describe: 'Refuse POST /guides/{id}/publish/ with 403, as on a plan that cannot publish',
      })
      .option('slow-body-ms', { type: 'string', describe: "Send each answer's headers at once and its body this many ms later" })
      .option('request-log', { type: 'string', describe: 'Append one JSON line per request to this file' })
      .option('verbose', { type: 'boolean', describe: 'One line per request on stderr' }),
  run: async (args) => {
    let sandbox: SandboxHandle;
    // Loaded when the command runs, not when the CLI starts: no other command needs the server.
    const { FAITHFUL_SETTINGS, startSandbox } = await import('../../sandbox/index.js');
    try {
      const options = sandboxOptionsFrom(args);
      registerSecret(options.apiKey);
      sandbox = await startSandbox(options);
    } catch (error) {
      return reportError(error);
    }
    // The origin alone on the first line of stdout: scripts read it to find a --port 0 server.
    process.stdout.write(`${sandbox.origin}\n`);
    process.stderr.write(
      usageNotes(sandbox, FAITHFUL_SETTINGS, args['apiKey'] !== undefined, typeof args['state'] === 'string' ? args['state'] : undefined),
    );
    await untilStopSignal();
    await sandbox.close();
    process.stderr.write(
      args['state'] === undefined ? 'Sandbox stopped.\n' : `Sandbox stopped; state saved to ${String(args['state'])}.\n`,
    );
    return 0;
  },
};

function sandboxOptionsFrom(args: ArgumentsCamelCase<Record<string, unknown>>): SandboxOptions {
  const text = (name: string): string | undefined => (typeof args[name] === 'string' ? (args[name] as string) : undefined);
  const port = numberOption('--port', text('port'), { integer: true, min: 0, max: 65535 }) ?? DEFAULT_PORT;
  const apiKey = text('apiKey');
  if (apiKey !== undefined && apiKey.trim() === '') throw new GuidebookImportError('usage', '--api-key must not be empty');
  const options: SandboxOptions = {
    port,
    seed: numberOption('--seed', text('seed'), { integer: true }),
    latencyMs: numberOption('--latency-ms', text('latencyMs'), { min: 0 }),
    failRate: numberOption('--fail-rate', text('failRate'), { min: 0, max: 1 }),
    dropRate: numberOption('--drop-rate', text('dropRate'), { min: 0, max: 1 }),
    dailyBudget: numberOption('--daily-budget', text('dailyBudget'), { integer: true, min: 0 }),
    pageSizeCap: numberOption('--page-size-cap', text('pageSizeCap'), { integer: true, min: 1 }),
    unstableOrder: args['unstableOrder'] === true,
    ignoreGuideFilter: args['ignoreGuideFilter'] === true,
    ignoreOrdering: args['ignoreOrdering'] === true,
    redirectWrites: redirectMode(text('redirectWrites')),
    emptyCreateAnswers: args['emptyCreateAnswers'] === true,
    revokeAfter: numberOption('--revoke-after', text('revokeAfter'), { integer: true, min: 0 }) ?? null,
    slowBodyMs: numberOption('--slow-body-ms', text('slowBodyMs'), { min: 0 }),
    loopingNext: args['loopingNext'] === true,
    loginPage: args['loginPage'] === true,
    refusePublish: args['refusePublish'] === true,
    throttleNext: numberOption('--throttle-next', text('throttleNext'), { integer: true, min: 0 }),
    stateFile: text('state'),
    requestLogFile: text('requestLog'),
    verbose: args['verbose'] === true,
  };
  if (apiKey !== undefined) options.apiKey = apiKey;
  return options;
}

/** `--redirect-writes` alone means the https case, the one a real proxy most often makes. */
function redirectMode(raw: string | undefined): 'https' | 'path' | null {
  if (raw === undefined) return null;
  const mode = raw.trim() === '' ? 'https' : raw.trim();
  if (mode !== 'https' && mode !== 'path')
    throw new GuidebookImportError('usage', `--redirect-writes must be "https" or "path", got ${JSON.stringify(raw)}`);
  return mode;
}

function numberOption(flag: string, raw: string | undefined, rule: { integer?: boolean; min?: number; max?: number }): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const { integer = false, min = -Infinity, max = Infinity } = rule;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    const kind = integer ? 'an integer' : 'a number';
    const range = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` of at least ${min}` : '';
    throw new GuidebookImportError('usage', `${flag} must be ${kind}${range}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function usageNotes(
  sandbox: SandboxHandle,
  faithful: Readonly<SandboxSettings>,
  keyRequired: boolean,
  stateFile: string | undefined,
): string {
  const key = keyRequired ? '<the --api-key value>' : 'sandbox';
  const state = sandbox.state();
  const guides = state.guides
    .filter((g) => g.owner === state.account)
    .map((g) => `${g.id} "${g.name}" (${g.timezone ?? 'no time zone'})`)
    .join(', ');
  return [
    `Guidebook sandbox API: ${sandbox.apiUrl}`,
    `  Guides: ${guides || 'none'}`,
    `  Key: ${keyRequired ? 'only the --api-key value is accepted' : 'any non-empty key is accepted'}`,
    `  State: ${stateFile ? `${stateFile} (saved as it changes)` : 'in memory only (use --state FILE to keep it)'}`,
    ...hostileNote(sandbox, faithful),
    `  Try:    curl -H "Authorization: JWT ${key}" "${sandbox.apiUrl}sessions/?guide=1"`,
    `  Import: GUIDEBOOK_API_URL=${sandbox.apiUrl} GUIDEBOOK_API_KEY=${key} guidebook-import import agenda.xlsx --guide 1`,
    '  Stop with Ctrl-C.',
    '',
  ].join('\n');
}

/** The switches that make this sandbox misbehave, so a rehearsal never forgets it asked for them. */
function hostileNote(sandbox: SandboxHandle, faithful: Readonly<SandboxSettings>): string[] {
  const on = Object.entries(sandbox.faults())
    .filter(([name, value]) => value !== faithful[name as keyof SandboxSettings])
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  return on.length === 0 ? [] : [`  Faults and switches: ${on.join(', ')}`];
}

function untilStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
