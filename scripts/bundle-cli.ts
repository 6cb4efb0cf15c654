// The published CLI is a bundle: `npm run build` compiles src/ with tsc (dist/ file for file: the
// library entries and their .d.ts stay so), then this replaces dist/cli/ with a bundle of
// dist/cli/main.js. Why: Node resolves, reads, compiles and links every ES module file on every
// start (~1 ms a file), most of the start-up of `validate` on a small sheet (issue 15). The bundle
// keeps the CLI's laziness: each command's import() is a chunk loaded only when that command runs.
//
// rolldown, not esbuild, writes the CLI's chunks: esbuild (used before) splits by which import()
// points reach a module, so a validate run loaded 34 small files; rolldown's code-splitting groups
// put what every run loads (main.js's import of cli/run-cli.js and all it imports) in one chunk and what every
// validate run loads (cli/commands/validate-run.js and all it imports besides) in one more, so a
// validate run loads 5 files. One build, so a module is still instantiated once per process
// whichever chunk holds it. The groups are read from the module graph (STARTUP, VALIDATE below).
//
// The chunks are written to dist/cli/, where tsc's cli/*.js were, so every path the code finds
// from import.meta.url still resolves: ../../package.json (the version), createRequire for
// csv-parse and sanitize-html, and worker files started with `new Worker(new URL('./x-worker.js',
// import.meta.url))`, each bundled whole into a file of its own (every dist/**/*-worker.js), written
// beside the chunks that start them. rolldown writes every file of the bundle (one bundler, one set
// of settings: externals, the csv-parse version define).
//
// yargs is bundled too, with three changes to its Node platform shim (lib/platform-shims/esm.mjs),
// checked below so that a yargs update cannot drop them silently:
// - cliui and string-width (help text only) are in a file of their own, yargs-help.cjs, required
//   on first use: string-width's module body (an Intl.Segmenter and Unicode property regexes)
//   cost ~50 ms of every start, and its regexes alone cost ~10 ms to compile in a chunk;
// - its two assert functions (invariant checks on every parse) load node:assert only when a check
//   fails, to throw the very error assert throws: node:assert cost ~5 ms of every start;
// - y18n's locale files (yargs' help and error texts in the user's LANG) are read from a copy in
//   dist/cli/yargs-locales/, since the shim finds them from its own file's location.
// SheetJS and cli-progress stay external (loaded from node_modules by the commands that use them),
// as does sanitize-html (required at run time).
import { chmodSync, cpSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OutputChunk, type Plugin, rolldown } from 'rolldown';
import { installedVersion } from '../src/read/csv-parse-patch.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages the bundle leaves to node_modules: large, CommonJS, and each loaded by one command only. */
const EXTERNAL = ['xlsx', 'cli-progress', 'sanitize-html'];

/**
 * csv-parse goes into the bundle, and src/read/csv-parse-patch.ts patches one version of it: the
 * bundle names the version it carries, so that the check reads no package.json at run time.
 */
const BUNDLED_VERSIONS = { __GUIDEBOOK_IMPORT_BUNDLED_CSV_PARSE__: JSON.stringify(installedVersion()) };

/** The yargs shim's imports of assert, cliui and string-width become imports of LAZY_DEPS. */
const LAZY_DEPS = 'guidebook-import:lazy-yargs-deps';

/** The file in dist/cli/ that holds cliui and string-width, required by LAZY_DEPS on first use. */
const HELP_DEPS_FILE = 'yargs-help.cjs';

/** Where the yargs shim is changed, and to what: [the shim's text, its replacement]. */
const YARGS_SHIM_EDITS: ReadonlyArray<readonly [string, string]> = [
  ["import { notStrictEqual, strictEqual } from 'assert'\n", `import { notStrictEqual, strictEqual } from '${LAZY_DEPS}'\n`],
  ["import cliui from 'cliui'\n", `import { cliui } from '${LAZY_DEPS}'\n`],
  ["import stringWidth from 'string-width';\n", `import { stringWidth } from '${LAZY_DEPS}';\n`],
  ["directory: resolve(__dirname, '../../../locales')", "directory: resolve(__dirname, '../yargs-locales')"],
];

/**
 * The same functions, loaded on first call: HELP_DEPS_FILE is required (from the chunk's own
 * folder, dist/cli/) when help text is first built. assert's strictEqual and notStrictEqual compare
 * with Object.is: node:assert is asked only to throw its own AssertionError for a check that fails.
 */
