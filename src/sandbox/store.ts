// The sandbox's records in memory, indexed by id, with every change handed to the state file.
import type { JournalEntry, StateFile } from './state-file.js';
import type {
  LinkContentType,
  SandboxCustomList,
  SandboxCustomListItem,
  SandboxCustomListItemRelation,
  SandboxGuide,
  SandboxImage,
  SandboxLink,
  SandboxLocation,
  SandboxPublication,
  SandboxScheduleTrack,
  SandboxSession,
  SandboxState,
  WritableKind,
} from './types.js';

export interface RecordOf {
  sessions: SandboxSession;
  schedule_tracks: SandboxScheduleTrack;
  locations: SandboxLocation;
  custom_lists: SandboxCustomList;
  custom_list_items: SandboxCustomListItem;
  custom_list_item_relations: SandboxCustomListItemRelation;
  links: SandboxLink;
}

/** The store kind behind each link content type. */
export const LINK_KINDS: Record<LinkContentType, 'sessions' | 'custom_list_items'> = {
  'schedule.session': 'sessions',
  'custom_list.customlistitem': 'custom_list_items',
};

export class SandboxStore {
  readonly account: string;
  private readonly guides: Map<number, SandboxGuide>;
  private readonly records: { [K in WritableKind]: Map<number, RecordOf[K]> };
  private readonly nextIds: Record<WritableKind, number>;
  private readonly images: Map<string, SandboxImage>;
  private readonly publications: SandboxPublication[];
  private budget: { day: string; count: number };
  private stateFile: StateFile | null = null;

  constructor(state: SandboxState) {
    this.account = state.account;
    this.guides = new Map(state.guides.map((g) => [g.id, g]));
    this.records = {
      sessions: new Map(state.sessions.map((r) => [r.id, r])),
      schedule_tracks: new Map(state.schedule_tracks.map((r) => [r.id, r])),
      locations: new Map(state.locations.map((r) => [r.id, r])),
      custom_lists: new Map(state.custom_lists.map((r) => [r.id, r])),
      custom_list_items: new Map(state.custom_list_items.map((r) => [r.id, r])),
      custom_list_item_relations: new Map(state.custom_list_item_relations.map((r) => [r.id, r])),
      links: new Map(state.links.map((r) => [r.id, r])),
    };
    this.images = new Map(Object.entries(state.images));
    this.publications = [...state.publications];
    // A loaded state has every kind's next id (normalizeState fills them in).
    this.nextIds = { ...state.nextIds } as Record<WritableKind, number>;
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

  /** The guide a record belongs to: its own field, or for a relation its list's guide. */
  guideOf<K extends WritableKind>(kind: K, record: RecordOf[K]): number | undefined {
    if (kind === 'custom_list_item_relations') {
      return this.get('custom_lists', (record as SandboxCustomListItemRelation).custom_list)?.guide;
    }
    return (record as { guide: number }).guide;
  }

  image(path: string): SandboxImage | undefined {
    return this.images.get(path);
  }

  /** Keeps an uploaded image under its media path (a content hash, so the same bytes share one). */
  putImage(path: string, image: SandboxImage): void {
    if (!this.images.has(path)) this.commit({ op: 'image', path, image });
  }

  recordPublication(guide: number, at: string): void {
    // By position, so a journal replayed twice after a crash still lists each publish once.
    this.commit({ op: 'publish', index: this.publications.length, guide, at });
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

  /**
   * Deletes a record and what the service deletes with it: a track or location leaves every
   * session (and list item) that named it; a list takes its relations; an item its relations and
   * links; a session its links.
   */
  remove(kind: WritableKind, id: number, nowText: string): void {
    this.commit({ op: 'delete', kind, id });
    if (kind === 'schedule_tracks' || kind === 'locations') {
      for (const session of this.records.sessions.values()) {
        if (!session[kind].includes(id)) continue;
        this.replace('sessions', { ...session, [kind]: session[kind].filter((other) => other !== id), last_updated: nowText });
      }
    }
    if (kind === 'locations') {
      for (const item of this.records.custom_list_items.values()) {
        if (!item.locations.includes(id)) continue;
        this.replace('custom_list_items', { ...item, locations: item.locations.filter((other) => other !== id), last_updated: nowText });
      }
    }
    if (kind === 'custom_lists' || kind === 'custom_list_items') {
      const field = kind === 'custom_lists' ? 'custom_list' : 'custom_list_item';
      for (const relation of this.all('custom_list_item_relations')) {
        if (relation[field] === id) this.commit({ op: 'delete', kind: 'custom_list_item_relations', id: relation.id });
      }
    }
    if (kind === 'sessions' || kind === 'custom_list_items') {
      const type: LinkContentType = kind === 'sessions' ? 'schedule.session' : 'custom_list.customlistitem';
      for (const link of this.all('links')) {
        const joins =
          (link.source_content_type === type && link.source_object_id === id) ||
          (link.target_content_type === type && link.target_object_id === id);
        if (joins) this.commit({ op: 'delete', kind: 'links', id: link.id });
      }
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
      custom_lists: this.all('custom_lists'),
      custom_list_items: this.all('custom_list_items'),
      custom_list_item_relations: this.all('custom_list_item_relations'),
      links: this.all('links'),
      images: Object.fromEntries(this.images),
      publications: [...this.publications],
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
    } else if (entry.op === 'image') {
      this.images.set(entry.path, entry.image);
    } else if (entry.op === 'publish') {
      this.publications[entry.index] = { guide: entry.guide, at: entry.at };
    } else if (entry.op === 'put') {
      (this.records[entry.kind] as Map<number, { id: number }>).set(entry.record.id, entry.record);
      this.nextIds[entry.kind] = Math.max(this.nextIds[entry.kind], entry.nextId);
    } else {
      this.records[entry.kind].delete(entry.id);
    }
  }
}
