// The roster and the speaker cells, pure: names matched by import id, email, then name (case,
// accents and spacing ignored); stable import ids; two people never collapsed into one.
import { describe, expect, it } from 'vitest';
import type { SpeakersSheet } from '../../src/speakers/read-speakers.js';
import { parseSpeakerText, readSpeakerRefs } from '../../src/speakers/speaker-cells.js';
import { deriveSpeakerImportId, personKey } from '../../src/speakers/speaker-ids.js';
import { buildRoster } from '../../src/speakers/speaker-roster.js';
import type { SessionSpeakerRef, SheetSession, SheetSpeaker } from '../../src/types.js';

function session(id: string, speakers: SessionSpeakerRef[] | undefined, row = 2): SheetSession {
  return {
    sheet: 'Agenda',
    row,
    fields: { name: id, import_id: id, start_time: '2027-05-10T13:00:00.000Z' },
    mapped: [],
    zone: 'America/New_York',
    derivedImportId: false,
    warnings: [],
    ...(speakers ? { speakers } : {}),
  };
}
const ref = (name: string, role = 'Speaker', email?: string): SessionSpeakerRef => (email ? { name, role, email } : { name, role });
function sheet(speakers: Array<Omit<SheetSpeaker, 'sheet' | 'row'>>): SpeakersSheet {
  return { sheet: 'Speakers', speakers: speakers.map((s, i) => ({ sheet: 'Speakers', row: i + 2, ...s })), invalid: [], warnings: [] };
}

describe('speaker import ids', () => {
  it("are the sheet's own, else from the email, else from the name without case, accents or extra spaces", () => {
    expect(deriveSpeakerImportId({ import_id: ' P-1 ', name: 'X', email: 'x@y.org' })).toBe('P-1');
    expect(deriveSpeakerImportId({ name: 'X', email: ' Jane.Doe@Example.ORG ' })).toBe('speaker:email:jane.doe@example.org');
    expect(deriveSpeakerImportId({ name: '  José   GARCÍA ' })).toBe('speaker:name:jose garcia');
    expect(personKey('Zoë  Ødegård')).toBe(personKey('zoe ødegård'));
  });
});

describe('speaker cells', () => {
  it('reads "Name <email>", a bare email and a bare name', () => {
    expect(parseSpeakerText('Jane Doe <jane@example.org>', 'Speaker')).toEqual({
      name: 'Jane Doe',
      role: 'Speaker',
      email: 'jane@example.org',
    });
    expect(parseSpeakerText('jane@example.org', 'Moderator')).toEqual({
      name: 'jane@example.org',
      role: 'Moderator',
      email: 'jane@example.org',
    });
    expect(parseSpeakerText('Dr. Who <not an email>', 'Speaker')).toEqual({ name: 'Dr. Who <not an email>', role: 'Speaker' });
  });

  it('splits the Speakers and Moderator cells in order, a name in both kept once with its first role', () => {
    const refs = readSpeakerRefs(
      {
        sheet: 'Agenda',
        row: 2,
        fields: {
          speakers: { column: 'Speakers', value: 'Ada Park; Bram de Vries' },
          moderators: { column: 'Moderator', value: 'Chiara Conti\nada park' },
        },
      },
      undefined,
    );
    expect(refs).toEqual([ref('Ada Park'), ref('Bram de Vries'), ref('Chiara Conti', 'Moderator')]);
    expect(readSpeakerRefs({ sheet: 'Agenda', row: 3, fields: {} }, undefined)).toBeUndefined();
    expect(readSpeakerRefs({ sheet: 'Agenda', row: 3, fields: { speakers: { column: 'Speakers', value: null } } }, undefined)).toEqual([]);
  });
});

describe('buildRoster', () => {
  it('matches cells to Speakers rows by import id, email, then name ignoring case, accents and spacing', () => {
    const roster = buildRoster({
      speakersSheet: sheet([
        { import_id: 'P-JOSE', name: 'José García', title: 'CTO', company: 'Acme', bio: 'Line one.' },
        { name: 'Ada Park', email: 'ada@example.org' },
      ]),
      sessions: [
        session('S-1', [ref('jose  garcia'), ref('Someone', 'Speaker', 'ADA@example.org')]),
        session('S-2', [ref('P-JOSE'), ref('New Person')]),
        session('S-3', undefined),
      ],
    });
    expect(roster.speakers.map((s) => [s.importId, s.name, s.sessions])).toEqual([
      ['P-JOSE', 'José García', ['S-1', 'S-2']],
      ['speaker:email:ada@example.org', 'Ada Park', ['S-1']],
      ['speaker:name:new person', 'New Person', ['S-2']],
    ]);
    expect(roster.speakers[0]!.fields).toEqual({ name: 'José García', subtitle: 'CTO, Acme', description_html: '<p>Line one.</p>' });
    expect(roster.speakers[2]!.fields).toEqual({ name: 'New Person' });
    expect([...roster.sessionSpeakers]).toEqual([
      ['S-1', ['P-JOSE', 'speaker:email:ada@example.org']],
      ['S-2', ['P-JOSE', 'speaker:name:new person']],
    ]);
  });

  it('same name, different emails: two speakers with a warning each; a cell with the name alone links neither', () => {
    const roster = buildRoster({
      speakersSheet: sheet([
        { name: 'Sam Lee', email: 'sam@one.example' },
        { name: 'Sam Lee', email: 'sam@two.example' },
      ]),
      sessions: [session('S-1', [ref('Sam Lee')]), session('S-2', [ref('Sam Lee', 'Speaker', 'sam@two.example')])],
    });
    expect(roster.speakers.map((s) => s.importId)).toEqual(['speaker:email:sam@one.example', 'speaker:email:sam@two.example']);
    expect(roster.speakers.every((s) => s.issues.some((i) => i.severity === 'warning' && i.message.includes('also named')))).toBe(true);
    expect(roster.sessionSpeakers.get('S-1')).toEqual([]);
    expect(roster.sessionIssues.get('S-1')?.[0]?.message).toContain('matches 2 Speakers rows');
    expect(roster.sessionSpeakers.get('S-2')).toEqual(['speaker:email:sam@two.example']);
  });

  it('two rows with one import id (or one name and no email) are conflicts, never merged', () => {
    const roster = buildRoster({
      speakersSheet: sheet([{ name: 'Sam Lee' }, { name: 'sam lee' }, { import_id: 'P-1', name: 'A' }, { import_id: 'P-1', name: 'B' }]),
      sessions: [],
    });
    expect(roster.speakers).toEqual([]);
    expect(roster.problems.map((p) => [p.action, p.row, p.importId])).toEqual([
      ['conflict', 2, 'speaker:name:sam lee'],
      ['conflict', 3, 'speaker:name:sam lee'],
      ['conflict', 4, 'P-1'],
      ['conflict', 5, 'P-1'],
    ]);
  });

  it("the Speakers sheet's Sessions column adds links and orders the speaker's sessions; an unknown session is a warning", () => {
    const roster = buildRoster({
      speakersSheet: sheet([{ name: 'Ada Park', sessions: ['S-2', 'S-9'], role: 'Moderator' }]),
      sessions: [session('S-1', [ref('Ada Park')]), session('S-2', undefined)],
    });
    expect(roster.speakers[0]!.sessions).toEqual(['S-2', 'S-1']);
    expect(roster.speakers[0]!.roles).toEqual(['Moderator']);
    expect(roster.speakers[0]!.issues[0]?.message).toContain('"S-9"');
  });
});
