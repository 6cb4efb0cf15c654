// What `npm publish` would ship, as `npm pack --dry-run --json` lists it: the built library and
// CLI, the JSON Schemas, templates and samples, README and LICENSE; no TypeScript sources (the
// samples' and templates' generators included), no tests, benches or scripts.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, SUPPORTED_NODE } from '../../src/cli/node-version.js';
import { REPO_ROOT, runCli } from '../support/cli-process.js';

const run = promisify(execFile);

async function packedFiles(): Promise<string[]> {
  // --ignore-scripts: list what is on disk, without building first.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { stdout } = await run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, maxBuffer: 20 * 1024 * 1024 });
  const [pack] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
  return (pack?.files ?? []).map((file) => file.path);
}

describe('the published package', () => {
  it('holds the built CLI and library, the schemas, templates, samples, README and LICENSE, and nothing else', async () => {
    const files = await packedFiles();
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/cli/main.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/sandbox/index.js',
      'schemas/json-summary.schema.json',
      'schemas/config.schema.json',
      'schemas/mapping.schema.json',
      'templates/agenda-template.xlsx',
      'samples/devcon-2027.xlsx',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const sources = files.filter((path) => /\.(?:ts|mts|cts|tsx)$/.test(path) && !/\.d\.[mc]?ts$/.test(path));
    expect(sources).toEqual([]);
    const tops = new Set(files.map((path) => path.split('/')[0]));
    for (const top of tops) expect(['package.json', 'README.md', 'LICENSE', 'dist', 'schemas', 'templates', 'samples']).toContain(top);
  }, 60_000);

  it('leaves out the report a rehearsal run writes beside the sample sheet (README: import samples/devcon-2027.xlsx --sandbox)', async () => {
    const stray = ['samples/zz-pack-probe.report.csv', 'samples/zz-pack-probe.report.html', 'templates/zz-pack-probe.report.json'];
    try {
      for (const path of stray) writeFileSync(join(REPO_ROOT, path), 'a run report\n');
      const files = await packedFiles();
      expect(files).toContain('samples/devcon-2027.xlsx');
      expect(files.filter((path) => /\.report\.(?:csv|json|html)$/.test(path))).toEqual([]);
    } finally {
      for (const path of stray) rmSync(join(REPO_ROOT, path), { force: true });
    }
  }, 60_000);

  it('names its licence, repository, homepage, bugs and keywords, and engines that fit its dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg).toHaveProperty('repository.url');
    expect(pkg).toHaveProperty('bugs.url');
    expect(typeof pkg.homepage).toBe('string');
    expect((pkg.keywords as string[]).length).toBeGreaterThan(3);
    expect(pkg.engines).toEqual({ node: SUPPORTED_NODE });
    const yargs = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/yargs/package.json'), 'utf8')) as { engines: { node: string } };
    expect(yargs.engines.node).toBe('^20.19.0 || ^22.12.0 || >=23');
  });

  it('engines: every runtime dependency, direct or not, runs on the oldest Node of each supported line', () => {
    // The oldest version of each line SUPPORTED_NODE admits, and a current one.
    const oldest = SUPPORTED_NODE.split('||').map((range) => /\d+(?:\.\d+){0,2}/.exec(range)?.[0] ?? '');
    expect(oldest).toEqual(['20.19.0', '22.12.0', '23']);
    const versions = ['20.19.0', '22.12.0', '23.0.0', process.versions.node];
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional);
    expect(runtime.length).toBeGreaterThan(9);
    const refusals: string[] = [];
    for (const [path] of runtime) {
      const { engines } = JSON.parse(readFileSync(join(REPO_ROOT, path, 'package.json'), 'utf8')) as { engines?: { node?: string } };
      if (!engines?.node) continue;
      for (const version of versions)
        if (!satisfiesRange(version, engines.node)) refusals.push(`${path} (${engines.node}) refuses Node ${version}`);
    }
    expect(refusals).toEqual([]);
  });

  it('has scripts a Windows shell runs too: no rm, chmod or other POSIX-only commands', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script, name).not.toMatch(/(?:^|&&|\|\||;)\s*(?:rm|chmod|cp|mv|mkdir|export|cat)\s/);
      // cmd.exe does not take single quotes as quoting: only inside a double-quoted argument.
      expect(script.replace(/"[^"]*"/g, '""'), name).not.toContain("'");
    }
  });
});

