// One test's world: a temporary folder, a sandbox process in it, and `importCli` to run
// `guidebook-import import` against that sandbox (fast: --rate 500 unless a test says otherwise),
// with SECRET_KEY as the key on both sides unless a test says otherwise.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SandboxState } from '../../src/sandbox/index.js';
import { runCli, SECRET_KEY, spawnCli, type CliOptions, type CliResult, type RunningCli } from './cli-process.js';
import {
  killAllSandboxes,
  restartSandboxProcess,
  startSandboxProcess,
  type SandboxProcess,
  type SandboxProcessOptions,
} from './sandbox-process.js';
import { tempDir } from './temp-dir.js';

/** afterAll: kills the sandboxes still running (the folders go as temp-dir.ts says). */
export async function cleanUp(): Promise<void> {
  await killAllSandboxes();
}

export type WorldSandboxOptions = Omit<SandboxProcessOptions, 'dir'>;

export interface ImportWorld {
  dir: string;
  sandbox: SandboxProcess;
  /** `import <file> --guide 1 --api-url <sandbox> --rate 500 ...args`; `apiKey: null` runs without a key. */
  importCli(file: string, args?: string[], options?: CliOptions): Promise<CliResult>;
  spawnImport(file: string, args?: string[], options?: CliOptions): RunningCli;
  /** Stops the sandbox and starts it again on the same port, state file and request log. */
  restartSandbox(changes?: Partial<WorldSandboxOptions>): Promise<SandboxProcess>;
}

/** `initialState`: the sandbox starts from this state (written to its state file first). */
export async function importWorld(options: WorldSandboxOptions & { initialState?: SandboxState } = {}): Promise<ImportWorld> {
  const { initialState, ...sandboxOptions } = options;
  const dir = tempDir('gi-import');
  if (initialState) writeFileSync(join(dir, 'state.json'), JSON.stringify(initialState));
  const world: ImportWorld = {
    dir,
    sandbox: await startSandboxProcess({ dir, apiKey: SECRET_KEY, ...sandboxOptions }),
    importCli: (file, args, cliOptions) => sandboxImport(world.sandbox, file, args, cliOptions),
    spawnImport: (file, args, cliOptions) => spawnSandboxImport(world.sandbox, file, args, cliOptions),
    restartSandbox: async (changes = {}) => {
      await world.sandbox.stop();
      world.sandbox = await restartSandboxProcess(world.sandbox, changes);
      return world.sandbox;
    },
  };
  return world;
}

/** `import <file> --guide 1 --api-url <sandbox> --rate 500 ...args`, a default left out where `args` give the flag. */
function importArgs(sandbox: SandboxProcess, file: string, args: readonly string[]): string[] {
  const given = new Set(args.filter((arg) => arg.startsWith('--')));
  return [
    'import',
    file,
    ...(given.has('--guide') ? [] : ['--guide', '1']),
    ...(given.has('--api-url') ? [] : ['--api-url', sandbox.apiUrl]),
    ...(given.has('--rate') ? [] : ['--rate', '500']),
    ...args,
  ];
}

/** Runs `import` against a sandbox (see importArgs), with SECRET_KEY unless `options` say otherwise; `apiKey: null` runs without a key. */
export function sandboxImport(
  sandbox: SandboxProcess,
  file: string,
  args: readonly string[] = [],
  options: CliOptions = {},
): Promise<CliResult> {
  return runCli(importArgs(sandbox, file, args), { apiKey: SECRET_KEY, ...options });
}

/** sandboxImport, still running: to watch its output or kill it. */
export function spawnSandboxImport(
  sandbox: SandboxProcess,
  file: string,
  args: readonly string[] = [],
  options: CliOptions = {},
): RunningCli {
  return spawnCli(importArgs(sandbox, file, args), { apiKey: SECRET_KEY, ...options });
}

/** Every text a run left behind in which the API key must not appear. */
export function textsOfRun(result: CliResult, ...files: string[]): string {
  return [result.stdout, result.stderr, ...files.filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'))].join('\n');
}
