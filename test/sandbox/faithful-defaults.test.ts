// The sandbox answers as the real service does by default (issue 10, section 3): every other
// test of the importer runs against these answers, over real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession, type Call } from './client.js';

let sandbox: SandboxHandle;
let api: Call;
let v1: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  api = apiClient(sandbox);
  v1 = apiClient(sandbox, 'test-key', `${sandbox.origin}/open-api/v1/`);
});
afterAll(() => sandbox.close());

describe('rank', () => {
  it('is 0.0 when never set, and null is refused with a field message', async () => {
    const created = await api('POST', 'sessions/', validSession());
    expect(created.body.rank).toBe(0);
    const refused = await api('POST', 'sessions/', validSession({ rank: null }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ rank: ['This field may not be null.'] });
    const patched = await api('PATCH', `sessions/${created.body.id}/`, { rank: null });
    expect(patched.status).toBe(400);
    expect(patched.body).toEqual({ rank: ['This field may not be null.'] });
    expect((await api('PATCH', `sessions/${created.body.id}/`, { rank: 2.5 })).body.rank).toBe(2.5);
  });
});

describe('create defaults', () => {
  it('v1.1 turns allow_rating and add_to_schedule on unless the create says otherwise', async () => {
    expect((await api('POST', 'sessions/', validSession())).body).toMatchObject({ allow_rating: true, add_to_schedule: true });
    expect((await api('POST', 'sessions/', validSession({ allow_rating: false }))).body).toMatchObject({
      allow_rating: false,
      add_to_schedule: true,
    });
  });

  it('v1 leaves them off', async () => {
    const created = await v1('POST', 'sessions/', validSession({ description_html: '<p>v1</p>' }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ allow_rating: false, add_to_schedule: false });
  });
});

describe('v1 description_html', () => {
  it('is required and may not be blank', async () => {
    expect((await v1('POST', 'sessions/', validSession())).body).toEqual({ description_html: ['This field is required.'] });
    expect((await v1('POST', 'sessions/', validSession({ description_html: '  ' }))).body).toEqual({
      description_html: ['This field may not be blank.'],
    });
    expect((await api('POST', 'sessions/', validSession({ description_html: '' }))).status).toBe(201);
  });
});

describe('all-day sessions', () => {
  it('get an end time when none is sent: the last second of the 24 hours from the start', async () => {
    const created = await api('POST', 'sessions/', validSession({ all_day: true, start_time: '2027-05-10T04:00:00Z', end_time: null }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      all_day: true,
      start_time: '2027-05-10T04:00:00.000000+0000',
      end_time: '2027-05-11T03:59:59.000000+0000',
    });
    const timed = await api('POST', 'sessions/', validSession({ end_time: null }));
    expect(timed.body.end_time).toBeNull();
    const switched = await api('PATCH', `sessions/${timed.body.id}/`, { all_day: true });
    expect(switched.body.end_time).toBe('2027-05-11T12:59:59.000000+0000');
  });
});

describe('description HTML is stored as an allowlist cleaner writes it', () => {
  it.each([
    ['bare & and >', '<p>Q&A: a > b</p>', '<p>Q&amp;A: a &gt; b</p>'],
    ['entities kept as written', '<p>caf&eacute; &amp; &#8212;</p>', '<p>caf&eacute; &amp; &#8212;</p>'],
    ['tag case', '<P>Hello <B>there</B></P>', '<p>Hello <b>there</b></p>'],
    ['br spellings', '<p>a<br/>b<br />c<BR></p>', '<p>a<br>b<br>c<br></p>'],
    [
      'single-quoted and bare attributes',
      "<a href='https://x.example/?a=1&b=2' title=Hi>x</a>",
      '<a href="https://x.example/?a=1&amp;b=2" title="Hi">x</a>',
    ],
    ['attributes not allowed dropped', '<p onclick="x()" class="c">a</p>', '<p>a</p>'],
    [
      'style: only color, written back its own way',
      '<span style="color:red;font-size:30px">a</span>',
      '<span style="color: red;">a</span>',
    ],
    [
      'tags not allowed escaped as text',
      '<font color="red">a</font><script>x</script>',
      '&lt;font color="red"&gt;a&lt;/font&gt;&lt;script&gt;x&lt;/script&gt;',
    ],
    ['comments dropped', '<p>a<!-- secret --></p>', '<p>a</p>'],
    ['unclosed elements closed', '<p>a<p>b', '<p>a</p><p>b</p>'],
    ['plain text', 'Just text', 'Just text'],
  ])('%s', async (_, sent, stored) => {
    const created = await api('POST', 'sessions/', validSession({ description_html: sent }));
    expect(created.status).toBe(201);
    expect(created.body.description_html).toBe(stored);
    expect(sandbox.state().sessions.find((s) => s.id === created.body.id)?.description_html).toBe(stored);
  });
});
