// The GitHub Action, tested here the only way it can be without GitHub: its entry script run
// directly with its inputs as INPUT_* variables against a sandbox process (outputs, job summary,
// report, exit codes), the action's own result step run in bash for each exit code, and the example
// workflow checked against the action's inputs.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSandboxState } from '../../src/sandbox/index.js';
import { REPO_ROOT, SECRET_KEY } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

const ENTRY = resolve(REPO_ROOT, 'action/entry.mjs');
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
const ACTION = readFileSync(resolve(REPO_ROOT, 'action.yml'), 'utf8');
const WORKFLOW = readFileSync(resolve(REPO_ROOT, '.github/workflows/example-sync.yml'), 'utf8');

let world: ImportWorld;
let feeds: FeedServer;
const stateHome = mkdtempSync(join(tmpdir(), 'gbi-action-state-'));

beforeAll(async () => {
  const state = defaultSandboxState();
  Object.assign(state.guides.find((g) => g.id === 1)!, { start_date: '2027-03-12', end_date: '2027-03-16' });
  world = await importWorld({ initialState: state });
  feeds = await startFeedServer();
  feeds.set('/agenda.ics', {
    body: readFileSync(join(REPO_ROOT, 'test/fixtures/sources/devcon-spring.ics')),
    type: 'text/calendar',
    etag: '"a1"',
  });
  feeds.set('/bad.csv', {
    body: 'Import ID,Title,Date,Start\nok-1,Fine,2027-03-13,10:00\nbad-1,Broken,2027-02-31,10:00\n',
    type: 'text/csv',
  });
});
afterAll(async () => {
  await feeds.close();
  await cleanUp();
});

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  stepSummary: string;
  requests: number;
}

async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  const dir = mkdtempSync(join(world.dir, 'action-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GUIDEBOOK_API_KEY: SECRET_KEY,
    GUIDEBOOK_IMPORT_CLI: `--import ${TSX} ${resolve(REPO_ROOT, 'src/cli/main.ts')}`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    XDG_STATE_HOME: stateHome,
    NO_COLOR: '1',
    INPUT_API_URL: world.sandbox.apiUrl,
    INPUT_REPORT: join(dir, 'report.html'),
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const mark = world.sandbox.requests().length;
  const child = spawn(process.execPath, [ENTRY], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'close');
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(outputFile, 'utf8').matchAll(/^([\w-]+)<<__GBI__\n([\s\S]*?)\n__GBI__$/gm))
    outputs[match[1]!] = match[2]!;
  return {
    code: code as number | null,
    stdout,
    stderr,
    outputs,
    stepSummary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    requests: world.sandbox.requestsSince(mark).length,
  };
}

describe('the action entry script', { timeout: 180_000 }, () => {
  const feedInputs = () => ({ source: feeds.url('/agenda.ics'), guide: '1', flags: '--create-missing --rate 500' });

  it('imports, writes the report, its outputs and the job summary; the key never shows', async () => {
    const run = await runAction(feedInputs());
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.outputs['source-unchanged']).toBe('false');
    expect(JSON.parse(run.outputs.summary!)).toMatchObject({ created: 10, invalid: 0, failed: 0 });
    expect(existsSync(run.outputs.report!)).toBe(true);
    expect(readFileSync(run.outputs.report!, 'utf8')).toMatch(/<html/i);
    expect(run.stepSummary).toMatch(/\| created \| updated .*\n.*\n\| 10 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|/);
    expect(run.stdout + run.stderr + run.stepSummary + JSON.stringify(run.outputs)).not.toContain(SECRET_KEY);
  });

  it('a scheduled run of an unchanged source sends 0 API requests and succeeds', async () => {
    const run = await runAction(feedInputs());
    expect(run.code, run.stderr).toBe(0);
    expect(run.requests).toBe(0);
    expect(run.outputs['source-unchanged']).toBe('true');
    expect(run.stepSummary).toMatch(/no API request was sent/);
  });

  it('maps exit codes: 2 when the run cannot start, 1 for bad rows (a warning with fail-on-row-errors: false)', async () => {
    const cannotStart = await runAction({ ...feedInputs(), guide: '99', 'if-source-changed': 'false' });
    expect(cannotStart.code).toBe(2);
    expect(cannotStart.outputs['exit-code']).toBe('2');
    expect(cannotStart.stdout).toMatch(/::error::guidebook-import exited 2: the run could not start/);

    const badRows = { source: feeds.url('/bad.csv'), guide: '1', flags: '--rate 500 --timezone America/New_York' };
    const failing = await runAction(badRows);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/::error::guidebook-import exited 1/);
    const lenient = await runAction({ ...badRows, 'if-source-changed': 'false', 'fail-on-row-errors': 'false' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs['exit-code']).toBe('1');
    expect(lenient.stdout).toMatch(/::warning::some rows are invalid/);
    // Deferred (as action.yml runs it): the step succeeds so the report is uploaded; the result step fails it.
    const deferred = await runAction({ ...feedInputs(), guide: '99', 'if-source-changed': 'false', 'defer-exit': 'true' });
    expect(deferred.code).toBe(0);
    expect(deferred.outputs['exit-code']).toBe('2');
  });

  it('splits the flags input like a shell', async () => {
    const { splitFlags } = await import('../../action/entry.mjs' as string);
    expect(splitFlags(`--timezone Europe/Berlin --mapping "my mapping.json" --sheet 'Day 1'`)).toEqual([
      '--timezone',
      'Europe/Berlin',
      '--mapping',
      'my mapping.json',
      '--sheet',
      'Day 1',
    ]);
  });
});

describe('action.yml and the example workflow', { timeout: 180_000 }, () => {
  it("the action's result step turns each exit code into the job's result", () => {
    const script = /- name: Result[\s\S]*?run: \|\n([\s\S]*?)(?:\n\S|$)/.exec(ACTION)![1]!.replace(/^ {8}/gm, '');
    const result = (code: string, failOnRows = 'true') =>
      spawnSync('bash', ['-c', script], { env: { CODE: code, FAIL_ON_ROWS: failOnRows } }).status;
    expect([result('0'), result('1'), result('1', 'false'), result('2'), result('3'), result('')]).toEqual([0, 1, 0, 2, 3, 2]);
  });

  it('runs on a cron, uses the action with inputs it declares, and takes the key from a secret', () => {
    const declared = new Set([.../^inputs:\n([\s\S]*?)\n\S/m.exec(ACTION)![1]!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]));
    const used = [.../uses: \.\/\n[\s\S]*?with:\n([\s\S]*)$/.exec(WORKFLOW)![1]!.matchAll(/^ {10}([a-z-]+):/gm)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(2);
    for (const name of used) expect(declared, name).toContain(name);
    expect(WORKFLOW).toMatch(/- cron: '(\S+ ){4}\S+'/);
    expect(WORKFLOW).toMatch(/GUIDEBOOK_API_KEY: \$\{\{ secrets\.GUIDEBOOK_API_KEY \}\}/);
    expect(ACTION).toMatch(/uses: actions\/upload-artifact@v4/);
  });
});
