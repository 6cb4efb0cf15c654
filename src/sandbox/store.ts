// The sandbox's records in memory, indexed by id, with every change handed to the state file.
import type { JournalEntry, StateFile } from './state-file.js';
import type { SandboxGuide, SandboxLocation, SandboxScheduleTrack, SandboxSession, SandboxState, WritableKind } from './types.js';

export interface RecordOf {
  sessions: SandboxSession;
  schedule_tracks: SandboxScheduleTrack;
  locations: SandboxLocation;
}

export class SandboxStore {
  readonly account: string;
  private readonly guides: Map<number, SandboxGuide>;
  private readonly records: { [K in WritableKind]: Map<number, RecordOf[K]> };
  private readonly nextIds: Record<WritableKind, number>;
  private budget: { day: string; count: number };
  private stateFile: StateFile | null = null;

  constructor(state: SandboxState) {
    this.account = state.account;
    this.guides = new Map(state.guides.map((g) => [g.id, g]));
    this.records = {
      sessions: new Map(state.sessions.map((r) => [r.id, r])),
      schedule_tracks: new Map(state.schedule_tracks.map((r) => [r.id, r])),
      locations: new Map(state.locations.map((r) => [r.id, r])),
    };
    this.nextIds = { ...state.nextIds };
    this.budget = { ...state.budget };
  }

  /** From now on every change is journalled to this file. */
  persistTo(stateFile: StateFile): void {
    this.stateFile = stateFile;
  }

  /** Replays journalled changes (on load), without journalling them again. */
  replay(entries: JournalEntry[]): void {
    for (const entry of entries) this.apply(entry);
  }

  guide(id: number): SandboxGuide | undefined {
    return this.guides.get(id);
  }

  ownGuides(): SandboxGuide[] {
    return [...this.guides.values()].filter((g) => g.owner === this.account).sort((a, b) => a.id - b.id);
  }

  get<K extends WritableKind>(kind: K, id: number): RecordOf[K] | undefined {
    return this.records[kind].get(id);
  }

  all<K extends WritableKind>(kind: K): RecordOf[K][] {
    return [...this.records[kind].values()];
  }

  /** Stores a new record under the next id. */
  create<K extends WritableKind>(kind: K, build: (id: number) => RecordOf[K]): RecordOf[K] {
    const record = build(this.nextIds[kind]);
    this.commit({ op: 'put', kind, record, nextId: this.nextIds[kind] + 1 });
    return record;
  }

  replace<K extends WritableKind>(kind: K, record: RecordOf[K]): void {
    this.commit({ op: 'put', kind, record, nextId: this.nextIds[kind] });
  }

  /** Deletes a record; a deleted track or location also leaves every session that named it. */
  remove(kind: WritableKind, id: number, nowText: string): void {
    this.commit({ op: 'delete', kind, id });
    if (kind === 'sessions') return;
    const field = kind === 'schedule_tracks' ? 'schedule_tracks' : 'locations';
    for (const session of this.records.sessions.values()) {
      if (!session[field].includes(id)) continue;
      this.replace('sessions', { ...session, [field]: session[field].filter((other) => other !== id), last_updated: nowText });
    }
  }

  /** Counts one API request on the given UTC day and returns that day's count so far. */
  countRequest(day: string): number {
    const count = this.budget.day === day ? this.budget.count + 1 : 1;
    this.commit({ op: 'budget', day, count });
    return count;
  }

  resetBudget(day: string): void {
    this.commit({ op: 'budget', day, count: 0 });
  }

  toState(): SandboxState {
    return {
      version: 1,
      account: this.account,
      guides: [...this.guides.values()],
      sessions: this.all('sessions'),
      schedule_tracks: this.all('schedule_tracks'),
      locations: this.all('locations'),
      nextIds: { ...this.nextIds },
      budget: { ...this.budget },
    };
  }

  private commit(entry: JournalEntry): void {
    this.apply(entry);
    this.stateFile?.append(entry);
  }

  private apply(entry: JournalEntry): void {
    if (entry.op === 'budget') {
      this.budget = { day: entry.day, count: entry.count };
    } else if (entry.op === 'put') {
      (this.records[entry.kind] as Map<number, { id: number }>).set(entry.record.id, entry.record);
      this.nextIds[entry.kind] = Math.max(this.nextIds[entry.kind], entry.nextId);
    } else {
      this.records[entry.kind].delete(entry.id);
    }
  }
}