const LAZY_DEPS_SOURCE = `
let help;
const helpDeps = () => (help ??= require('./${HELP_DEPS_FILE}'));
export const cliui = (...args) => helpDeps().cliui(...args);
export const stringWidth = (...args) => helpDeps().stringWidth(...args);
export const strictEqual = (actual, expected, message) => {
  if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message);
};
export const notStrictEqual = (actual, expected, message) => {
  if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message);
};
`;

/** HELP_DEPS_FILE's source, bundled from yargs' own folder (the cliui and string-width yargs depends on). */
const HELP_DEPS_SOURCE = `
const fn = (loaded) => (typeof loaded === 'function' ? loaded : loaded.default);
module.exports = { cliui: fn(require('cliui')), stringWidth: fn(require('string-width')) };
`;

const YARGS_SHIM = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;

const lazyYargsShim: Plugin = {
  name: 'lazy-yargs-shim',
  resolveId(id) {
    if (id === LAZY_DEPS) return `\0${LAZY_DEPS}`;
    // Left to Node: required at run time from the chunk's folder.
    if (id === `./${HELP_DEPS_FILE}`) return { id, external: true };
    return null;
  },
  load(id) {
    if (id === `\0${LAZY_DEPS}`) return LAZY_DEPS_SOURCE;
    if (!YARGS_SHIM.test(id)) return null;
    let text = readFileSync(id, 'utf8');
    for (const [from, to] of YARGS_SHIM_EDITS) {
      if (!text.includes(from)) throw new Error(`bundle-cli: yargs' shim no longer holds ${JSON.stringify(from)} (${id})`);
      text = text.replace(from, to);
    }
    return text;
  },
};

/** The modules a chunk group takes: filled from the module graph once it is built. */
interface Groups {
  /** All that cli/run-cli.js imports (main.js imports it on every start): one chunk. */
  startup: Set<string>;
  /** All that cli/commands/validate-run.js imports besides: one more chunk for a validate run. */
  validate: Set<string>;
}

/** Fills groups from the module graph: each entry's static imports, all the way down, minus the earlier groups'. */
function groupsFromGraph(groups: Groups): Plugin {
  return {
    name: 'chunk-groups',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const find = (suffix: string): string => {
        const id = ids.find((path) => path.split(sep).join('/').endsWith(suffix));
        if (id === undefined) throw new Error(`bundle-cli: no ${suffix} in the CLI's module graph`);
        return id;
      };
      const collect = (entry: string, into: Set<string>, taken: ReadonlySet<string>): void => {
        const todo = [...(this.getModuleInfo(entry)?.importedIds ?? [])];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
          if (id === entry || into.has(id) || taken.has(id)) continue;
          into.add(id);
          todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      };
      collect(find('/cli/run-cli.js'), groups.startup, new Set());
      collect(find('/cli/commands/validate-run.js'), groups.validate, groups.startup);
    },
  };
}

/** One file of the bundle: what it holds and which chunks it imports statically. */
export interface BundleChunk {
  /** tsc's files it holds by their path in dist/ ("pipeline/validate-file.js"), packages' from node_modules/ on. */
  inputs: string[];
  /** The chunks (names in dist/cli/) it imports with an import statement, i.e. loads with itself. */
  staticImports: string[];
  /** The chunks it may load later with import(). */
  dynamicImports: string[];
}

/** Every file under dir whose name ends with suffix. */
function filesEndingWith(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith(suffix) && statSync(path).isFile());
}

/** A module's path as BundleChunk.inputs names it: in dist/, or from node_modules/ on. */
function inputName(dist: string, path: string): string {
  const unix = path.split('\\').join('/');
  const packagePath = unix.lastIndexOf('node_modules/');
  return packagePath >= 0 ? unix.slice(packagePath) : relative(dist, path).split(sep).join('/');
}

/**
 * Bundles distDir/cli/main.js (tsc's output) into distDir/cli/, replacing tsc's cli/ files; what
 * each written file (by its name in dist/cli/) holds.
 */
