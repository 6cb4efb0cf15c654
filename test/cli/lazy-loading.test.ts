// Issue 11, item 6: the CLI loads the sandbox, SheetJS, sanitize-html, cli-progress and the HTTP
// client only when a command needs them. Checked on the sources' import graph (what each entry can
// reach), on a real `validate` run (what the child process resolved), and on the published bundle
// (scripts/bundle-cli.ts): its chunks, and what a `validate` run of it loads.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleChunk, bundleCli } from '../../scripts/bundle-cli.js';
import { cliEnv, REPO_ROOT, runCli } from '../support/cli-process.js';
import { importGraph } from '../support/import-graph.js';
import * as library from '../../src/index.js';
import * as sandboxEntry from '../../src/sandbox/index.js';
import { tempDir } from '../support/temp-dir.js';
import { PATCHED_CSV_PARSE_VERSION } from '../../src/read/csv-parse-patch.js';

const HEAVY_PACKAGES = ['xlsx', 'sanitize-html', 'cli-progress', 'csv-parse', 'luxon'];
const inSandbox = (file: string): boolean => file.startsWith('src/sandbox/');
const inApi = (file: string): boolean => file.startsWith('src/api/');
/** A command's own entry: the dynamic imports it makes when it runs. */
const commandEntries = (file: string): boolean => file.startsWith('src/cli/');

