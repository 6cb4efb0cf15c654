// The speakers' planner, pure: against a listing given as values, which writes it plans.
import { describe, expect, it } from 'vitest';
import type { ApiCustomListItem, ApiLink } from '../../src/api/types.js';
import { planSpeakers, type SpeakerListing, type SpeakerPlanInput } from '../../src/speakers/plan-speakers.js';
import { linkImportId } from '../../src/speakers/speaker-ids.js';
import { buildRoster, type Roster } from '../../src/speakers/speaker-roster.js';
import type { ApiSession, SheetSession } from '../../src/types.js';

const OPTIONS = { listName: 'Speakers', listsByRole: false, prune: false, yes: 0 };

function sheetSession(id: string, names: string[]): SheetSession {
  return {
    sheet: 'Agenda',
    row: 2,
    fields: { name: id, import_id: id, start_time: '2027-05-10T13:00:00.000Z' },
    mapped: [],
    zone: 'UTC',
    derivedImportId: false,
    warnings: [],
    speakers: names.map((name) => ({ name, role: 'Speaker' })),
  };
}
const serverSession = (id: number, importId: string): ApiSession =>
  ({ id, guide: 1, name: importId, import_id: importId, start_time: '2027-05-10T13:00:00.000000+0000' }) as ApiSession;
const item = (id: number, name: string, importId: string | null): ApiCustomListItem => ({
  id,
  guide: 1,
  name,
  import_id: importId,
  description_html: '',
});
const link = (id: number, from: [string, number], to: [string, number], rank: number, importId: string | null): ApiLink => ({
  id,
  guide: 1,
  source_content_type: from[0],
  source_object_id: from[1],
  target_content_type: to[0],
  target_object_id: to[1],
  rank,
  import_id: importId,
});
const S = 'schedule.session';
const I = 'custom_list.customlistitem';

function listing(partial: Partial<SpeakerListing>): SpeakerListing {
  return { lists: [{ id: 5, guide: 1, name: 'Speakers' }], items: [], relations: [], links: [], ...partial };
}

/** The server after an earlier run: session S-1 is 10, its speaker item 20 in list 5, and the links given. */
function listedSpeaker(name: string, importId: string, links: ApiLink[]): SpeakerListing {
  return listing({ items: [item(20, name, importId)], relations: [{ id: 30, custom_list: 5, custom_list_item: 20, rank: 1 }], links });
}

/** The two links our import writes between session S-1 (10) and the speaker's item (20). */
function ourLinks(speakerImportId: string): ApiLink[] {
  return [
    link(40, [S, 10], [I, 20], 0, linkImportId('session-speaker', 'S-1', speakerImportId)),
    link(41, [I, 20], [S, 10], 0, linkImportId('speaker-session', 'S-1', speakerImportId)),
  ];
}

/** The roster of a sheet with one session S-1 and these speakers. */
const rosterOf = (names: string[]): Roster => buildRoster({ speakersSheet: null, sessions: [sheetSession('S-1', names)] });

/** Plans for guide 1, where session S-1 exists as 10, with the default options unless told. */
function plan(input: Pick<SpeakerPlanInput, 'roster' | 'listing'> & Partial<SpeakerPlanInput>) {
  return planSpeakers({ guideId: 1, serverSessions: [serverSession(10, 'S-1')], options: OPTIONS, ...input });
}

