// Every example a command's --help shows must work as written: run in a folder holding the
// files the examples name (agenda.xlsx: the bundled DevCon agenda), with GUIDEBOOK_API_KEY and
// GUIDEBOOK_API_URL pointing at a sandbox whose guide 47 is a new, empty guide (a new user's).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { defaultSandboxState, startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { REPO_ROOT, runCli } from '../support/cli-process.js';
import { tempDir } from '../support/temp-dir.js';

const KEY = 'examples-key';

/** The examples a command's builder declares, as the user would type them after the command name. */
function examplesOf(command: (typeof commands)[number]): string[] {
  const examples: string[] = [];
  // Records .example() and lets every other builder call (options, positionals) chain on.
  const recorder: Argv = new Proxy({} as Argv, {
    get: (_target, property) =>
      property === 'example'
        ? (text: string) => {
            examples.push(text);
            return recorder;
          }
        : () => recorder,
  });
  command.builder(recorder);
  return examples;
}

/** An example names an http(s) source: it needs the internet, which the tests do not have. */
const needsInternet = (args: readonly string[]) => args.some((arg) => /^https?:\/\//.test(arg));

let sandbox: SandboxHandle;
let dir: string;
beforeAll(async () => {
  const state = defaultSandboxState();
  const first = state.guides[0]!;
  // A guide of the user's account with nothing in it yet, as in the README's first import.
  state.guides.push({ ...first, id: 47, name: 'DevCon 2027' });
  sandbox = await startSandbox({ port: 0, apiKey: KEY, initialState: state });
  dir = tempDir('gi-examples');
  copyFileSync(join(REPO_ROOT, 'samples/devcon-2027.xlsx'), join(dir, 'agenda.xlsx'));
  mkdirSync(join(dir, 'samples'));
  copyFileSync(join(REPO_ROOT, 'samples/devcon-2027.xlsx'), join(dir, 'samples/devcon-2027.xlsx'));
});
afterAll(async () => {
  await sandbox?.close();
});

describe('--help examples run as written', () => {
  const all = commands.flatMap((command) => examplesOf(command).map((text) => ({ command: command.command, text })));

  it('there are examples, none quoting arguments (so splitting on spaces is what a shell does)', () => {
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const { text } of all) expect(text).not.toMatch(/["'\\]/);
  });

  // In the order listed: import's examples fill guide 47 before dedupe's look at it.
  for (const { command, text } of all) {
    const args = text.replace(/^\$0\s+/, '').split(/\s+/);
    it.skipIf(needsInternet(args))(
      `${command}: guidebook-import ${args.join(' ')}`,
      async () => {
        const run = await runCli(args, { cwd: dir, apiKey: KEY, env: { GUIDEBOOK_API_URL: sandbox.apiUrl } });
        expect(run.code, run.stderr).toBe(0);
      },
      120_000,
    ); // as written: at the default --rate 5, a 70-session import takes ~20 s
  }
});
