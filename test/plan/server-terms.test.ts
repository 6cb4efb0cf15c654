// The planner compares in the server's terms, so a re-sync of an unchanged sheet sends nothing
// even though the real service stores things its own way (issue 10, section 2).
import { describe, expect, it } from 'vitest';
import { canonicalHtml, sameHtml } from '../../src/plan/canonical-html.js';
import { diffSession } from '../../src/plan/session-diff.js';
import { hasInvisibleCharacters, importIdKey } from '../../src/plan/import-ids.js';
import { planImport, type PlanInput } from '../../src/plan/plan-import.js';
import type { ConvertedRow } from '../../src/types.js';
import { descriptionToHtml } from '../../src/validate/index.js';
import { GUIDE, okRow, serverSession, sheetSession } from './factories.js';

function plan(rows: ConvertedRow[], extra: Partial<PlanInput> = {}, options: Partial<PlanInput['options']> = {}) {
  return planImport({
    guideId: GUIDE,
    rows,
    serverSessions: [],
    tracks: [],
    locations: [],
    readRequests: 1,
    ...extra,
    options: { createMissing: false, prune: false, yes: 0, ...options },
  });
}

describe('description HTML is compared by meaning', () => {
  it.each([
    ['entities decoded and re-encoded', '<p>Q&A: a > b</p>', '<p>Q&amp;A: a &gt; b</p>'],
    ['numeric and named references', '<p>caf&#233; &eacute; &#x2014;</p>', '<p>café é —</p>'],
    ['tag case', '<P>Hello <B>world</B></P>', '<p>Hello <b>world</b></p>'],
    ['<br> spellings', '<p>one<br/>two<br />three<BR></p>', '<p>one<br>two<br>three<br></p>'],
    [
      'attribute quoting and order',
      "<a title=x href='https://a.example/?q=1&amp;r=2'>x</a>",
      '<a href="https://a.example/?q=1&amp;r=2" title="x">x</a>',
    ],
    ['whitespace between block tags', '<p>a</p>\n\n  <p>b</p>\n', '<p>a</p><p>b</p>'],
    ['an unclosed paragraph closed by the cleaner', '<p>a<p>b', '<p>a</p><p>b</p>'],
    ['comments dropped', '<p>a<!-- note --></p>', '<p>a</p>'],
    ['whitespace runs inside text', '<p>a  \n b</p>', '<p>a b</p>'],
    ['a table row given its tbody', '<table><tr><td>1</td></tr></table>', '<table><tbody><tr><td>1</td></tr></tbody></table>'],
    ['boolean attributes', '<td nowrap>x</td>', '<td nowrap="">x</td>'],
    ['style declarations', '<span style="COLOR:red">x</span>', '<span style="color: red;">x</span>'],
    ['null and empty', null, ''],
  ])('%s: the same', (_, sheet, server) => {
    expect(sameHtml(sheet, server)).toBe(true);
    expect(diffSession({ description_html: sheet ?? '' }, serverSession(1, { description_html: server })).changes).toEqual([]);
  });

  it.each([
    ['other text', '<p>Q&A</p>', '<p>Q and A</p>'],
    ['another tag', '<p><b>x</b></p>', '<p><i>x</i></p>'],
    ['another link', '<a href="https://a.example/">x</a>', '<a href="https://b.example/">x</a>'],
    ['an escaped tag is text, not a tag', '<p>&lt;b&gt;x&lt;/b&gt;</p>', '<p><b>x</b></p>'],
    ['whitespace inside <pre> counts', '<pre>a  b</pre>', '<pre>a b</pre>'],
    ['a non-breaking space is not a space', '<p>a&nbsp;b</p>', '<p>a b</p>'],
  ])('%s: a change', (_, sheet, server) => {
    expect(sameHtml(sheet, server)).toBe(false);
    expect(diffSession({ description_html: sheet }, serverSession(1, { description_html: server })).patch).toEqual({
      description_html: sheet,
    });
  });

  it('is idempotent: the canonical form of a canonical form is itself', () => {
    const once = canonicalHtml("<P class=x>Q&A <br/> <a href='u'>l</a><ul><li>a<li>b</ul>");
    expect(canonicalHtml(once)).toBe(once);
    expect(once).toBe('<p class="x">Q&amp;A<br><a href="u">l</a></p><ul><li>a</li><li>b</li></ul>');
  });

  it('a sheet cell converted by the importer matches the cleaner-style spelling of it', () => {
    const sheet = descriptionToHtml("<P>Q&A with <a href='https://x.example/'>us</a><br/>a > b</P>").html;
    const server = '<p>Q&amp;A with <a href="https://x.example/">us</a><br>a &gt; b</p>';
    expect(diffSession({ description_html: sheet }, serverSession(1, { description_html: server })).changes).toEqual([]);
  });
});

