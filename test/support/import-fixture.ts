// One test's world: a temporary folder, a sandbox process in it, and `importCli` to run
// `guidebook-import import` against that sandbox (fast: --rate 500 unless a test says otherwise),
// with SECRET_KEY as the key on both sides unless a test says otherwise.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxState } from '../../src/sandbox/index.js';
import { runCli, SECRET_KEY, spawnCli, type CliOptions, type CliResult, type RunningCli } from './cli-process.js';
import { killAllSandboxes, restartSandboxProcess, startSandboxProcess, type SandboxProcess, type SandboxProcessOptions } from './sandbox-process.js';

const madeDirs: string[] = [];

export function tempDir(prefix = 'gi-import-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** afterAll: kills the sandboxes still running and removes the folders (KEEP_TEST_DIRS=1 keeps them). */
export async function cleanUp(): Promise<void> {
  await killAllSandboxes();
  if (process.env.KEEP_TEST_DIRS) return;
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
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
  const dir = tempDir();
  if (initialState) writeFileSync(join(dir, 'state.json'), JSON.stringify(initialState));
  const withKey = (cliOptions: CliOptions = {}): CliOptions => ({ apiKey: SECRET_KEY, ...cliOptions });
  const world: ImportWorld = {
    dir,
    sandbox: await startSandboxProcess({ dir, apiKey: SECRET_KEY, ...sandboxOptions }),
    importCli: (file, args = [], cliOptions) => runCli(importArgs(world, file, args), withKey(cliOptions)),
    spawnImport: (file, args = [], cliOptions) => spawnCli(importArgs(world, file, args), withKey(cliOptions)),
    restartSandbox: async (changes = {}) => {
      await world.sandbox.stop();
      world.sandbox = await restartSandboxProcess(world.sandbox, changes);
      return world.sandbox;
    },
  };
  return world;
}

function importArgs(world: ImportWorld, file: string, args: string[]): string[] {
  const given = new Set(args.filter((arg) => arg.startsWith('--')));
  return [
    'import', file,
    ...(given.has('--guide') ? [] : ['--guide', '1']),
    ...(given.has('--api-url') ? [] : ['--api-url', world.sandbox.apiUrl]),
    ...(given.has('--rate') ? [] : ['--rate', '500']),
    ...args,
  ];
}

/** Every text a run left behind in which the API key must not appear. */
export function textsOfRun(result: CliResult, ...files: string[]): string {
  return [result.stdout, result.stderr, ...files.filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'))].join('\n');
}
