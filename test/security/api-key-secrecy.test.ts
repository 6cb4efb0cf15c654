// The API key must never show: not on stdout or stderr, not in a report of any format, not in an
// error message, whatever the command and however the run ends. Every command runs here with a
// recognisable key, given through GUIDEBOOK_API_KEY and through --api-key-file, along every path
// that ends a run differently; then every output stream and every file the run left is searched.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaRows, writeAgendaCsv } from '../support/agenda-sheet.js';
import { describeRun, runCli, type CliResult } from '../support/cli-process.js';
import { killAllSandboxes, startSandboxProcess, type SandboxProcess } from '../support/sandbox-process.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'SECRET-KEY-987654';
/** Any 8 characters of the key in a row count as showing it (an error quoting part of a file). */
const KEY_PIECES = Array.from({ length: KEY.length - 7 }, (_, i) => KEY.slice(i, i + 8));
const root = tempDir('security-key');
const keyFile = join(root, 'guidebook.key');
writeFileSync(keyFile, `${KEY}\n`);
// The same key file as a user might name it: a name any sheet reader accepts.
const keyTextFile = join(root, 'guidebook-key.txt');
writeFileSync(keyTextFile, `${KEY}\n`);
const sheet = writeAgendaCsv(join(root, 'agenda.csv'), agendaRows(6, { seed: 3, prefix: 'key' }));

type Delivery = 'env' | 'file';
const DELIVERIES: Delivery[] = ['env', 'file'];

interface Servers {
  secret: SandboxProcess;
  otherKey: SandboxProcess;
  failing: SandboxProcess;
  budget: SandboxProcess;
  closedPortUrl: string;
}
let servers: Servers;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const dir = (name: string) => {
    const path = join(root, `sandbox-${name}`);
    mkdirSync(path);
    return path;
  };
  const [secret, otherKey, failing, budget] = await Promise.all([
    startSandboxProcess({ dir: dir('secret'), apiKey: KEY }),
    startSandboxProcess({ dir: dir('other'), apiKey: 'a-different-key-1234' }),
    startSandboxProcess({ dir: dir('failing'), apiKey: KEY, failRate: 1 }),
    // Enough for the four reads of a plan, then the writes meet 429.
    startSandboxProcess({ dir: dir('budget'), apiKey: KEY, dailyBudget: 6 }),
  ]);
  servers = { secret, otherKey, failing, budget, closedPortUrl: `http://127.0.0.1:${await closedPort()}/open-api/v1.1/` };
}, 60_000);

afterAll(killAllSandboxes);

function keyPiecesIn(text: string): string[] {
  return KEY_PIECES.filter((piece) => text.includes(piece));
}

/** Every file under `dir` (the key files aside) that holds the key or a piece of it. */
function filesHoldingKey(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (path !== keyFile && path !== keyTextFile && keyPiecesIn(readFileSync(path, 'latin1')).length > 0) {
      found.push(relative(root, path));
    }
  };
  visit(dir);
  return found;
}

interface Case {
  name: string;
  args: string[];
  apiUrl?: string;
  /** Exit codes this path ends with; checked so each case really takes its path. */
  codes: number[];
  /** What stderr says on this path (same purpose). */
  says?: RegExp;
  /** Before the run, e.g. giving the budget sandbox its budget back. */
  before?: () => Promise<void>;
  /** Runs the two deliveries one after the other (they write to one guide, or share a budget). */
  sequential?: boolean;
  /** Offline commands take no --api-key-file: the key is only in their environment. */
  offline?: boolean;
}

/** Runs one case with the key delivered one way, in a folder of its own, and checks everything. */
async function runCase(testCase: Case, delivery: Delivery): Promise<CliResult> {
  const cwd = mkdtempSync(join(root, `${testCase.name.replace(/\W+/g, '-')}-${delivery}-`));
  await testCase.before?.();
  const env: Record<string, string> = delivery === 'env' ? { GUIDEBOOK_API_KEY: KEY } : {};
  if (testCase.apiUrl) env.GUIDEBOOK_API_URL = testCase.apiUrl;
  const args = delivery === 'file' ? [...testCase.args, '--api-key-file', keyFile] : testCase.args;
  const result = await runCli(args, { env, cwd });
  const where = `${testCase.name} (key by ${delivery})\n${describeRun(result)}`;
  expect(testCase.codes, where).toContain(result.code);
  if (testCase.says) expect(result.stderr, where).toMatch(testCase.says);
  expect(keyPiecesIn(result.stdout), where).toEqual([]);
  expect(keyPiecesIn(result.stderr), where).toEqual([]);
  expect(filesHoldingKey(cwd), where).toEqual([]);
  return result;
}

