// Custom lists, their items, relations and links, as a speaker import uses them, against a real
// sandbox on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { GIF_1X1, JPEG_1X1, NOT_AN_IMAGE, PNG_1X1 } from '../images/image-bytes.js';
import { apiClient, validSession, type Call, type Reply } from './client.js';

let sandbox: SandboxHandle;
let api: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  api = apiClient(sandbox);
});
afterAll(() => sandbox.close());

/** A multipart request, as a client sends images. */
async function multipart(method: string, path: string, fields: Record<string, string | { bytes: Buffer; name: string; type: string }>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.bytes], { type: value.type }), value.name);
  }
  const response = await fetch(`${sandbox.apiUrl}${path}`, { method, body: form, headers: { Authorization: 'JWT test-key' } });
  return { status: response.status, body: (await response.json()) as Reply['body'] };
}

const speaker = (overrides: Record<string, unknown> = {}) => ({ guide: 1, name: 'Ada Lovelace', description_html: '', ...overrides });

describe('custom lists', () => {
  it('every guide starts with a "Speakers" list; the list needs ?guide=', async () => {
    const reply = await api('GET', 'custom-lists/?guide=1');
    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([
      { id: 1, created_at: expect.any(String), guide: 1, name: 'Speakers', import_id: null, allow_rating: true, disable_todo: false },
    ]);
    expect((await api('GET', 'custom-lists/?guide=2')).body.results.map((l: { id: number }) => l.id)).toEqual([2]);
    expect((await api('GET', 'custom-lists/')).status).toBe(400);
    expect((await api('GET', 'custom-lists/?guide=3')).status).toBe(403);
  });

  it('creates a list by name, finds it by ?name=, refuses one in another account', async () => {
    const created = await api('POST', 'custom-lists/', { guide: 1, name: 'Moderators', import_id: 'list:moderators' });
    expect(created.status).toBe(201);
    const found = await api('GET', 'custom-lists/?guide=1&name=Moderators');
    expect(found.body.results.map((l: { id: number }) => l.id)).toEqual([created.body.id]);
    expect((await api('POST', 'custom-lists/', { guide: 3, name: 'Theirs' })).status).toBe(403);
    expect((await api('POST', 'custom-lists/', { guide: 1 })).body).toEqual({ name: ['This field is required.'] });
  });
});

