// Two writing runs into one guide at the same moment would both plan "create" for the same new
// rows and duplicate them: nothing on the server is unique. A cron job that outlives its
// interval, a manual run during a scheduled one, or two copies of one sheet (a download and its
// edited twin) are exactly that. So a writing run holds a lock per (API, guide) on this machine,
// whatever sheet it reads: the import_ids, not the file, are what collide.
//
// The lock lives in a per-user state folder ($XDG_STATE_HOME/guidebook-import, else
// ~/.local/state/guidebook-import), not in a shared temp folder another user could pre-empt. It is
// created whole or not at all: the holder's record is written to a temporary file, then linked to
// the lock's name (link fails when the name exists), so no process ever sees an empty lock and
// takes it. A lock whose holder process is gone is taken over, under a short takeover mutex so two
// runs finding one stale lock cannot both take it.
import { linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { GuidebookImportError } from '../errors.js';
import { sha256Hex } from '../sha256.js';

export interface RunLock {
  path: string;
  /** Set when a lock left by a run that is gone was taken over: a note for the user. */
  tookOver: LockHolder | null;
  release(): void;
}

/** What the lock file holds: who holds it and since when. */
export interface LockHolder {
  pid: number;
  startedAt: string;
  host: string;
  guide: number;
  api: string;
}

export interface AcquireOptions {
  /** The state folder; default stateDir() (tests point XDG_STATE_HOME at a temp folder instead). */
  dir?: string;
  /** Seconds to wait for a live holder to finish; 0 refuses at once. */
  waitSeconds?: number;
  /** Told once when the run starts waiting (the CLI prints it). */
  onWait?: (holder: LockHolder, waitSeconds: number) => void;
  /** Injected for tests: how a wait between two looks is spent. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const POLL_MS = 200;
// A takeover mutex older than this was left by a process killed inside the few statements it
// guards: it is removed.
const STALE_MUTEX_MS = 10_000;

/** `$XDG_STATE_HOME/guidebook-import`, else `~/.local/state/guidebook-import`. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_STATE_HOME?.trim();
  // The XDG spec ignores a relative path: it would move with the working folder.
  const base = xdg?.startsWith('/') ? xdg : join(homedir(), '.local', 'state');
  return join(base, 'guidebook-import');
}

/**
 * One API is one server whatever version prefix the URL names: /open-api/v1/ and /open-api/v1.1/
 * of one host reach the same guides, so they share the lock.
 */
export function lockScope(apiUrl: string): string {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/v1(?:\.\d+)?\/?$/, '/');
  return `${url.protocol}//${url.host.toLowerCase()}${path}`;
}

export function lockPathFor(apiUrl: string, guide: number, dir = stateDir()): string {
  const key = sha256Hex(`${lockScope(apiUrl)}|${guide}`).slice(0, 16);
  return join(dir, `guide-${guide}-${key}.lock`);
}

export async function acquireRunLock(apiUrl: string, guide: number, options: AcquireOptions = {}): Promise<RunLock> {
  const dir = options.dir ?? stateDir();
  const path = lockPathFor(apiUrl, guide, dir);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const waitSeconds = options.waitSeconds ?? 0;
  const deadline = now() + waitSeconds * 1000;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new GuidebookImportError('file', `cannot create the state folder ${dir} for the run lock (${codeOf(error)})`, { cause: error });
  }
  const me: LockHolder = { pid: process.pid, startedAt: new Date(now()).toISOString(), host: hostname(), guide, api: lockScope(apiUrl) };
  let tookOver: LockHolder | null = null;
  let toldWaiting = false;
  for (;;) {
    if (tryCreate(path, me)) return heldLock(path, me, tookOver);
    const holder = readHolder(path);
    if (holder === 'gone') continue; // released between our two looks
    if (holder !== 'unreadable' && !isAlive(holder)) {
      // Left by a run that was killed: its process is gone, so nothing is writing for it.
      if (removeIfStill(path, holder)) tookOver = holder;
      else await sleep(20); // another run is taking it over right now
      continue;
    }
    if (now() >= deadline) throw lockedError(holder, guide, path, waitSeconds);
    if (!toldWaiting && holder !== 'unreadable') {
      toldWaiting = true;
      options.onWait?.(holder, waitSeconds);
    }
    await sleep(Math.min(POLL_MS, Math.max(1, deadline - now())));
  }
}

function tryCreate(path: string, me: LockHolder): boolean {
  const temporary = `${path}.${process.pid}.${process.getBuiltinModule('node:crypto').randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(me)}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new GuidebookImportError('file', `cannot create the run lock ${path} (${codeOf(error)})`, { cause: error });
  } finally {
    rmSync(temporary, { force: true });
  }
}

function heldLock(path: string, me: LockHolder, tookOver: LockHolder | null): RunLock {
  let held = true;
  return {
    path,
    tookOver,
    release() {
      if (!held) return;
      held = false;
      // Only our own lock: never remove one a later run took over after ours was judged stale.
      const current = readHolder(path);
      if (typeof current === 'object' && sameHolder(current, me)) rmSync(path, { force: true });
    },
  };
}

/**
 * Removes the stale lock only if it still holds `stale`: under a mutex (mkdir is exclusive), the
 * lock is read again, so a run that finds the stale lock after another has already replaced it
 * with a live one leaves that one alone.
 */
function removeIfStill(path: string, stale: LockHolder): boolean {
  const mutex = `${path}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(mutex).mtimeMs > STALE_MUTEX_MS) rmdirSync(mutex);
    } catch {
      // Gone already: the other run finished its takeover.
    }
    return false;
  }
  try {
    const current = readHolder(path);
    if (typeof current !== 'object' || !sameHolder(current, stale)) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    rmdirSync(mutex);
  }
}

function readHolder(path: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return {
        pid: parsed.pid,
        startedAt: String(parsed.startedAt ?? ''),
        host: String(parsed.host ?? ''),
        guide: Number(parsed.guide),
        api: String(parsed.api ?? ''),
      };
    }
  } catch {
    // Not written by this version: treated as held, never silently taken.
  }
  return 'unreadable';
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.startedAt === b.startedAt && a.host === b.host;
}

function isAlive(holder: LockHolder): boolean {
  // A home folder shared between machines (NFS) may hold another host's lock: its process cannot
  // be looked up from here, so it counts as alive.
  if (holder.host && holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(holder: LockHolder | 'unreadable', guide: number, path: string, waitSeconds: number): GuidebookImportError {
  const waited = waitSeconds > 0 ? ` (waited ${waitSeconds} s)` : '';
  if (holder === 'unreadable') {
    return new GuidebookImportError(
      'usage',
      `guide ${guide} is locked by ${path}, which this version cannot read${waited}; remove it if no guidebook-import is running`,
    );
  }
  const where = holder.host && holder.host !== hostname() ? ` on ${holder.host}` : '';
  return new GuidebookImportError(
    'usage',
    `another writing run into guide ${guide} is in progress${waited}: process ${holder.pid}${where}, started ${holder.startedAt}. ` +
      `Running both would duplicate new sessions; wait for it (--lock-wait <seconds>), or remove ${path} if that process is not guidebook-import`,
  );
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** A note for a lock taken over from a run that is gone. */
export function takeoverNote(holder: LockHolder): string {
  return `took over the run lock of process ${holder.pid} (started ${holder.startedAt}), which is no longer running`;
}