async function runCases(cases: Case[]): Promise<void> {
  for (const testCase of cases) {
    const deliveries: Delivery[] = testCase.offline ? ['env'] : DELIVERIES;
    if (testCase.sequential) for (const delivery of deliveries) await runCase(testCase, delivery);
    else await Promise.all(deliveries.map((delivery) => runCase(testCase, delivery)));
  }
}

const importArgs = (guide: string, report: string, extra: string[] = []) => [
  'import',
  sheet,
  '--guide',
  guide,
  '--create-missing',
  '--rate',
  '500',
  '--report',
  report,
  ...extra,
];

describe('the API key never shows in any output', () => {
  it('import: success and dry run, with CSV, JSON and HTML reports and --json', async () => {
    const url = () => servers.secret.apiUrl;
    await runCases([
      { name: 'success csv', sequential: true, args: importArgs('1', 'run.csv', ['--json']), apiUrl: url(), codes: [0] },
      { name: 'success json', sequential: true, args: importArgs('1', 'run.json'), apiUrl: url(), codes: [0] },
      { name: 'success html', sequential: true, args: importArgs('1', 'run.html'), apiUrl: url(), codes: [0] },
      { name: 'dry run', args: importArgs('1', 'dry.json', ['--dry-run', '--json']), apiUrl: url(), codes: [0] },
      { name: 'in-process sandbox', args: importArgs('1', 'sandbox.html', ['--sandbox']), codes: [0] },
    ]);
  }, 120_000);

  it('import: rejected key (401), unknown guide (404), guide of another account (403)', async () => {
    await runCases([
      { name: '401', args: importArgs('1', 'r.json'), apiUrl: servers.otherKey.apiUrl, codes: [2], says: /401/ },
      { name: '404 guide', args: importArgs('99', 'r.json'), apiUrl: servers.secret.apiUrl, codes: [2], says: /\b99\b/ },
      { name: '403 guide', args: importArgs('3', 'r.json'), apiUrl: servers.secret.apiUrl, codes: [2], says: /403|permission/i },
    ]);
  }, 120_000);

  it('import: connection refused, every answer a 500, the daily budget spent (429)', async () => {
    await runCases([
      {
        name: 'refused',
        args: importArgs('1', 'r.json', ['--retries', '1']),
        apiUrl: servers.closedPortUrl,
        codes: [2],
        says: /ECONNREFUSED|connect/i,
      },
      { name: '500s', args: importArgs('1', 'r.json', ['--retries', '1']), apiUrl: servers.failing.apiUrl, codes: [2], says: /50[023]/ },
      {
        name: 'budget mid-run',
        args: importArgs('1', 'r.html'),
        apiUrl: servers.budget.apiUrl,
        codes: [3],
        says: /budget/i,
        before: () => servers.budget.resetBudget(),
        sequential: true,
      },
      {
        name: 'budget csv',
        args: importArgs('1', 'r.csv'),
        apiUrl: servers.budget.apiUrl,
        codes: [3],
        says: /budget/i,
        before: () => servers.budget.resetBudget(),
        sequential: true,
      },
      { name: 'budget spent', args: importArgs('1', 'r.json'), apiUrl: servers.budget.apiUrl, codes: [2, 3], sequential: true },
    ]);
  }, 120_000);

  it('import: bad file, bad option, the key given where it does not belong', async () => {
    await runCases([
      {
        name: 'missing file',
        args: ['import', join(root, 'nope.csv'), '--guide', '1'],
        apiUrl: servers.secret.apiUrl,
        codes: [2],
        says: /no such file/,
      },
      { name: 'not a sheet', args: ['import', process.execPath, '--guide', '1'], apiUrl: servers.secret.apiUrl, codes: [2] },
      { name: 'bad option', args: [...importArgs('1', 'r.csv'), '--concurrency', 'lots'], apiUrl: servers.secret.apiUrl, codes: [2] },
      { name: 'unknown option', args: [...importArgs('1', 'r.csv'), '--colour'], apiUrl: servers.secret.apiUrl, codes: [2] },
      // A user who pastes the key on the command line, or reads the key file as the sheet.
      { name: 'key as option', args: [...importArgs('1', 'r.csv'), '--api-key', KEY], apiUrl: servers.secret.apiUrl, codes: [2] },
      {
        name: 'key file as sheet',
        args: ['import', keyTextFile, '--guide', '1'],
        apiUrl: servers.secret.apiUrl,
        codes: [2],
        says: /no header row/,
      },
    ]);
    // A key file that cannot be read names the file, not its content.
    const missingKeyFile = await runCli([...importArgs('1', 'r.csv'), '--api-key-file', join(root, 'missing.key')], {
      env: { GUIDEBOOK_API_URL: servers.secret.apiUrl },
      cwd: root,
    });
    expect(missingKeyFile.code).toBe(2);
    expect(missingKeyFile.stderr).toContain('missing.key');
  }, 120_000);

  it('import: a config file that holds the key is refused without echoing it', async () => {
    const configDir = mkdtempSync(join(root, 'config-'));
    const configFile = join(configDir, 'guidebook-import.config.json');
    writeFileSync(configFile, JSON.stringify({ guide: 1, apiKey: KEY }));
    const badJson = join(configDir, 'broken.json');
    writeFileSync(badJson, `{"guide": 1, "apiKey": ${KEY}}`);
    await runCases([
      {
        name: 'config with key',
        args: ['import', sheet, '--config', configFile],
        apiUrl: servers.secret.apiUrl,
        codes: [2],
        says: /not allowed in a config file/,
      },
      {
        name: 'config not json',
        args: ['import', sheet, '--config', badJson],
        apiUrl: servers.secret.apiUrl,
        codes: [2],
        says: /not valid JSON/,
      },
    ]);
  }, 60_000);

  it('validate, template and export, on their success and failure paths', async () => {
    await runCases([
      {
        name: 'validate',
        offline: true,
        args: ['validate', sheet, '--timezone', 'America/New_York', '--report', 'v.html', '--json'],
        codes: [0],
      },
      { name: 'validate bad file', offline: true, args: ['validate', join(root, 'nope.xlsx')], codes: [2] },
      { name: 'validate key file', offline: true, args: ['validate', keyFile], codes: [2] },
      { name: 'validate key text file', offline: true, args: ['validate', keyTextFile], codes: [2], says: /no header row/ },
      { name: 'validate bad option', offline: true, args: ['validate', sheet, '--sheet'], codes: [2] },
      { name: 'template', offline: true, args: ['template', '--output', 'agenda.xlsx'], codes: [0] },
      { name: 'template bad option', offline: true, args: ['template', '--format', 'pdf'], codes: [2] },
      { name: 'export', args: ['export', '--guide', '1', '--output', 'out.csv', '--json'], apiUrl: servers.secret.apiUrl, codes: [0] },
      { name: 'export xlsx', args: ['export', '--guide', '1', '--output', 'out.xlsx'], apiUrl: servers.secret.apiUrl, codes: [0] },
      {
        name: 'export 401',
        args: ['export', '--guide', '1', '--output', 'out.csv'],
        apiUrl: servers.otherKey.apiUrl,
        codes: [2],
        says: /401/,
      },
      {
        name: 'export 403',
        args: ['export', '--guide', '3', '--output', 'out.csv'],
        apiUrl: servers.secret.apiUrl,
        codes: [2],
        says: /403|permission/i,
      },
      {
        name: 'export refused',
        args: ['export', '--guide', '1', '--output', 'out.csv', '--retries', '0'],
        apiUrl: servers.closedPortUrl,
        codes: [2],
        says: /ECONNREFUSED|connect/i,
      },
      { name: 'export bad option', args: ['export', '--guide', 'one', '--output', 'out.csv'], apiUrl: servers.secret.apiUrl, codes: [2] },
    ]);
  }, 120_000);

  it('sandbox: its notes, its verbose request lines, its request log and state file', async () => {
    const dir = mkdtempSync(join(root, 'sandbox-own-'));
    const sandbox = await startSandboxProcess({ dir, apiKey: KEY });
    const headers = { Authorization: `JWT ${KEY}` };
    expect((await fetch(`${sandbox.apiUrl}sessions/?guide=1`, { headers })).status).toBe(200);
    expect((await fetch(`${sandbox.apiUrl}sessions/?guide=1`, { headers: { Authorization: 'JWT wrong-key-0000' } })).status).toBe(401);
    const ended = await sandbox.stop();
    expect(ended.code).toBe(0);
    expect(keyPiecesIn(ended.stdout + ended.stderr)).toEqual([]);
    expect(filesHoldingKey(dir)).toEqual([]);

    const badPort = await runCli(['sandbox', '--api-key', KEY, '--port', '99999'], { cwd: dir });
    expect(badPort.code).toBe(2);
    expect(keyPiecesIn(badPort.stdout + badPort.stderr)).toEqual([]);
  }, 60_000);
});