describe('a blank cell does not manage its field', () => {
  const mapped = ['import_id', 'name', 'start_time', 'end_time', 'all_day', 'rank', 'allow_rating', 'add_to_schedule'] as const;

  it("a blank rank is never sent, on create or on update, and the server's 0.0 is no change", () => {
    const session = sheetSession(2, { import_id: 'r', rank: null }, { mapped: [...mapped] });
    const [create] = plan([okRow(session)]).entries;
    if (create?.action !== 'create') throw new Error('expected a create');
    expect(create.body).not.toHaveProperty('rank');
    const [again] = plan([okRow(session)], { serverSessions: [serverSession(5, { name: 'Session 2', import_id: 'r', rank: 0 })] }).entries;
    expect(again?.action).toBe('unchanged');
  });

  it('a rank the sheet gives is still compared by value, 2 against 2.0', () => {
    const session = sheetSession(2, { import_id: 'r', rank: 2 }, { mapped: [...mapped] });
    expect(
      plan([okRow(session)], { serverSessions: [serverSession(5, { name: 'Session 2', import_id: 'r', rank: 2.0 })] }).entries[0]?.action,
    ).toBe('unchanged');
    const [update] = plan([okRow(session)], { serverSessions: [serverSession(5, { name: 'Session 2', import_id: 'r', rank: 0 })] }).entries;
    if (update?.action !== 'update') throw new Error('expected an update');
    expect(update.patch).toEqual({ rank: 2 });
  });

  it('an all-day row is unchanged against the end time the server gave the session', () => {
    const session = sheetSession(
      3,
      { import_id: 'd', start_time: '2027-03-01T05:00:00.000Z', all_day: true, end_time: null },
      { mapped: [...mapped] },
    );
    const server = serverSession(6, {
      name: 'Session 3',
      import_id: 'd',
      start_time: '2027-03-01T05:00:00.000000+0000',
      all_day: true,
      end_time: '2027-03-02T04:59:59.000000+0000',
    });
    const [entry] = plan([okRow(session)], { serverSessions: [server] }).entries;
    expect(entry?.action).toBe('unchanged');
    const [create] = plan([okRow(session)]).entries;
    if (create?.action !== 'create') throw new Error('expected a create');
    expect(create.body).not.toHaveProperty('end_time');
    expect(create.body).toHaveProperty('all_day', true);
  });

  it('blank yes/no cells against the v1.1 create defaults (true) are no change; a "no" is', () => {
    const blank = sheetSession(4, { import_id: 'b' }, { mapped: [...mapped] });
    const server = serverSession(7, { name: 'Session 4', import_id: 'b', allow_rating: true, add_to_schedule: true });
    expect(plan([okRow(blank)], { serverSessions: [server] }).entries[0]?.action).toBe('unchanged');
    const no = sheetSession(4, { import_id: 'b', allow_rating: false }, { mapped: [...mapped] });
    const [entry] = plan([okRow(no)], { serverSessions: [server] }).entries;
    if (entry?.action !== 'update') throw new Error('expected an update');
    expect(entry.patch).toEqual({ allow_rating: false });
  });
});

