// The Dockerfile, checked where Docker itself is not available: linted (dockerfile-utils, the
// linter of the VS Code Docker extension; hadolint is neither on npm nor in Debian), its shape
// (Node 20 slim, a non-root user, the CLI as entry point), and its build commands run outside
// Docker on a copy of what it COPYs: the image's CLI starts and answers --version.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli-process.js';

const DOCKERFILE = readFileSync(resolve(REPO_ROOT, 'Dockerfile'), 'utf8');

/** The Dockerfile's instructions, continuation lines joined. */
function instructions(): Array<{ keyword: string; args: string }> {
  return DOCKERFILE.replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.trim().split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  it('passes the linter (and the linter does find problems)', () => {
    expect(validate(DOCKERFILE).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    expect(validate('FROM node:20-slim\nEXPOSE port\nENTRYPOINT guidebook-import [\n').length).toBeGreaterThan(0);
  });

  it('builds on Node 20 slim, runs as a non-root user, with the CLI as its entry point', () => {
    const all = instructions();
    const froms = all.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(' ')[0]);
    expect(froms.every((image) => image === 'node:20-slim')).toBe(true);
    const last = all.map((i) => i.keyword).lastIndexOf('USER');
    expect(all[last]?.args).toBe('node');
    expect(all.findIndex((i) => i.keyword === 'ENTRYPOINT')).toBeGreaterThan(last);
    expect(all.find((i) => i.keyword === 'ENTRYPOINT')?.args).toBe('["guidebook-import"]');
    // Only what the build needs goes into the context.
    const ignored = readFileSync(resolve(REPO_ROOT, '.dockerignore'), 'utf8');
    for (const entry of ['node_modules', 'dist', '.git', 'test']) expect(ignored.split('\n')).toContain(entry);
  });

  it('its build commands, run outside Docker on a copy of what it COPYs, make a CLI that starts', () => {
    const app = mkdtempSync(join(tmpdir(), 'gbi-docker-build-'));
    try {
      const copies = instructions().filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'));
      for (const { args } of copies) {
        const parts = args.split(' ');
        for (const source of parts.slice(0, -1)) cpSync(resolve(REPO_ROOT, source), join(app, source), { recursive: true });
      }
      // `npm ci` installs exactly the lock file: the repository's own install stands in for it
      // (so this test needs no network), and `npm prune` is left out (it would prune that install).
      symlinkSync(resolve(REPO_ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
      const runs = instructions()
        .filter((i) => i.keyword === 'RUN')
        .map((i) => i.args);
      expect(runs[0]).toMatch(/^npm ci /);
      const build = runs.find((command) => command.startsWith('npm run build'))!;
      execFileSync('bash', ['-c', build.split(' && npm prune')[0]!], { cwd: app, stdio: 'pipe' });
      expect(existsSync(join(app, 'dist/cli/main.js'))).toBe(true);
      const version = execFileSync(join(app, 'dist/cli/main.js'), ['--version'], { cwd: app, encoding: 'utf8' });
      expect(version.trim()).toBe(JSON.parse(readFileSync(resolve(REPO_ROOT, 'package.json'), 'utf8')).version);
      // The runtime stage copies templates/ and samples/: the template command finds its files.
      for (const folder of ['templates', 'samples']) expect(existsSync(join(app, folder))).toBe(true);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  }, 300_000);
});
