// One test's world: a temporary folder, a sandbox process in it, and `importCli` to run
// `guidebook-import import` against that sandbox (fast: --rate 500 unless a test says otherwise).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxSession, SandboxState } from '../../../src/sandbox/index.js';
import { runCli, SECRET_KEY, spawnCli, type CliResult, type CliRunOptions, type RunningCli } from './cli-process.js';
import { killLeftoverSandboxes, startSandboxProcess, type SandboxProcess, type SandboxProcessOptions } from './sandbox-process.js';

const madeDirs: string[] = [];

export function tempDir(prefix = 'gi-import-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/** afterAll: kills the sandboxes still running and removes the folders (KEEP_TEST_DIRS=1 keeps them). */
export function cleanUp(): void {
  killLeftoverSandboxes();
  if (process.env.KEEP_TEST_DIRS) return;
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface ImportWorld {
  dir: string;
  sandbox: SandboxProcess;
  /** `import <file> --guide 1 --api-url <sandbox> --rate 500 ...args` */
  importCli(file: string, args?: string[], options?: CliRunOptions): Promise<CliResult>;
  spawnImport(file: string, args?: string[], options?: CliRunOptions): RunningCli;
  /** Stops the sandbox and starts it again on the same state file (and request log). */
  restartSandbox(options?: SandboxProcessOptions): Promise<SandboxProcess>;
}

/** `initialState`: the sandbox starts from this state (written to its state file first). */
export async function importWorld(options: SandboxProcessOptions & { initialState?: SandboxState } = {}): Promise<ImportWorld> {
  const dir = tempDir();
  if (options.initialState) writeFileSync(join(dir, 'state.json'), JSON.stringify(options.initialState));
  const world: ImportWorld = {
    dir,
    sandbox: await startSandboxProcess(dir, options),
    importCli: (file, args = [], cliOptions) => runCli(importArgs(world, file, args), cliOptions),
    spawnImport: (file, args = [], cliOptions) => spawnCli(importArgs(world, file, args), cliOptions),
    restartSandbox: async (restart = {}) => {
      await world.sandbox.stop();
      world.sandbox = await startSandboxProcess(dir, { ...options, ...restart });
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

/** The guide's sessions grouped by import_id (a duplicate shows as a group of two). */
export function sessionsByImportId(state: SandboxState, guide = 1): Map<string, SandboxSession[]> {
  const groups = new Map<string, SandboxSession[]>();
  for (const session of state.sessions) {
    if (session.guide !== guide || !session.import_id) continue;
    groups.set(session.import_id, [...(groups.get(session.import_id) ?? []), session]);
  }
  return groups;
}

/** Every text a run left behind in which the API key must not appear. */
export function textsOfRun(result: CliResult, ...files: string[]): string {
  return [result.stdout, result.stderr, ...files.filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'))].join('\n');
}

export { SECRET_KEY };