describe('create defaults as documented', () => {
  const session = sheetSession(
    2,
    { import_id: 'login', require_login: true },
    { mapped: ['import_id', 'name', 'start_time', 'require_login'] },
  );

  it('v1.1: Require Login on a new session needs no Add to Schedule column (it defaults to true)', () => {
    const [entry] = plan([okRow(session)]).entries;
    expect(entry?.action).toBe('create');
  });

  it('v1: the default is not documented, so the rule is still checked before any request', () => {
    const [entry] = plan([okRow(session)], {}, { apiVersion: 'v1' }).entries;
    expect(entry?.action).toBe('invalid');
    expect(entry?.issues[0]?.message).toMatch(/Require Login needs Add to Schedule to be yes/);
  });
});

describe('import_id is matched after NFC and without invisible characters', () => {
  const composed = 'caf\u00e9-keynote';
  const decomposed = 'cafe\u0301-keynote';
  const zeroWidth = '\u200bcaf\u00e9-keynote\ufeff';

  it('the key folds the spellings into one, and leaves plain ids as they are', () => {
    expect(importIdKey(decomposed)).toBe(composed);
    expect(importIdKey(zeroWidth)).toBe(composed);
    expect(importIdKey('left\u200eright')).toBe('leftright');
    expect(importIdKey('T-101')).toBe('T-101');
    expect(hasInvisibleCharacters(zeroWidth)).toBe(true);
    expect(hasInvisibleCharacters(decomposed)).toBe(false);
  });

  it('a row typed another way matches the server session, and a create writes the clean id', () => {
    const row = sheetSession(2, { import_id: decomposed, name: 'Session 2' }, { mapped: ['import_id', 'name', 'start_time'] });
    const server = serverSession(9, { import_id: composed, name: 'Session 2' });
    expect(plan([okRow(row)], { serverSessions: [server] }).entries[0]).toMatchObject({ action: 'unchanged', sessionId: 9 });
    const [create] = plan([okRow(row)]).entries;
    if (create?.action !== 'create') throw new Error('expected a create');
    expect(create.body.import_id).toBe(composed);
    expect(create.importId).toBe(composed);
    expect(create.issues).toEqual([]);
  });

  it('a cell with invisible characters gets a warning naming them, on the row', () => {
    const row = sheetSession(3, { import_id: zeroWidth, name: 'Session 3' }, { mapped: ['import_id', 'name', 'start_time'] });
    const server = serverSession(9, { import_id: decomposed, name: 'Session 3' });
    const [entry] = plan([okRow(row)], { serverSessions: [server] }).entries;
    expect(entry).toMatchObject({ action: 'unchanged', sessionId: 9 });
    expect(entry?.issues).toEqual([
      expect.objectContaining({ code: 'import_id_normalised', severity: 'warning', row: 3, column: 'import_id', value: zeroWidth }),
    ]);
    expect(entry?.issues[0]?.message).toContain('U+200B, U+FEFF');
  });

  it('two rows typed two ways are one id: a conflict, not two sessions', () => {
    const rows = [composed, decomposed].map((id, i) =>
      okRow(sheetSession(i + 2, { import_id: id }, { mapped: ['import_id', 'name', 'start_time'] })),
    );
    expect(plan(rows).entries.map((entry) => entry.action)).toEqual(['conflict', 'conflict']);
  });

  it('--prune keeps a session whose id differs from the row only in spelling', () => {
    const row = okRow(sheetSession(2, { import_id: composed }, { mapped: ['import_id', 'name', 'start_time'] }));
    const entries = plan(
      [row],
      { serverSessions: [serverSession(9, { name: 'Session 2', import_id: zeroWidth })] },
      { prune: true, yes: 1 },
    ).entries;
    expect(entries.map((entry) => entry.action)).toEqual(['unchanged']);
  });
});