describe('custom list items', () => {
  it('creates an item with cleaned HTML, an email and no images; custom_lists is read-only and from relations', async () => {
    const reply = await api(
      'POST',
      'custom-list-items/',
      speaker({
        subtitle: 'Analyst, Engines Ltd',
        description_html: '<P>Wrote the first program<script>x()</script></P>',
        contact_email: 'ada@example.org',
        import_id: 'spk:ada',
        custom_lists: [99],
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      guide: 1,
      name: 'Ada Lovelace',
      subtitle: 'Analyst, Engines Ltd',
      // The same cleaner as sessions: a tag off the allowlist is kept as text.
      description_html: '<p>Wrote the first program&lt;script&gt;x()&lt;/script&gt;</p>',
      contact_email: 'ada@example.org',
      import_id: 'spk:ada',
      allow_rating: true,
      locations: [],
      image: null,
      thumbnail: null,
      custom_lists: [],
    });
    expect(reply.body).not.toHaveProperty('last_updated');
  });

  it('answers 400 per field: name and description_html required, a bad email, a location of another guide', async () => {
    expect((await api('POST', 'custom-list-items/', { guide: 1 })).body).toEqual({
      name: ['This field is required.'],
      description_html: ['This field is required.'],
    });
    expect((await api('POST', 'custom-list-items/', speaker({ contact_email: 'not an email' }))).body).toEqual({
      contact_email: ['Enter a valid email address.'],
    });
    const room = await api('POST', 'locations/', { guide: 2, name: 'Saal 1' });
    expect((await api('POST', 'custom-list-items/', speaker({ locations: [room.body.id] }))).body).toEqual({
      locations: [`Location ${room.body.id} belongs to guide 2, not to guide 1.`],
    });
    expect((await api('POST', 'custom-list-items/', speaker({ guide: 3 }))).status).toBe(403);
  });

  it('takes image and thumbnail as multipart files, PNG or JPEG by content, and serves them at the answered URLs', async () => {
    const reply = await multipart('POST', 'custom-list-items/', {
      guide: '1',
      name: 'Grace Hopper',
      description_html: 'Admiral',
      // The part's declared type is not trusted: the bytes are.
      image: { bytes: PNG_1X1, name: 'grace.bin', type: 'application/octet-stream' },
      thumbnail: { bytes: JPEG_1X1, name: 'grace-small.jpg', type: 'image/jpeg' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.image).toMatch(new RegExp(`^${sandbox.origin}/media/[0-9a-f]{32}\\.png$`));
    expect(reply.body.thumbnail).toMatch(/\/media\/[0-9a-f]{32}\.jpg$/);
    expect(reply.body.description_html).toBe('Admiral');
    const served = await fetch(reply.body.image);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG_1X1)).toBe(true);
    // The state keeps the media path; the bytes are in state.images.
    const stored = sandbox.state().custom_list_items.find((i) => i.id === reply.body.id);
    expect(stored?.image).toMatch(/^media\/[0-9a-f]{32}\.png$/);
    expect(sandbox.state().images[stored?.image as string]?.content_type).toBe('image/png');
  });

  it('refuses a GIF, a file that is no image, an empty file and an image sent as JSON text', async () => {
    const base = { guide: '1', name: 'Bad Photo', description_html: '' };
    const gif = await multipart('POST', 'custom-list-items/', { ...base, image: { bytes: GIF_1X1, name: 'a.png', type: 'image/png' } });
    expect(gif).toEqual({ status: 400, body: { image: ['Only PNG and JPEG images are accepted.'] } });
    const pdf = await multipart('POST', 'custom-list-items/', {
      ...base,
      thumbnail: { bytes: NOT_AN_IMAGE, name: 'a.jpg', type: 'image/jpeg' },
    });
    expect(pdf.body).toEqual({
      thumbnail: ['Upload a valid image. The file you uploaded was either not an image or a corrupted image.'],
    });
    const empty = await multipart('POST', 'custom-list-items/', {
      ...base,
      image: { bytes: Buffer.alloc(0), name: 'a.png', type: 'image/png' },
    });
    expect(empty.body).toEqual({ image: ['The submitted file is empty.'] });
    const json = await api('POST', 'custom-list-items/', speaker({ image: 'https://example.org/a.png' }));
    expect(json.body).toEqual({ image: ['The submitted data was not a file. Check the encoding type on the form.'] });
    expect(sandbox.state().custom_list_items.some((i) => i.name === 'Bad Photo')).toBe(false);
  });

  it('PATCHes an image alone with multipart, leaving the other fields as they were', async () => {
    const created = await api('POST', 'custom-list-items/', speaker({ name: 'Alan Turing', subtitle: 'Mathematician' }));
    const patched = await multipart('PATCH', `custom-list-items/${created.body.id}/`, {
      image: { bytes: JPEG_1X1, name: 'alan.jpg', type: 'image/jpeg' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Alan Turing', subtitle: 'Mathematician', thumbnail: null });
    expect(patched.body.image).toMatch(/\.jpg$/);
  });
});

describe('custom list item relations', () => {
  let itemA: number;
  let itemB: number;
  beforeAll(async () => {
    itemA = (await api('POST', 'custom-list-items/', speaker({ name: 'Relation A' }))).body.id;
    itemB = (await api('POST', 'custom-list-items/', speaker({ name: 'Relation B' }))).body.id;
  });

  it('puts an item in a list; the item answers its lists; the list needs ?custom_list__guide=', async () => {
    const reply = await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: itemA, rank: 1 });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ custom_list: 1, custom_list_item: itemA, rank: 1 });
    expect((await api('GET', `custom-list-items/${itemA}/`)).body.custom_lists).toEqual([1]);
    const listed = await api('GET', `custom-list-item-relations/?custom_list__guide=1&custom_list_item=${itemA}`);
    expect(listed.body.results.map((r: { id: number }) => r.id)).toEqual([reply.body.id]);
    expect((await api('GET', 'custom-list-item-relations/')).body).toEqual({ custom_list__guide: ['This field is required.'] });
    expect((await api('GET', 'custom-list-item-relations/?custom_list__guide=3')).status).toBe(403);
    expect((await api('GET', `custom-list-items/?guide=1&custom_lists=1`)).body.results.map((i: { id: number }) => i.id)).toEqual([itemA]);
  });

  it('one relation per (item, list) and one rank per list, as documented: 400', async () => {
    const again = await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: itemA, rank: 7 });
    expect(again).toMatchObject({
      status: 400,
      body: { non_field_errors: ['The fields custom_list, custom_list_item must make a unique set.'] },
    });
    const sameRank = await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: itemB, rank: 1 });
    expect(sameRank).toMatchObject({ status: 400, body: { non_field_errors: ['The fields custom_list, rank must make a unique set.'] } });
    const ok = await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: itemB, rank: 2 });
    expect(ok.status).toBe(201);
    // A PATCH onto a rank another relation holds is refused too; onto its own rank is fine.
    expect((await api('PATCH', `custom-list-item-relations/${ok.body.id}/`, { rank: 1 })).status).toBe(400);
    expect((await api('PATCH', `custom-list-item-relations/${ok.body.id}/`, { rank: 2 })).status).toBe(200);
  });

  it('a missing rank is a large negative value; an item and a list of different guides are refused', async () => {
    const item = (await api('POST', 'custom-list-items/', speaker({ name: 'No Rank' }))).body.id;
    const reply = await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: item });
    expect(reply.body.rank).toBe(-2147483648);
    const other = (await api('POST', 'custom-list-items/', speaker({ guide: 2, name: 'Elsewhere' }))).body.id;
    expect((await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: other, rank: 50 })).body).toEqual({
      custom_list_item: [`Custom list item ${other} belongs to guide 2, not to guide 1.`],
    });
    expect((await api('POST', 'custom-list-item-relations/', { custom_list: 3, custom_list_item: item, rank: 50 })).status).toBe(403);
    expect((await api('POST', 'custom-list-item-relations/', { custom_list: 999, custom_list_item: item })).body).toEqual({
      custom_list: ['Invalid pk "999" - object does not exist.'],
    });
  });
});