export async function bundleCli(distDir: string): Promise<Record<string, BundleChunk>> {
  const dist = resolve(distDir);
  const staging = join(dist, '.cli-bundle');
  rmSync(staging, { recursive: true, force: true });
  const entry = join(dist, 'cli', 'main.js');
  if (!existsAsTscOutput(entry)) throw new Error(`bundle-cli: ${entry} is a bundle already: compile with tsc first`);
  const chunks: Record<string, BundleChunk> = {};

  const groups: Groups = { startup: new Set(), validate: new Set() };
  const cli = await rolldown({
    input: { main: entry },
    platform: 'node',
    cwd: dist,
    transform: { define: BUNDLED_VERSIONS },
    external: [...EXTERNAL, /^node:/],
    plugins: [lazyYargsShim, groupsFromGraph(groups)],
    logLevel: 'warn',
    // open-source.js is imported by the sheet readers and also import()ed by the speakers reader:
    // it stays in the chunk of the former, as it should.
    onLog: (level, log, handler) => {
      if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
    },
  });
  const { output } = await cli.write({
    dir: staging,
    format: 'es',
    // Licences stay; doc comments go (less to read and compile on every start).
    comments: { legal: true, annotation: false, jsdoc: false },
    codeSplitting: {
      groups: [
        { name: 'startup', test: (id) => groups.startup.has(id), priority: 2 },
        { name: 'validate', test: (id) => groups.validate.has(id), priority: 1 },
      ],
    },
  });
  await cli.close();
  const written = new Set(output.map((file) => file.fileName));
  for (const file of output) {
    if (file.type !== 'chunk') continue;
    chunks[file.fileName] = chunkOf(dist, file, written);
  }

  // Each worker whole, in a file of its own: a thread has its own module instances anyway.
  const workers = filesEndingWith(dist, '-worker.js').filter((path) => !relative(dist, path).startsWith(`cli${sep}`));
  for (const path of workers) Object.assign(chunks, await bundleWhole(dist, staging, path, basename(path), 'es'));

  // cliui and string-width, for the help text only (LAZY_DEPS_SOURCE requires them), resolved
  // from yargs' own folder: the entry is a module of HELP_DEPS_SOURCE's text placed there.
  const yargsDir = dirname(createRequire(join(ROOT, 'package.json')).resolve('yargs/package.json'));
  const helpEntry = join(yargsDir, HELP_DEPS_FILE);
  const helpSource: Plugin = {
    name: 'yargs-help-entry',
    resolveId: (id) => (id === helpEntry ? id : null),
    load: (id) => (id === helpEntry ? HELP_DEPS_SOURCE : null),
  };
  Object.assign(chunks, await bundleWhole(dist, staging, helpEntry, HELP_DEPS_FILE, 'cjs', [helpSource]));

  cpSync(join(yargsDir, 'locales'), join(staging, 'yargs-locales'), { recursive: true });
  const main = join(staging, 'main.js');
  // The bin keeps its shebang as the first line (the entry's) and its execute bit (a no-op on Windows).
  if (!readFileSync(main, 'utf8').startsWith('#!')) throw new Error('bundle-cli: the bundled main.js lost its #! line');
  chmodSync(main, 0o755);
  rmSync(join(dist, 'cli'), { recursive: true, force: true });
  renameSync(staging, join(dist, 'cli'));
  return chunks;
}

/** True for tsc's main.js (the bundle's is marked by rolldown's region comments and chunk imports). */
function existsAsTscOutput(path: string): boolean {
  return !/from "\.\/run-cli-[\w-]+\.js"|import\("\.\/run-cli-[\w-]+\.js"\)/.test(readFileSync(path, 'utf8'));
}

function chunkOf(dist: string, chunk: OutputChunk, written: ReadonlySet<string>): BundleChunk {
  return {
    inputs: chunk.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => inputName(dist, id)),
    staticImports: chunk.imports.filter((name) => written.has(name)),
    dynamicImports: chunk.dynamicImports.filter((name) => written.has(name)),
  };
}

/** `input` bundled whole into staging/`file` (no chunks), with what it holds. */
async function bundleWhole(
  dist: string,
  staging: string,
  input: string,
  file: string,
  format: 'es' | 'cjs',
  plugins: Plugin[] = [],
): Promise<Record<string, BundleChunk>> {
  const bundle = await rolldown({
    input,
    platform: 'node',
    cwd: dist,
    external: [...EXTERNAL, /^node:/],
    transform: { define: BUNDLED_VERSIONS },
    plugins,
    logLevel: 'warn',
  });
  const { output } = await bundle.write({
    file: join(staging, file),
    format,
    comments: { legal: true, annotation: false, jsdoc: false },
  });
  await bundle.close();
  const chunk = output.find((written): written is OutputChunk => written.type === 'chunk');
  if (chunk === undefined || output.filter((written) => written.type === 'chunk').length !== 1) {
    throw new Error(`bundle-cli: ${file} was not bundled into one file`);
  }
  return { [file]: { ...chunkOf(dist, chunk, new Set()), staticImports: [], dynamicImports: [] } };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli(process.argv[2] ?? join(ROOT, 'dist'));
}
