// The published CLI is a bundle: `npm run build` compiles src/ with tsc (dist/ file for file: the
// library entries and their .d.ts stay so), then this replaces dist/cli/ with an esbuild bundle of
// dist/cli/main.js. Why: Node resolved, compiled and linked ~130 ES modules (ours and yargs') on
// every start, most of the start-up of `validate` on a small sheet (issue 15). The bundle keeps the
// CLI's laziness: code splitting turns each command's dynamic import() into a chunk loaded only
// when that command runs.
//
// The chunks are written to dist/cli/, where tsc's cli/*.js were, so every path the code finds
// from import.meta.url still resolves: ../../package.json (the version), createRequire for
// csv-parse and sanitize-html, and worker files started with `new Worker(new URL('./x-worker.js',
// import.meta.url))`, which are bundle entries of their own (every dist/**/*-worker.js), written
// beside the chunks that start them.
//
// yargs is bundled too, with three changes to its Node platform shim (lib/platform-shims/esm.mjs),
// checked below so that a yargs update cannot drop them silently:
// - cliui and string-width are loaded on first use: they build help text only, and string-width's
//   module body alone (an Intl.Segmenter and Unicode property regexes) cost ~50 ms of every start;
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
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Packages the bundle leaves to node_modules: large, CommonJS, and each loaded by one command only. */
const EXTERNAL = ['xlsx', 'cli-progress', 'sanitize-html'];

/** The yargs shim's static imports of cliui and string-width become imports of LAZY_DEPS. */
const LAZY_DEPS = 'guidebook-import:lazy-yargs-deps';

/** Where the yargs shim is changed, and to what: [the shim's text, its replacement]. */
const YARGS_SHIM_EDITS: ReadonlyArray<readonly [string, string]> = [
  ["import { notStrictEqual, strictEqual } from 'assert'\n", `import { notStrictEqual, strictEqual } from '${LAZY_DEPS}'\n`],
  ["import cliui from 'cliui'\n", `import { cliui } from '${LAZY_DEPS}'\n`],
  ["import stringWidth from 'string-width';\n", `import { stringWidth } from '${LAZY_DEPS}';\n`],
  ["directory: resolve(__dirname, '../../../locales')", "directory: resolve(__dirname, '../yargs-locales')"],
];

/**
 * The same functions, loaded on first call: a require() inside a function is bundled as a module
 * initialised when the function first runs (the shim itself binds `require` to createRequire, so
 * this lives in a module of its own). cliui's ESM entry also names itself as `module.exports`.
 * assert's strictEqual and notStrictEqual compare with Object.is: node:assert is asked only to
 * throw its own AssertionError for a check that fails.
 */
const LAZY_DEPS_SOURCE = `
const fn = (loaded) => (typeof loaded === 'function' ? loaded : loaded.default);
let cliuiFn; let stringWidthFn;
export const cliui = (...args) => (cliuiFn ??= fn(require('cliui')))(...args);
export const stringWidth = (...args) => (stringWidthFn ??= fn(require('string-width')))(...args);
export const strictEqual = (actual, expected, message) => {
  if (!Object.is(actual, expected)) require('node:assert').strictEqual(actual, expected, message);
};
export const notStrictEqual = (actual, expected, message) => {
  if (Object.is(actual, expected)) require('node:assert').notStrictEqual(actual, expected, message);
};
`;