describe('the CLI loads what a command needs', () => {
  it('at start-up (every command, --help) it loads yargs and the command list, no library stage', () => {
    // main.ts checks the Node version first and then imports the CLI (a dynamic import, always taken).
    const graph = importGraph('src/cli/main.ts', { followDynamic: (file) => file === 'src/cli/main.ts' });
    // Not vacuous: the walk does reach the commands and the argument parser.
    expect(graph.files).toContain('src/cli/commands/validate.ts');
    expect(graph.files).toContain('src/cli/commands/sandbox.ts');
    expect([...graph.packages]).toEqual(['yargs']);
    expect([...graph.files].filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
    expect(
      [...graph.files].filter((file) =>
        /^src\/(pipeline|read|validate|plan|apply|export|template\/(?!template-format)|report\/html)\//.test(file),
      ),
    ).toEqual([]);
  });

  it('validate on a CSV reaches csv-parse and the validate pipeline, never the sandbox, the HTTP client or SheetJS', () => {
    const graph = importGraph('src/cli/commands/validate.ts', { followDynamic: commandEntries });
    expect(graph.files).toContain('src/pipeline/validate-file.ts');
    expect(graph.files).toContain('src/validate/description-html.ts');
    expect(graph.packages).toContain('csv-parse');
    // Required on the first description that holds HTML (validate/description-html.ts), not imported.
    expect(graph.packages).not.toContain('sanitize-html');
    expect([...graph.files].filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
    expect(graph.packages).not.toContain('xlsx');
    expect(graph.packages).not.toContain('cli-progress');
  });

  it('validate reaches SheetJS only through the workbook reader it loads for a workbook, and never the sandbox or the client', () => {
    const graph = importGraph('src/cli/commands/validate.ts', { followDynamic: () => true });
    expect(graph.packages).toContain('xlsx');
    expect(graph.files).toContain('src/read/workbook-sheet.ts');
    expect([...graph.files].filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
  });

  it('import reaches the HTTP client, cli-progress and the sandbox (for --sandbox) once it runs', () => {
    const loadedOnStart = importGraph('src/cli/commands/import.ts');
    expect([...loadedOnStart.files].filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
    expect([...loadedOnStart.packages].filter((name) => HEAVY_PACKAGES.includes(name))).toEqual([]);
    const whenRunning = importGraph('src/cli/commands/import.ts', { followDynamic: commandEntries });
    expect(whenRunning.files).toContain('src/api/transport.ts');
    expect(whenRunning.files).toContain('src/sandbox/server.ts');
    expect(whenRunning.packages).toContain('cli-progress');
  });

  it('a real validate run of a CSV of plain descriptions loads no sandbox, HTTP client, SheetJS, cli-progress, sanitize-html or luxon module', async () => {
    const loaded = await modulesLoadedByValidate('Plain words');
    // Not vacuous: the log holds the modules validate does use.
    expect(loaded).toContain('src/pipeline/validate-file.ts');
    expect(loaded.some((file) => file.includes('node_modules/csv-parse/'))).toBe(true);
    expect(loaded.some((file) => file.includes('node_modules/yargs/'))).toBe(true);
    expect(loaded.filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
    expect(loaded.filter((file) => /node_modules\/(xlsx|@e965\/xlsx|cli-progress|sanitize-html|postcss)\//.test(file))).toEqual([]);
    // Zone offsets come from time/intl-offset.ts; luxon loads only for a --date-format it must parse.
    expect(loaded.filter((file) => file.includes('node_modules/luxon/'))).toEqual([]);
  });

  it('a description whose HTML must be pruned does load sanitize-html (so the check above can see it)', async () => {
    const loaded = await modulesLoadedByValidate('"<p onclick=""x()"">Hello</p>"');
    expect(loaded.some((file) => file.includes('node_modules/sanitize-html/'))).toBe(true);
    expect(loaded.filter((file) => inSandbox(file) || inApi(file))).toEqual([]);
  });
});

describe('the published CLI bundle loads what a command needs', () => {
  // Built as `npm run build` builds it, inside the repository so that node_modules resolves.
  const out = join(REPO_ROOT, 'test-artifacts', 'lazy-loading-dist');
  let chunks: Record<string, BundleChunk>;
  /** The sources in a bundle file: src/ paths for tsc's files, node_modules/ paths for packages. */
  const sourcesOf = (file: string): string[] =>
    (chunks[file]?.inputs ?? []).map((input) => (input.startsWith('node_modules/') ? input : `src/${input}`));

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    const tsc = [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', out];
    try {
      execFileSync(process.execPath, tsc, { cwd: REPO_ROOT, encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc failed: ${(error as { stdout?: string }).stdout ?? String(error)}`);
    }
    chunks = await bundleCli(out);
  }, 120_000);

  it('main.js and the CLI it imports hold yargs and the command list, no library stage', () => {
    // main.js checks the Node version first and then imports the CLI (an import(), always taken).
    const loadedWithMain = new Set<string>(['main.js', ...(chunks['main.js']?.dynamicImports ?? [])]);
    for (const file of loadedWithMain) for (const imported of chunks[file]?.staticImports ?? []) loadedWithMain.add(imported);
    const sources = [...loadedWithMain].flatMap(sourcesOf);
    // Not vacuous: the commands and the argument parser are there.
    expect(sources).toContain('src/cli/commands/validate.js');
    expect(sources.some((input) => input.startsWith('node_modules/yargs/'))).toBe(true);
    expect(
      sources.filter((input) =>
        /^src\/(pipeline|read|validate|plan|apply|export|api|sandbox|template\/(?!template-format)|report\/html)\//.test(input),
      ),
    ).toEqual([]);
    expect(sources.filter((input) => /^node_modules\/(luxon|csv-parse|zod|xlsx|cli-progress|sanitize-html)\//.test(input))).toEqual([]);
  });

  it('a parse worker is an entry of its own, written beside the chunk that starts it', () => {
    // csv-worker-records starts new URL('./csv-parse-worker.js', import.meta.url), from its chunk in dist/cli/.
    const starter = Object.keys(chunks).filter((file) => sourcesOf(file).includes('src/read/csv-worker-records.js'));
    expect(starter).toHaveLength(1);
    expect(sourcesOf('csv-parse-worker.js')).toContain('src/read/csv-parse-worker.js');
    expect(existsSync(join(out, 'cli', 'csv-parse-worker.js'))).toBe(true);
  });

  it('names the csv-parse version it carries, so the patch check reads no package.json at run time', () => {
    // The validate chunk and the parse worker both hold csv-parse and src/read/csv-parse-patch.ts.
    const holders = Object.keys(chunks).filter((file) => sourcesOf(file).includes('src/read/csv-parse-patch.js'));
    expect(holders).toContain('csv-parse-worker.js');
    expect(holders.length).toBeGreaterThanOrEqual(2);
    for (const file of holders) {
      const text = readFileSync(join(out, 'cli', file), 'utf8');
      // Left undefined, the check would resolve and read csv-parse's package.json on every CSV read.
      expect(text).not.toContain('__GUIDEBOOK_IMPORT_BUNDLED_CSV_PARSE__');
      expect(text).toContain(JSON.stringify(PATCHED_CSV_PARSE_VERSION));
    }
  });

  it('a validate run of a CSV loads no chunk of the sandbox, the HTTP client, SheetJS, cli-progress, sanitize-html or luxon, nor node:crypto, worker_threads, zlib or assert', async () => {
    const loaded = await modulesLoadedByValidate('Plain words', join(out, 'cli', 'main.js'));
    const cliDir = `${relative(REPO_ROOT, join(out, 'cli')).split('\\').join('/')}/`;
    const sources = loaded.filter((file) => file.startsWith(cliDir)).flatMap((file) => sourcesOf(file.slice(cliDir.length)));
    // Not vacuous: the run loaded the validate pipeline and csv-parse from the bundle.
    expect(sources).toContain('src/pipeline/validate-file.js');
    expect(sources.some((input) => input.startsWith('node_modules/csv-parse/'))).toBe(true);
    expect(sources.filter((input) => /^src\/(sandbox|api)\//.test(input))).toEqual([]);
    expect(loaded.filter((file) => /node_modules\/(xlsx|@e965\/xlsx|cli-progress|sanitize-html|postcss)\//.test(file))).toEqual([]);
    expect(sources.filter((input) => input.startsWith('node_modules/luxon/'))).toEqual([]);
    // Node's own modules a small CSV's check needs none of (hashes, a parse worker, inflating a
    // workbook, yargs' failed-invariant errors): each cost a few ms of the start-up when imported.
    expect(loaded.filter((url) => ['node:assert', 'assert', 'node:crypto', 'node:worker_threads', 'node:zlib'].includes(url))).toEqual([]);
    expect(loaded.filter((file) => file.includes('node_modules/luxon/'))).toEqual([]);
    // yargs' help-text helpers are a file of their own (scripts/bundle-cli.ts), not loaded: no help was printed.
    expect(sourcesOf('yargs-help.cjs').some((input) => input.startsWith('node_modules/cliui/'))).toBe(true);
    expect(loaded.filter((file) => file.endsWith('/yargs-help.cjs'))).toEqual([]);
    // What every run loads is one chunk, and what every validate run loads besides one more: main.js,
    // the CLI it imports (run-cli.js and its chunk), validate's run and its chunk. Each file more
    // costs ~1 ms of every start (issue 15).
    const files = loaded.filter((file) => file.startsWith(cliDir));
    expect(files.map((file) => file.slice(cliDir.length).replace(/-[\w-]{8}\.js$/, '.js')).sort()).toEqual([
      'main.js',
      'run-cli.js',
      'startup.js',
      'validate-run.js',
      'validate.js',
    ]);
  }, 60_000);

  it('a module is in one file of the bundle only (one instance per process), and --help prints through the help-text file', async () => {
    const holders = new Map<string, string[]>();
    for (const [file, chunk] of Object.entries(chunks)) {
      // A worker runs on a thread of its own (its own module instances); the help file is only cliui's and string-width's.
      if (file.endsWith('-worker.js') || file === 'yargs-help.cjs') continue;
      for (const input of chunk.inputs) holders.set(input, [...(holders.get(input) ?? []), file]);
    }
    // Not vacuous: the CLI's modules are there.
    expect(holders.get('cli/run-cli.js')).toHaveLength(1);
    expect([...holders].filter(([, files]) => files.length > 1)).toEqual([]);
    const help = await promisify(execFile)(process.execPath, [join(out, 'cli', 'main.js'), 'validate', '--help'], {
      cwd: REPO_ROOT,
      env: cliEnv({ apiKey: null }),
    });
    expect(help.stdout).toContain('--write-mapping');
  }, 60_000);
});

const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;

/**
 * Runs `validate` on a one-row CSV with this Description cell, from the sources or from a built
 * main.js; the modules the child loaded, relative to the repository.
 */
async function modulesLoadedByValidate(description: string, builtMain?: string): Promise<string[]> {
  const dir = tempDir('gi-lazy');
  const sheet = join(dir, 'agenda.csv');
  writeFileSync(
    sheet,
    ['Import ID,Title,Date,Start,End,Time Zone,Description', `L-1,Keynote,2027-05-10,9:00,9:30,Europe/Berlin,${description}`].join('\n'),
  );
  const log = join(dir, 'modules.txt');
  writeFileSync(log, '');
  const moduleLog = join(REPO_ROOT, 'test/support/module-log.ts');
  const run =
    builtMain === undefined
      ? await runCli(['validate', sheet, '--json'], { apiKey: null, env: { MODULE_LOG_FILE: log }, preload: [moduleLog] })
      : await promisify(execFile)(process.execPath, ['--import', TSX, '--import', moduleLog, builtMain, 'validate', sheet, '--json'], {
          cwd: REPO_ROOT,
          env: cliEnv({ apiKey: null, env: { MODULE_LOG_FILE: log } }),
        }).then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }));
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ invalid: 0 });
  expect(readFileSync(join(dir, 'agenda.report.csv'), 'utf8')).toContain('L-1');
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))].map((url) =>
    url.startsWith('file:') ? fileURLToPath(url).replace(`${REPO_ROOT}/`, '') : url,
  );
}

describe('the library loads the sandbox only from its own subpath', () => {
  const exportsMap = (
    JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; import: string }> }
  ).exports;

  it("'guidebook-import' neither exports nor loads the sandbox", () => {
    expect('startSandbox' in library).toBe(false);
    expect(typeof library.createClient).toBe('function');
    const graph = importGraph('src/index.ts');
    expect(graph.files).toContain('src/api/transport.ts');
    expect([...graph.files].filter(inSandbox)).toEqual([]);
  });

  it("'guidebook-import/sandbox' is the built sandbox entry, with its types, and gives startSandbox", () => {
    // The build maps src/ to dist/ file for file (tsconfig.build.json: rootDir src, outDir dist).
    expect(exportsMap['./sandbox']).toEqual({ types: './dist/sandbox/index.d.ts', import: './dist/sandbox/index.js' });
    expect(exportsMap['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(typeof sandboxEntry.startSandbox).toBe('function');
    expect(typeof sandboxEntry.defaultSandboxState).toBe('function');
  });
});
