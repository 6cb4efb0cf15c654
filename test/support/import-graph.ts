// The import graph of the sources, read from the text of src/ itself: which files and packages a
// module loads when it is loaded (its static `import`/`export ... from` lines, transitively), and
// which more it may load later (its `import('...')` calls). `import type` lines load nothing and are
// skipped. Every relative import must name a file that exists, so a wrong resolution fails loudly
// instead of making the graph look small.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { REPO_ROOT } from './cli-process.js';

export interface ImportGraph {
  /** Source files reached, relative to the repository root (src/cli/main.ts). */
  files: Set<string>;
  /** Packages reached, by the name they are imported by (xlsx, csv-parse); node: builtins left out. */
  packages: Set<string>;
}

const STATIC_IMPORT = /^[ \t]*(?:import|export)[ \t]+(?!type[ \t{])(?:[^'";]*?[\s}*]from[ \t]*)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface WalkOptions {
  /** Follow `import('...')` in the files this accepts (by root-relative path); default none. */
  followDynamic?: (file: string) => boolean;
}

/** The graph reached from `entry` (a path relative to the repository root). */
export function importGraph(entry: string, options: WalkOptions = {}): ImportGraph {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(REPO_ROOT, entry)];
  while (pending.length > 0) {
    const path = pending.pop()!;
    const name = relative(REPO_ROOT, path);
    if (files.has(name)) continue;
    if (!existsSync(path)) throw new Error(`import graph: ${name} is imported but does not exist`);
    files.add(name);
    const source = stripComments(readFileSync(path, 'utf8'));
    const specifiers = [...source.matchAll(STATIC_IMPORT)].map((match) => match[1]!);
    if (options.followDynamic?.(name)) specifiers.push(...[...source.matchAll(DYNAMIC_IMPORT)].map((match) => match[1]!));
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(path), specifier.replace(/\.js$/, '.ts')));
      else if (!specifier.startsWith('node:')) packages.add(packageName(specifier));
    }
  }
  return { files, packages };
}

/** 'xlsx' for 'xlsx', '@scope/name' for '@scope/name/sub'. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Comments out, so an import quoted in a comment is not taken for one (strings are left alone). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}