type Version = [number, number, number];

/** Whether a version is in an npm engines range (the forms dependencies use: ||, >=, <, ^, ~, x.*, partial versions). */
function satisfiesRange(version: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const v: Version = [major, minor, patch];
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(v, comparator)),
  );
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function satisfiesComparator(v: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?v?(\d+|[x*])(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?$/.exec(comparator);
  if (!match) throw new Error(`engines comparator not understood: ${comparator}`);
  const [, op = '=', ...texts] = match;
  const given = texts.filter((text) => text !== undefined && /^\d+$/.test(text)).map(Number);
  if (given.length === 0) return true; // *, x
  const low: Version = [given[0] ?? 0, given[1] ?? 0, given[2] ?? 0];
  // The first version past a partial one ("6" → 7.0.0, "13.7" → 13.8.0), or past a caret/tilde range.
  const next = (depth: number): Version =>
    depth === 0 ? [low[0] + 1, 0, 0] : depth === 1 ? [low[0], low[1] + 1, 0] : [low[0], low[1], low[2] + 1];
  switch (op) {
    case '>=':
      return compare(v, low) >= 0;
    case '>':
      return compare(v, given.length === 3 ? low : next(given.length - 1)) >= (given.length === 3 ? 1 : 0);
    case '<':
      return compare(v, low) < 0;
    case '<=':
      return compare(v, next(given.length - 1)) < 0;
    case '^':
      return compare(v, low) >= 0 && compare(v, next(low[0] > 0 || given.length === 1 ? 0 : low[1] > 0 || given.length === 2 ? 1 : 2)) < 0;
    case '~':
      return compare(v, low) >= 0 && compare(v, next(given.length === 1 ? 0 : 1)) < 0;
    default:
      return compare(v, low) >= 0 && compare(v, next(given.length - 1)) < 0;
  }
}

describe('engines ranges as the test reads them', () => {
  it('reads the forms the dependencies use', () => {
    const cases: Array<[string, string, boolean]> = [
      ['20.19.0', '^20.19.0 || ^22.12.0 || >=23', true],
      ['20.18.9', '^20.19.0 || ^22.12.0 || >=23', false],
      ['21.0.0', '^20.19.0 || ^22.12.0 || >=23', false],
      ['20.19.0', '^10 || ^12 || ^13.7 || ^14 || >=15.0.1', true],
      ['13.6.0', '^10 || ^12 || ^13.7 || ^14 || >=15.0.1', false],
      ['20.19.0', '6.* || 8.* || >= 10.*', true],
      ['9.0.0', '6.* || 8.* || >= 10.*', false],
      ['20.19.0', '>= 4', true],
      ['20.19.0', '<20', false],
      ['20.19.0', '>20', false],
      ['21.0.0', '>20', true],
      ['20.19.0', '~20.18.0', false],
    ];
    for (const [version, range, expected] of cases) expect(satisfiesRange(version, range), `${version} in ${range}`).toBe(expected);
  });
});

describe('the Node.js version check', () => {
  it('the bin on an older Node prints one line naming the fix and exits 2, before loading anything else', async () => {
    const fake = (version: string) =>
      `data:text/javascript,${encodeURIComponent(`Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });`)}`;
    for (const old of ['18.20.4', '22.11.0']) {
      const result = await runCli(['import', 'agenda.xlsx', '--guide', '1', '--sandbox'], { preload: [fake(old)] });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`${nodeVersionProblem(old)}\n`);
    }
    const current = await runCli(['--version'], { preload: [fake('20.19.0')] });
    expect(current.code, current.stderr).toBe(0);
    expect(current.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 60_000);

  it('accepts what the dependencies run on and names the fix otherwise', () => {
    for (const ok of ['20.19.0', '20.20.2', '22.12.0', '23.1.0', '24.0.0']) expect(nodeVersionProblem(ok), ok).toBeNull();
    for (const old of ['18.20.4', '20.18.1', '22.11.0', '21.7.3']) {
      expect(nodeVersionProblem(old)).toBe(
        `guidebook-import needs Node.js 20.19 or newer (22.12 or newer on Node 22); this is Node.js ${old}. Install a current LTS from https://nodejs.org and run it again.`,
      );
    }
  });
});
