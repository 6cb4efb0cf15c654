// `guidebook-import sandbox` as a separate process, the way an outside check or a rehearsal uses
// it: started with flags, found through the origin on its first stdout line, steered through its
// admin paths, stopped with a signal or killed with kill -9, restarted on the same port and state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaultSettings, RequestLogEntry, SandboxOptions, SandboxSession, SandboxState } from '../../src/sandbox/index.js';
import { spawnCli, type CliResult, type RunningCli } from './cli-process.js';

/** The sandbox's own options that its command takes as flags, and where its files go. */
export interface SandboxProcessOptions
  extends Pick<SandboxOptions, 'port' | 'apiKey' | 'seed' | 'latencyMs' | 'failRate' | 'dropRate' | 'dailyBudget'> {
  /** Folder for the state file and the request log. */
  dir: string;
  /** Default `<dir>/state.json`; an existing file is loaded. */
  stateFile?: string;
  /** Default `<dir>/requests.jsonl`. */
  requestLogFile?: string;
  /** Further flags, passed as given. */
  args?: string[];
}

export interface SandboxProcess {
  origin: string;
  /** origin + '/open-api/v1.1/' */
  apiUrl: string;
  port: number;
  stateFile: string;
  requestLogFile: string;
  options: SandboxProcessOptions;
  cli: RunningCli;
  /** The state as the running server holds it, through its admin path (not counted, not logged). */
  state(): Promise<SandboxState>;
  resetBudget(): Promise<void>;
  setFaults(faults: Partial<FaultSettings>): Promise<void>;
  /** Every API request logged so far, across restarts that share the log file. */
  requests(): RequestLogEntry[];
  /** The requests logged after `mark` (a length of requests() taken earlier). */
  requestsSince(mark: number): RequestLogEntry[];
  /** SIGTERM: the server saves its state and exits 0. */
  stop(): Promise<CliResult>;
  /** kill -9: no chance to save anything beyond its journal. */
  kill(): Promise<CliResult>;
}

const running = new Set<SandboxProcess>();

/** Starts the sandbox command and resolves once it prints its origin. */
export async function startSandboxProcess(options: SandboxProcessOptions): Promise<SandboxProcess> {
  const stateFile = options.stateFile ?? join(options.dir, 'state.json');
  const requestLogFile = options.requestLogFile ?? join(options.dir, 'requests.jsonl');
  const args = ['sandbox', '--port', String(options.port ?? 0), '--state', stateFile, '--request-log', requestLogFile];
  const flag = (name: string, value: number | string | undefined) => {
    if (value !== undefined) args.push(`--${name}`, String(value));
  };
  flag('api-key', options.apiKey);
  flag('seed', options.seed);
  flag('latency-ms', options.latencyMs);
  flag('fail-rate', options.failRate);
  flag('drop-rate', options.dropRate);
  flag('daily-budget', options.dailyBudget);
  args.push(...(options.args ?? []));

  const cli = spawnCli(args);
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sandbox printed no origin within 20 s:\n${cli.stderr()}`)), 20_000);
    cli.child.stdout?.on('data', () => {
      const text = cli.stdout();
      if (!text.includes('\n')) return;
      clearTimeout(timer);
      resolve(text.slice(0, text.indexOf('\n')));
    });
    void cli.result.then((result) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited (${result.code ?? result.signal}) before printing its origin:\n${result.stderr}`));
    });
  });

  const admin = async (method: 'GET' | 'POST', name: string, body?: unknown): Promise<unknown> => {
    const answer = await fetch(`${origin}/__sandbox/${name}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    if (!answer.ok) throw new Error(`${method} /__sandbox/${name} answered ${answer.status}: ${await answer.text()}`);
    return answer.json();
  };
  const end = async (signal: NodeJS.Signals): Promise<CliResult> => {
    running.delete(handle);
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill(signal);
    return cli.result;
  };

  const handle: SandboxProcess = {
    origin,
    apiUrl: `${origin}/open-api/v1.1/`,
    port: Number(new URL(origin).port),
    stateFile,
    requestLogFile,
    options: { ...options, stateFile, requestLogFile },
    cli,
    state: async () => (await admin('GET', 'state')) as SandboxState,
    resetBudget: async () => {
      await admin('POST', 'reset-budget');
    },
    setFaults: async (faults) => {
      await admin('POST', 'faults', faults);
    },
    requests: () => readRequestLog(requestLogFile),
    requestsSince: (mark) => readRequestLog(requestLogFile).slice(mark),
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
  running.add(handle);
  return handle;
}

/** The same sandbox again after a stop or a kill: same port, state file and request log. */
export function restartSandboxProcess(previous: SandboxProcess, changes: Partial<SandboxProcessOptions> = {}): Promise<SandboxProcess> {
  return startSandboxProcess({ ...previous.options, port: previous.port, ...changes });
}

/** Kills every sandbox a test left running (call from afterEach). */
export async function killAllSandboxes(): Promise<void> {
  await Promise.all([...running].map((sandbox) => sandbox.kill()));
}

export function readRequestLog(file: string): RequestLogEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  // A line cut short by a kill -9 is not an answered request.
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as RequestLogEntry];
      } catch {
        return [];
      }
    });
}

/** The sessions of one guide, in id order. */
export function guideSessions(state: SandboxState, guide = 1): SandboxSession[] {
  return state.sessions.filter((session) => session.guide === guide).sort((a, b) => a.id - b.id);
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