describe('links', () => {
  let session: number;
  let item: number;
  beforeAll(async () => {
    session = (await api('POST', 'sessions/', validSession({ import_id: 'link-session' }))).body.id;
    item = (await api('POST', 'custom-list-items/', speaker({ name: 'Linked Speaker' }))).body.id;
  });

  it('links a session to a speaker and back (two links), with ranks and filters', async () => {
    const toSpeaker = await api('POST', 'links/', {
      guide: 1,
      source_content_type: 'schedule.session',
      source_object_id: session,
      target_content_type: 'custom_list.customlistitem',
      target_object_id: item,
      rank: 1,
      import_id: 'link:a',
    });
    expect(toSpeaker.status).toBe(201);
    expect(toSpeaker.body).toMatchObject({ guide: 1, source_object_id: session, target_object_id: item, rank: 1, import_id: 'link:a' });
    const back = await api('POST', 'links/', {
      guide: 1,
      source_content_type: 'custom_list.customlistitem',
      source_object_id: item,
      target_content_type: 'schedule.session',
      target_object_id: session,
    });
    expect(back.body.rank).toBe(0);
    const fromSession = await api('GET', `links/?guide=1&source_content_type=schedule.session&source_object_id=${session}`);
    expect(fromSession.body.results.map((l: { id: number }) => l.id)).toEqual([toSpeaker.body.id]);
    expect((await api('GET', 'links/')).body).toEqual({ guide: ['This field is required.'] });
  });

  it('refuses unknown content types, objects outside the guide, and a change of either end', async () => {
    const base = {
      guide: 1,
      source_content_type: 'schedule.session',
      source_object_id: session,
      target_content_type: 'custom_list.customlistitem',
      target_object_id: item,
    };
    expect((await api('POST', 'links/', { ...base, target_content_type: 'auth.user' })).body).toEqual({
      target_content_type: ['"auth.user" is not a valid choice.'],
    });
    const foreign = (await api('POST', 'custom-list-items/', speaker({ guide: 2, name: 'Other Guide' }))).body.id;
    expect((await api('POST', 'links/', { ...base, target_object_id: foreign })).body).toEqual({
      target_object_id: [`There is no custom_list.customlistitem with id ${foreign} in guide 1.`],
    });
    expect((await api('POST', 'links/', { ...base, source_object_id: 987654 })).body).toEqual({
      source_object_id: ['There is no schedule.session with id 987654 in guide 1.'],
    });
    expect((await api('POST', 'links/', { ...base, guide: 3 })).status).toBe(403);
    const link = (await api('POST', 'links/', base)).body.id;
    expect((await api('PATCH', `links/${link}/`, { target_object_id: foreign })).body).toEqual({
      target_object_id: ['This field cannot be changed once the link exists.'],
    });
    expect((await api('PATCH', `links/${link}/`, { rank: 3 })).body.rank).toBe(3);
  });

  it('deleting a session or an item deletes its links and relations with it', async () => {
    const s = (await api('POST', 'sessions/', validSession({ import_id: 'doomed' }))).body.id;
    const i = (await api('POST', 'custom-list-items/', speaker({ name: 'Doomed Speaker' }))).body.id;
    await api('POST', 'custom-list-item-relations/', { custom_list: 1, custom_list_item: i, rank: 900 });
    const pair = {
      guide: 1,
      source_content_type: 'schedule.session',
      source_object_id: s,
      target_content_type: 'custom_list.customlistitem',
      target_object_id: i,
    };
    await api('POST', 'links/', pair);
    expect((await api('DELETE', `sessions/${s}/`)).status).toBe(204);
    expect(sandbox.state().links.some((l) => l.source_object_id === s && l.source_content_type === 'schedule.session')).toBe(false);
    expect((await api('DELETE', `custom-list-items/${i}/`)).status).toBe(204);
    expect(sandbox.state().custom_list_item_relations.some((r) => r.custom_list_item === i)).toBe(false);
  });
});

