import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession, type Call } from './client.js';

let sandbox: SandboxHandle;
let api: Call;
let track: number;

beforeAll(async () => {
  sandbox = await startSandbox({ pageSizeMax: 20 });
  api = apiClient(sandbox);
  track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Workshops' })).body.id;
  // 45 sessions in guide 1 at descending start times, every third one in the track; 3 in guide 2.
  for (let i = 0; i < 45; i += 1) {
    const hour = String(8 + ((44 - i) % 12)).padStart(2, '0');
    const day = 10 + Math.floor((44 - i) / 12);
    await api(
      'POST',
      'sessions/',
      validSession({
        name: `Session ${i}`,
        import_id: `s-${i}`,
        start_time: `2027-05-${day}T${hour}:00:00Z`,
        end_time: i % 5 === 0 ? null : `2027-05-${day}T${hour}:45:00Z`,
        schedule_tracks: i % 3 === 0 ? [track] : [],
      }),
    );
  }
  for (let i = 0; i < 3; i += 1) await api('POST', 'sessions/', validSession({ guide: 2, name: `Berlin ${i}` }));
});
afterAll(() => sandbox.close());

describe('pagination', () => {
  it('pages with absolute next/previous URLs that work when followed and keep the filters', async () => {
    const seen: number[] = [];
    let url: string | null = `sessions/?guide=1&page_size=10`;
    let pages = 0;
    while (url) {
      const reply = await api('GET', url);
      expect(reply.status).toBe(200);
      expect(reply.body.count).toBe(45);
      seen.push(...reply.body.results.map((s: { id: number }) => s.id));
      if (reply.body.next) expect(reply.body.next).toMatch(new RegExp(`^${sandbox.origin}/open-api/v1\\.1/sessions/\\?`));
      if (reply.body.next) expect(new URL(reply.body.next).searchParams.get('guide')).toBe('1');
      url = reply.body.next;
      pages += 1;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('links back with previous; the first page has no page parameter', async () => {
    const second = await api('GET', 'sessions/?guide=1&page_size=10&page=2');
    expect(second.body.previous).toBe(`${sandbox.origin}/open-api/v1.1/sessions/?guide=1&page_size=10`);
    const first = await api('GET', second.body.previous);
    expect(first.body.previous).toBeNull();
    expect(first.body.results[0].id).toBeLessThan(second.body.results[0].id);
  });

  it('defaults to 50 per page capped by pageSizeMax, and answers 404 past the end', async () => {
    const capped = await api('GET', 'sessions/?guide=1&page_size=1000');
    expect(capped.body.results).toHaveLength(20);
    const defaulted = await api('GET', 'sessions/?guide=1');
    expect(defaulted.body.results).toHaveLength(20);
    const past = await api('GET', 'sessions/?guide=1&page_size=20&page=4');
    expect(past.status).toBe(404);
    expect(past.body).toEqual({ detail: 'Invalid page.' });
    expect((await api('GET', 'sessions/?guide=1&page=zero')).status).toBe(404);
  });

  it('keeps the prefix the client used in next URLs', async () => {
    const bare = await api('GET', `${sandbox.origin}/sessions?guide=1&page_size=20`);
    expect(bare.body.next).toBe(`${sandbox.origin}/sessions/?guide=1&page_size=20&page=2`);
    expect((await api('GET', bare.body.next)).body.results).toHaveLength(20);
  });

  it('answers an empty first page for a guide with nothing in it', async () => {
    const reply = await api('GET', 'locations/?guide=2');
    expect(reply.body).toEqual({ count: 0, next: null, previous: null, results: [] });
  });
});

describe('filters and ordering', () => {
  it('filters sessions by guide, import_id, id and schedule_tracks', async () => {
    expect((await api('GET', 'sessions/?guide=2')).body.count).toBe(3);
    const byImport = await api('GET', 'sessions/?guide=1&import_id=s-7');
    expect(byImport.body.results.map((s: { name: string }) => s.name)).toEqual(['Session 7']);
    expect((await api('GET', 'sessions/?guide=2&import_id=s-7')).body.count).toBe(0);
    const id = byImport.body.results[0].id;
    expect((await api('GET', `sessions/?guide=1&id=${id}`)).body.results[0].import_id).toBe('s-7');
    const inTrack = await api('GET', `sessions/?guide=1&schedule_tracks=${track}&page_size=20`);
    expect(inTrack.body.count).toBe(15);
    expect(inTrack.body.results.every((s: { schedule_tracks: number[] }) => s.schedule_tracks.includes(track))).toBe(true);
  });

  it('orders by start_time, descending, and by several fields', async () => {
    const all = async (ordering: string) => {
      const out: Array<{ id: number; start_time: string; end_time: string | null }> = [];
      let url: string | null = `sessions/?guide=1&page_size=20&ordering=${ordering}`;
      while (url) {
        const reply = await api('GET', url);
        out.push(...reply.body.results);
        url = reply.body.next;
      }
      return out;
    };
    const byStart = await all('start_time');
    expect(byStart.map((s) => s.start_time)).toEqual([...byStart.map((s) => s.start_time)].sort());
    expect(byStart[0]?.id).toBeGreaterThan(byStart[44]?.id ?? Infinity);
    const byStartDesc = await all('-start_time');
    expect(byStartDesc.map((s) => s.id)).toEqual(byStart.map((s) => s.id).reverse());
    const byIdDesc = await all('-id');
    expect(byIdDesc.map((s) => s.id)).toEqual([...byIdDesc.map((s) => s.id)].sort((a, b) => b - a));
    const byEnd = await all('end_time,-id');
    const nullEnds = byEnd.filter((s) => s.end_time === null);
    expect(nullEnds).toHaveLength(9);
    expect(byEnd.slice(-9)).toEqual(nullEnds); // nulls last, as PostgreSQL sorts them
    expect(nullEnds.map((s) => s.id)).toEqual([...nullEnds.map((s) => s.id)].sort((a, b) => b - a));
  });

  it('filters locations by type and tracks by import_id', async () => {
    await api('POST', 'locations/', { guide: 1, name: 'Main Venue', location_type: 1 });
    await api('POST', 'locations/', { guide: 1, name: 'Room A' });
    await api('POST', 'locations/', { guide: 1, name: 'Map pin', location_type: 3, latitude: 40.7, longitude: -74 });
    const rooms = await api('GET', 'locations/?guide=1&location_type=2');
    expect(rooms.body.results.map((l: { name: string }) => l.name)).toEqual(['Room A']);
    await api('POST', 'schedule-tracks/', { guide: 1, name: 'Tagged', import_id: 'trk-1', color: '#000080' });
    const tagged = await api('GET', 'schedule-tracks/?guide=1&import_id=trk-1');
    expect(tagged.body.results).toHaveLength(1);
    expect(tagged.body.results[0]).toMatchObject({ name: 'Tagged', color: '#000080', guide: 1 });
  });
});