describe('planSpeakers', () => {
  it('a pair already linked by hand (no import id) is not linked again, and the hand-made link is never changed', () => {
    const planned = plan({
      roster: rosterOf(['Ada']),
      listing: listedSpeaker('Ada', 'speaker:name:ada', [link(40, [S, 10], [I, 20], 7, null), link(41, [I, 20], [S, 10], 3, null)]),
    });
    expect(planned.writeRequests).toBe(0);
    expect(planned.entries.map((e) => [e.importId, e.action])).toEqual([['speaker:name:ada', 'unchanged']]);
  });

  it('a second copy of one of our links (a lost answer on another machine) is deleted; the first stays', () => {
    const copy = link(42, [S, 10], [I, 20], 0, linkImportId('session-speaker', 'S-1', 'speaker:name:ada'));
    const planned = plan({
      roster: rosterOf(['Ada']),
      listing: listedSpeaker('Ada', 'speaker:name:ada', [...ourLinks('speaker:name:ada'), copy]),
    });
    expect(planned.entries[0]!.links).toEqual([{ kind: 'delete', linkId: 42, sessionImportId: 'S-1' }]);
    expect(planned.writeRequests).toBe(1);
  });

  it('two items with one speaker import id: a conflict, nothing of that speaker written', () => {
    const planned = plan({
      roster: rosterOf(['Ada']),
      listing: listing({ items: [item(20, 'Ada', 'speaker:name:ada'), item(21, 'Ada', 'speaker:name:ada')] }),
    });
    expect(planned.entries.map((e) => [e.action, e.links.length, e.relations.length])).toEqual([['conflict', 0, 0]]);
    expect(planned.entries[0]!.issues[0]!.message).toContain('items 20, 21');
    expect(planned.writeRequests).toBe(0);
  });

  it('a missing list is created once; new relations take ranks after the ones in the list', () => {
    const planned = plan({
      roster: rosterOf(['Ada', 'Bo']),
      serverSessions: [],
      listing: listing({
        lists: [{ id: 5, guide: 1, name: 'Speakers' }],
        relations: [{ id: 30, custom_list: 5, custom_list_item: 99, rank: 4 }],
      }),
      options: { ...OPTIONS, listName: 'Presenters' },
    });
    expect(planned.listsToCreate).toEqual(['Presenters']);
    expect(planned.entries.flatMap((e) => e.relations)).toEqual([
      { kind: 'create', listName: 'Presenters', rank: 1 },
      { kind: 'create', listName: 'Presenters', rank: 2 },
    ]);
    // 1 list + 2 items + 2 relations + 4 links (the session is created by this run).
    expect(planned.writeRequests).toBe(9);
  });
});

describe('planSpeakers and rows that cannot be written', () => {
  it("an invalid speaker row (a bad photo, say) keeps its item's links as they stand", () => {
    const roster = rosterOf(['Ada']);
    // As speaker-photos.ts does for a photo that cannot be used: the speaker becomes a problem row.
    const ada = roster.speakers.shift()!;
    roster.problems.push({ action: 'invalid', sheet: ada.sheet, row: ada.row, name: ada.name, importId: ada.importId, issues: [] });
    roster.sessionSpeakers.set('S-1', []);
    const planned = plan({
      roster,
      listing: listedSpeaker('Ada', 'speaker:name:ada', ourLinks('speaker:name:ada')),
      options: { ...OPTIONS, prune: true, yes: 1 },
    });
    expect(planned.writeRequests).toBe(0);
    expect(planned.entries.map((e) => [e.action, e.links.length])).toEqual([['invalid', 0]]);
  });
});

describe('planSpeakers and a speaker who gains an email', () => {
  it('takes over the item its name made (one PATCH: import id and email), links and list as they stand', () => {
    const roster = buildRoster({
      speakersSheet: {
        sheet: 'Speakers',
        speakers: [{ sheet: 'Speakers', row: 2, name: 'Ada Park', email: 'ada@example.org' }],
        invalid: [],
        warnings: [],
      },
      sessions: [sheetSession('S-1', ['Ada Park'])],
    });
    const former = 'speaker:name:ada park';
    const planned = plan({
      roster,
      listing: listedSpeaker('Ada Park', former, ourLinks(former)),
      options: { ...OPTIONS, prune: true, yes: 1 },
    });
    expect(planned.entries).toHaveLength(1);
    expect(planned.entries[0]).toMatchObject({
      action: 'update',
      itemId: 20,
      patch: { guide: 1, import_id: 'speaker:email:ada@example.org', contact_email: 'ada@example.org' },
      links: [],
      relations: [],
    });
    expect(planned.writeRequests).toBe(1);
  });
});
