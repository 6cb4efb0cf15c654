// What `npm publish` would ship, as `npm pack --dry-run --json` lists it: the built library and
// CLI, the JSON Schemas, templates and samples, README and LICENSE; no TypeScript sources (the
// samples' and templates' generators included), no tests, benches or scripts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, SUPPORTED_NODE } from '../../src/cli/node-version.js';
import { REPO_ROOT } from '../support/cli-process.js';

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

  it('has scripts a Windows shell runs too: no rm, chmod or other POSIX-only commands', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const [name, script] of Object.entries(pkg.scripts)) {
      expect(script, name).not.toMatch(/(?:^|&&|\|\||;)\s*(?:rm|chmod|cp|mv|mkdir|export|cat)\s/);
      // cmd.exe does not take single quotes as quoting: only inside a double-quoted argument.
      expect(script.replace(/"[^"]*"/g, '""'), name).not.toContain("'");
    }
  });
});

describe('the Node.js version check', () => {
  it('accepts what the dependencies run on and names the fix otherwise', () => {
    for (const ok of ['20.19.0', '20.20.2', '22.12.0', '23.1.0', '24.0.0']) expect(nodeVersionProblem(ok), ok).toBeNull();
    for (const old of ['18.20.4', '20.18.1', '22.11.0', '21.7.3']) {
      expect(nodeVersionProblem(old)).toBe(
        `guidebook-import needs Node.js 20.19 or newer (22.12 or newer on Node 22); this is Node.js ${old}. Install a current LTS from https://nodejs.org and run it again.`,
      );
    }
  });
});
