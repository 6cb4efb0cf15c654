import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = ['--import', 'tsx', 'src/cli/main.ts'];

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('CLI frame', () => {
  it('lists the five commands in --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of ['import <file>', 'validate <file>', 'template', 'export', 'sandbox']) {
      expect(stdout).toContain(name);
    }
  });

  it('prints the version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('rejects an unknown command with one clear line and exit 2', async () => {
    const { code, stderr } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it('suggests the command meant, in one line', async () => {
    const { code, stderr } = await runCli(['improt', 'agenda.csv']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'guidebook-import: unknown command "improt": did you mean "import"? (run "guidebook-import --help" for the commands: ' +
        `${stderr.match(/commands: ([^)]*)\)/)?.[1]})`,
    );
    expect(stderr).toContain('import, validate');
  });

  it('names the misspelt command, not an option typed after it', async () => {
    for (const args of [
      ['exprot', '--guide', '47'],
      ['exprot', '--json'],
    ]) {
      const { code, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^guidebook-import: unknown command "exprot": did you mean "export"\? \(run "guidebook-import --help"/);
    }
    const version = await runCli(['--verison']);
    expect(version.code).toBe(2);
    expect(version.stderr).toMatch(
      /^guidebook-import: unknown option --verison \(did you mean --version\?\) \(run "guidebook-import --help"/,
    );
    const options = await runCli(['--dryrun']);
    expect(options.code).toBe(2);
    expect(options.stderr).toMatch(/^guidebook-import: unknown option --dryrun: name a command first \(run "guidebook-import --help"/);
  });

  it("says a missing file or a value outside the choices in the CLI's words, not yargs'", async () => {
    const missing = await runCli(['import', '--guide', '47']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(
      'guidebook-import: import: missing <file>: guidebook-import import <file> (a sheet, a feed, an http(s) URL, or - for standard input) (run "guidebook-import import --help" for usage)',
    );
    const choice = await runCli(['template', '--format', 'xls']);
    expect(choice.code).toBe(2);
    expect(choice.stderr.trim()).toBe(
      'guidebook-import: --format must be csv or xlsx; got "xls" (run "guidebook-import template --help" for usage)',
    );
  });

  it('refuses a word after completion before writing any script', async () => {
    const { code, stdout, stderr } = await runCli(['completion', 'fish']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'guidebook-import: completion: unexpected argument "fish": it writes the script for the shell in $SHELL (bash or zsh), e.g. guidebook-import completion >> ~/.bashrc',
    );
  });

  it("suggests the options meant and points to the command's own --help", async () => {
    const { code, stderr } = await runCli(['import', 'agenda.csv', 'stray', '--guide', '1', '--dryrun', '--creat-missing', '-z']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^guidebook-import: import: /);
    expect(stderr).toContain('unknown option --dryrun (did you mean --dry-run?)');
    expect(stderr).toContain('unknown option --creat-missing (did you mean --create-missing?)');
    expect(stderr).toContain('unknown option -z;');
    expect(stderr).toContain('unexpected argument "stray"');
    expect(stderr.trim()).toMatch(/\(run "guidebook-import import --help" for its options\)$/);
  });

  it('prints a shell completion script whose completions know the commands and options', async () => {
    const script = await runCli(['completion']);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('--get-yargs-completions');
    const commands = await runCli(['--get-yargs-completions', 'guidebook-import', 'imp']);
    expect(commands.stdout.split('\n')).toContain('import');
    const options = await runCli(['--get-yargs-completions', 'guidebook-import', 'import', '--cre']);
    expect(options.stdout.split('\n')).toContain('--create-missing');
  });

  it('rejects an unknown option with exit 2', async () => {
    const { code, stderr } = await runCli(['sandbox', '--no-such-flag']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^guidebook-import: sandbox: unknown option --no-such-flag \(run "guidebook-import sandbox --help" for its options\)\n$/,
    );
  });
});
