// Keeps the state on disk cheaply. Every change is appended to a journal beside the state file
// before its answer goes out, so a kill -9 loses nothing that was answered; the state file itself
// is rewritten (temp file + rename) a little later and on close, and the journal is then emptied.
// Rewriting the whole file on every write would cost O(sessions) per write: 2,000 creates into a
// large guide would spend minutes saving.
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { GuidebookImportError } from '../errors.js';
import { normalizeState } from './normalize-state.js';
import type { SandboxImage, SandboxState, WritableKind } from './types.js';

export type JournalEntry =
  | { op: 'put'; kind: WritableKind; record: { id: number }; nextId: number }
  | { op: 'delete'; kind: WritableKind; id: number }
  | { op: 'budget'; day: string; count: number }
  | { op: 'image'; path: string; image: SandboxImage }
  | { op: 'publish'; index: number; guide: number; at: string };

export interface LoadedState {
  state: SandboxState | null;
  /** Changes made after the state file was last rewritten, oldest first. */
  journal: JournalEntry[];
}

/** Reads the state file and its journal; state is null when the file does not exist yet. */
export function loadStateFile(path: string): LoadedState {
  let state: SandboxState | null = null;
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new GuidebookImportError('file', `sandbox state ${path} is not readable JSON: ${(error as Error).message}`);
    }
    state = normalizeState(raw, path);
  }
  return { state, journal: readJournal(journalPath(path)) };
}

export function journalPath(statePath: string): string {
  return `${statePath}.journal`;
}

function readJournal(path: string): JournalEntry[] {
  if (!existsSync(path)) return [];
  const entries: JournalEntry[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as JournalEntry);
    } catch {
      // Only a line cut short by a kill can be unreadable, and only the last one; its write was
      // never answered, so dropping it is right.
      break;
    }
  }
  return entries;
}

export class StateFile {
  private journalFd: number;
  private timer: NodeJS.Timeout | null = null;
  private lastRewriteMs = 0;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly currentState: () => SandboxState,
  ) {
    this.journalFd = openSync(journalPath(path), 'a');
  }

  /** Appends one change; it is in the OS's hands (safe from a process kill) when this returns. */
  append(entry: JournalEntry): void {
    if (this.closed) return;
    writeSync(this.journalFd, `${JSON.stringify(entry)}\n`);
    this.scheduleRewrite();
  }

  /** Rewrites the state file from the current state and empties the journal. */
  rewrite(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const started = performance.now();
    const temp = `${this.path}.tmp-${process.pid}`;
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, `${JSON.stringify(this.currentState(), null, 1)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    // Every change in the journal is now in the state file; a crash between the rename and this
    // truncate replays them, which is harmless because each entry sets a value, never adds to one.
    ftruncateSync(this.journalFd, 0);
    this.lastRewriteMs = performance.now() - started;
  }

  close(): void {
    if (this.closed) return;
    this.rewrite();
    this.closed = true;
    closeSync(this.journalFd);
    rmSync(journalPath(this.path), { force: true });
  }

  private scheduleRewrite(): void {
    if (this.timer) return;
    // Rewrites cost O(state); spacing them by at least 20 times their own cost keeps saving
    // under 5% of the server's time however large the state grows.
    const delay = Math.max(250, this.lastRewriteMs * 20);
    this.timer = setTimeout(() => {
      try {
        this.rewrite();
      } catch (error) {
        // The journal still holds every change, so nothing is lost; say so and try again later.
        process.stderr.write(`sandbox: could not rewrite ${this.path}: ${(error as Error).message}\n`);
        this.timer = null;
        this.scheduleRewrite();
      }
    }, delay);
    this.timer.unref();
  }
}
