// The two planner rules an exported sheet relies on: a `gb-session-<id>` row claims the session
// it came from (no duplicate), and a description someone else wrote imports unchanged.
import { describe, expect, it } from 'vitest';
import { diffSession } from '../../src/plan/session-diff.js';
import { planImport } from '../../src/plan/plan-import.js';
import type { ApiSession, ConvertedRow } from '../../src/types.js';
import { descriptionToHtml } from '../../src/validate/index.js';
import { GUIDE, okRow, serverSession, sheetSession } from './factories.js';

function plan(rows: ConvertedRow[], serverSessions: ApiSession[], prune = false) {
  return planImport({
    guideId: GUIDE,
    rows,
    serverSessions,
    tracks: [],
    locations: [],
    readRequests: 1,
    options: { createMissing: false, prune, yes: 0 },
  });
}

const MAPPED = ['import_id', 'name', 'start_time'] as const;

describe('a gb-session-<id> row claims the session without an import_id', () => {
  it('is an update that writes only the import_id when nothing else changed', () => {
    const server = serverSession(42, { import_id: null, name: 'Opening' });
    const row = sheetSession(2, { import_id: 'gb-session-42', name: 'Opening' }, { mapped: [...MAPPED] });
    const result = plan([okRow(row)], [server]);
    const [entry] = result.entries;
    expect(entry).toMatchObject({ action: 'update', sessionId: 42, patch: { import_id: 'gb-session-42' } });
    if (entry?.action !== 'update') throw new Error('expected an update');
    expect(Object.keys(entry.patch)).toEqual(['import_id']);
    expect(entry.changes).toEqual([{ field: 'import_id', old: null, new: 'gb-session-42' }]);
    expect(result.writeRequests).toBe(1);
  });

  it('also writes the fields the row changed', () => {
    const server = serverSession(42, { import_id: null, name: 'Opening' });
    const row = sheetSession(2, { import_id: 'gb-session-42', name: 'Opening keynote' }, { mapped: [...MAPPED] });
    const [entry] = plan([okRow(row)], [server]).entries;
    if (entry?.action !== 'update') throw new Error('expected an update');
    expect(entry.patch).toEqual({ name: 'Opening keynote', import_id: 'gb-session-42' });
  });

  it('never claims a session that already holds an import_id: the row is a create', () => {
    const server = serverSession(42, { import_id: 'talk-1' });
    const row = sheetSession(2, { import_id: 'gb-session-42' }, { mapped: [...MAPPED] });
    expect(plan([okRow(row)], [server]).entries[0]).toMatchObject({ action: 'create' });
  });

  it('matches by import_id first: a session already holding gb-session-42 is the match', () => {
    const claimedEarlier = serverSession(7, { import_id: 'gb-session-42', name: 'Session 2' });
    const unclaimed = serverSession(42, { import_id: null });
    const row = sheetSession(2, { import_id: 'gb-session-42' }, { mapped: [...MAPPED] });
    expect(plan([okRow(row)], [claimedEarlier, unclaimed]).entries[0]).toMatchObject({ action: 'unchanged', sessionId: 7 });
  });

  it('ignores sessions of another guide, unknown ids and ids that only look alike', () => {
    const otherGuide = { ...serverSession(42, { import_id: null }), guide: GUIDE + 1 };
    const rows = ['gb-session-42', 'gb-session-43', 'gb-session-042', 'GB-SESSION-42', 'gb-session-42x'].map((id, i) =>
      okRow(sheetSession(i + 2, { import_id: id }, { mapped: [...MAPPED] })),
    );
    const actions = plan(rows, [otherGuide, serverSession(43, { import_id: 'taken' })]).entries.map((e) => e.action);
    expect(actions).toEqual(['create', 'create', 'create', 'create', 'create']);
  });

  it('two rows naming one session are a conflict, not two writes', () => {
    const server = serverSession(42, { import_id: null });
    const rows = [2, 3].map((n) => okRow(sheetSession(n, { import_id: 'gb-session-42' }, { mapped: [...MAPPED] })));
    expect(plan(rows, [server]).entries.map((e) => e.action)).toEqual(['conflict', 'conflict']);
  });

  it('prune still never deletes a session without an import_id', () => {
    const kept = serverSession(42, { import_id: null });
    const gone = serverSession(43, { import_id: 'old' });
    const row = sheetSession(2, { import_id: 'x' }, { mapped: [...MAPPED] });
    const deletes = plan([okRow(row)], [kept, gone], true).entries.filter((e) => e.action === 'delete');
    expect(deletes.map((e) => ('sessionId' in e ? e.sessionId : null))).toEqual([43]);
  });
});

describe("descriptions are compared through the importer's own conversion", () => {
  const diff = (serverHtml: string | null, sheetText: string) =>
    diffSession({ description_html: descriptionToHtml(sheetText).html }, serverSession(1, { description_html: serverHtml }));

  it.each([
    ['plain text', 'Bring a laptop & charger.\n\nDoors open at 9 < 10.'],
    ['HTML the importer would keep', '<p>Hello <b>world</b></p>'],
    ['HTML with tags Guidebook drops', '<p onclick="x()">Hi<script>alert(1)</script></p><font>Q&amp;A</font>'],
    ['text starting with =', '=SUM(A1:A3) is not a formula here'],
    ['blank lines and CRLF', '  line one\r\nline two\r\n\r\n  '],
  ])('%s held by the server and exported as it is: unchanged', (_, text) => {
    expect(diff(text, text).changes).toEqual([]);
  });

  it('a real edit is still an update, with the converted text as the new value', () => {
    const { changes, patch } = diff('Bring a laptop.', 'Bring a laptop and a charger.');
    expect(changes.map((c) => c.field)).toEqual(['description_html']);
    expect(patch.description_html).toBe('<p>Bring a laptop and a charger.</p>');
  });

  it('clearing a description is an update; an empty one stays unchanged', () => {
    expect(diff('Some text', '').patch).toEqual({ description_html: '' });
    expect(diff(null, '').changes).toEqual([]);
    expect(diff('', '').changes).toEqual([]);
  });
});