describe('session images', () => {
  it('PATCHes a session image as multipart; v1.1 answers its URL, v1 has no image field', async () => {
    const created = await api('POST', 'sessions/', validSession({ import_id: 'with-image' }));
    expect(created.body.image).toBeNull();
    const patched = await multipart('PATCH', `sessions/${created.body.id}/`, {
      image: { bytes: PNG_1X1, name: 'x.png', type: 'image/png' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.image).toMatch(/\/media\/[0-9a-f]{32}\.png$/);
    expect(patched.body.name).toBe('Opening Keynote');
    const v1 = await apiClient(sandbox, 'test-key', `${sandbox.origin}/open-api/v1/`)('GET', `sessions/${created.body.id}/`);
    expect(v1.body).not.toHaveProperty('image');
    const bad = await multipart('PATCH', `sessions/${created.body.id}/`, {
      image: { bytes: NOT_AN_IMAGE, name: 'x.png', type: 'image/png' },
    });
    expect(bad.status).toBe(400);
  });

  it('logs a file part by name, type and size, never its bytes', () => {
    const logged = sandbox.requestLog.find((e) => e.method === 'PATCH' && e.path.startsWith('/open-api/v1.1/sessions/'));
    expect(logged?.body).toEqual({ image: { file: 'x.png', content_type: 'image/png', bytes: PNG_1X1.length } });
  });
});

describe('guides and publishing', () => {
  it('lists the guides the key reaches, paginated', async () => {
    const first = await api('GET', 'guides/?page_size=1');
    expect(first.body).toMatchObject({
      count: 2,
      previous: null,
      results: [{ id: 1, name: 'Sandbox Conference', timezone: 'America/New_York' }],
    });
    const second = await api('GET', first.body.next);
    expect(second.body.results.map((g: { id: number }) => g.id)).toEqual([2]);
    expect(second.body.next).toBeNull();
  });

  it('publishes an own guide (kept in the state), 403 for another account, 404 unknown, 405 for GET', async () => {
    const reply = await api('POST', 'guides/1/publish/');
    expect(reply.status).toBe(200);
    expect(sandbox.state().publications).toEqual([{ guide: 1, at: expect.any(String) }]);
    expect((await api('POST', 'guides/3/publish/')).status).toBe(403);
    expect((await api('POST', 'guides/99/publish/')).status).toBe(404);
    expect((await api('GET', 'guides/1/publish/')).status).toBe(405);
    expect((await api('POST', 'sessions/1/publish/')).status).toBe(404);
  });

  it('refuses publishing as an unpaid plan when the switch is on (through the admin path too)', async () => {
    const set = await fetch(`${sandbox.origin}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ refusePublish: true }) });
    expect(((await set.json()) as { refusePublish: boolean }).refusePublish).toBe(true);
    const reply = await api('POST', 'guides/1/publish/');
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toMatch(/not available on your plan/);
    expect(sandbox.state().publications).toHaveLength(1);
    sandbox.setFaults({ refusePublish: false });
  });
});

describe('faults and budget on the new routes', () => {
  it('counts them in the daily budget (429) and fails them with --fail-rate like every route', async () => {
    const local = await startSandbox({ dailyBudget: 2 });
    const call = apiClient(local);
    try {
      expect((await call('GET', 'custom-lists/?guide=1')).status).toBe(200);
      expect((await call('GET', 'links/?guide=1')).status).toBe(200);
      expect((await call('POST', 'guides/1/publish/')).status).toBe(429);
      local.resetBudget();
      local.setFaults({ failRate: 1 });
      expect([500, 502, 503]).toContain((await call('POST', 'custom-list-items/', speaker())).status);
      expect(local.state().custom_list_items).toEqual([]);
      expect(local.requestLog.map((e) => e.status)).toEqual([200, 200, 429, expect.any(Number)]);
    } finally {
      await local.close();
    }
  });

  it('the listing switches apply to the new lists too: --ignore-guide-filter and --page-size-cap', async () => {
    const local = await startSandbox({ ignoreGuideFilter: true, pageSizeCap: 1 });
    const call = apiClient(local);
    try {
      for (const guide of [1, 2]) {
        const item = (await call('POST', 'custom-list-items/', speaker({ guide, name: `In guide ${guide}` }))).body.id;
        await call('POST', 'custom-list-item-relations/', { custom_list: guide, custom_list_item: item, rank: 1 });
      }
      const relations = await call('GET', 'custom-list-item-relations/?custom_list__guide=1&page_size=50');
      // Both guides' relations, one per page: a client must check each record's list.
      expect(relations.body.count).toBe(2);
      expect(relations.body.results).toHaveLength(1);
      expect(relations.body.next).toMatch(/page=2/);
      const items = await call('GET', 'custom-list-items/?guide=1');
      expect(items.body.count).toBe(2);
    } finally {
      await local.close();
    }
  });
});