const lazyYargsShim: Plugin = {
  name: 'lazy-yargs-shim',
  setup(build) {
    const shim = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
    build.onLoad({ filter: shim, namespace: 'file' }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [from, to] of YARGS_SHIM_EDITS) {
        if (!text.includes(from)) throw new Error(`bundle-cli: yargs' shim no longer holds ${JSON.stringify(from)} (${args.path})`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
    // Resolved from yargs' own directory, so that it gets the cliui and string-width yargs depends on.
    build.onResolve({ filter: new RegExp(`^${LAZY_DEPS}$`) }, (args) => ({
      path: 'yargs-lazy-deps.js',
      namespace: 'lazy-yargs-deps',
      pluginData: { resolveDir: args.resolveDir },
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-yargs-deps' }, (args) => ({
      contents: LAZY_DEPS_SOURCE,
      loader: 'js',
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
    }));
  },
};

/** Bundled CommonJS code calls require(): every chunk gets one. */
const BANNER = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

/** Every file under dir whose name ends with suffix. */
function filesEndingWith(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith(suffix) && statSync(path).isFile());
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

/**
 * Bundles distDir/cli/main.js (tsc's output) into distDir/cli/, replacing tsc's cli/ files; what
 * each written file (by its name in dist/cli/) holds.
 */
export async function bundleCli(distDir: string): Promise<Record<string, BundleChunk>> {
  const dist = resolve(distDir);
  const staging = join(dist, '.cli-bundle');
  rmSync(staging, { recursive: true, force: true });
  const entry = join(dist, 'cli', 'main.js');
  if (readFileSync(entry, 'utf8').includes(BANNER)) throw new Error(`bundle-cli: ${entry} is a bundle already: compile with tsc first`);
  // tsc's outputs: the ones under cli/ are replaced by the bundle.
  const workers = filesEndingWith(dist, '-worker.js').filter((path) => !relative(dist, path).startsWith(`cli${sep}`));
  const options = {
    outdir: staging,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    plugins: [lazyYargsShim],
    banner: { js: BANNER },
    legalComments: 'inline',
    metafile: true,
    absWorkingDir: dist,
    logLevel: 'warning',
  } satisfies BuildOptions;
  const cli = await build({ ...options, entryPoints: [{ in: entry, out: 'main' }], splitting: true });
  // Each worker whole, in a file of its own: a thread has its own module instances anyway, and
  // sharing chunks with the CLI would split the CLI's modules into more (smaller) files to load.
  const threads = await Promise.all(
    workers.map((path) => build({ ...options, entryPoints: [{ in: path, out: basename(path, '.js') }], splitting: false })),
  );
  const yargsDir = dirname(createRequire(join(ROOT, 'package.json')).resolve('yargs/package.json'));
  cpSync(join(yargsDir, 'locales'), join(staging, 'yargs-locales'), { recursive: true });
  const main = join(staging, 'main.js');
  // The bin keeps its shebang as the first line (esbuild keeps the entry's) and its execute bit
  // (a no-op on Windows).
  if (!readFileSync(main, 'utf8').startsWith('#!')) throw new Error('bundle-cli: the bundled main.js lost its #! line');
  chmodSync(main, 0o755);
  rmSync(join(dist, 'cli'), { recursive: true, force: true });
  renameSync(staging, join(dist, 'cli'));
  return Object.assign(chunksOf(cli.metafile), ...threads.map((thread) => chunksOf(thread.metafile)));
}

function chunksOf(metafile: Metafile): Record<string, BundleChunk> {
  // esbuild names files relative to absWorkingDir (dist/): outputs are in .cli-bundle/ then.
  const name = (output: string): string => basename(output);
  const input = (path: string): string => {
    const unix = path.split('\\').join('/');
    const packagePath = unix.lastIndexOf('node_modules/');
    return packagePath >= 0 ? unix.slice(packagePath) : unix.replace(/^(?:file:)?/, '');
  };
  const chunks: Record<string, BundleChunk> = {};
  for (const [output, { inputs, imports }] of Object.entries(metafile.outputs)) {
    if (!output.endsWith('.js')) continue;
    chunks[name(output)] = {
      inputs: Object.keys(inputs).map(input),
      staticImports: imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => name(i.path)),
      dynamicImports: imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => name(i.path)),
    };
  }
  return chunks;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleCli(process.argv[2] ?? join(ROOT, 'dist'));
}
