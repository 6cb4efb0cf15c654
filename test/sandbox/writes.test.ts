import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession, type Call } from './client.js';

let sandbox: SandboxHandle;
let api: Call;

beforeAll(async () => {
  sandbox = await startSandbox();
  api = apiClient(sandbox);
});
afterAll(() => sandbox.close());

const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+0000$/;

describe('creating sessions', () => {
  it('answers 201 with the full v1.1 session shape (image, no last_updated), times in UTC, the documented defaults', async () => {
    const reply = await api(
      'POST',
      'sessions/',
      validSession({ start_time: '2027-05-10T09:00:00-04:00', end_time: '2027-05-10T10:30:00-04:00' }),
    );
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body)).toEqual([
      'id',
      'created_at',
      'start_time',
      'end_time',
      'all_day',
      'name',
      'description_html',
      'import_id',
      'allow_rating',
      'add_to_schedule',
      'guide',
      'schedule_tracks',
      'locations',
      'rank',
      'require_login',
      'max_capacity',
      'waitlist',
      'registration_start_date',
      'registration_end_date',
      'image',
    ]);
    expect(reply.body).toMatchObject({
      start_time: '2027-05-10T13:00:00.000000+0000',
      end_time: '2027-05-10T14:30:00.000000+0000',
      all_day: false,
      allow_rating: true,
      add_to_schedule: true,
      import_id: null,
      description_html: null,
      guide: 1,
      schedule_tracks: [],
      locations: [],
      rank: 0,
      max_capacity: null,
      image: null,
    });
    expect(reply.body.created_at).toMatch(API_TIME);
    expect((await api('GET', `sessions/${reply.body.id}/`)).body).toEqual(reply.body);
  });

  it('reads a naive datetime as UTC and keeps microseconds', async () => {
    const reply = await api(
      'POST',
      'sessions/',
      validSession({ start_time: '2017-09-18T16:00:00', end_time: '2017-09-18 17:00:00.123456Z' }),
    );
    expect(reply.body.start_time).toBe('2017-09-18T16:00:00.000000+0000');
    expect(reply.body.end_time).toBe('2017-09-18T17:00:00.123456+0000');
  });

  it("takes form-encoded bodies as the seed page's python does, repeated keys as lists", async () => {
    const tracks = [
      (await api('POST', 'schedule-tracks/', { guide: 1, name: 'A' })).body.id,
      (await api('POST', 'schedule-tracks/', { guide: 1, name: 'B' })).body.id,
    ];
    const form = new URLSearchParams({
      start_time: '2017-09-18T16:00:00',
      end_time: '2017-09-18T17:00:00',
      guide: '1',
      description_html: '<p>This is a description field that supports basic HTML</p>',
      name: 'Test Session Created via the Open API',
      allow_rating: 'True',
      rank: '',
    });
    // A blank form value of a field that may not be null is "not given": rank keeps its 0.0.
    for (const id of tracks) form.append('schedule_tracks', String(id));
    const reply = await api('POST', 'sessions/', form.toString(), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      guide: 1,
      allow_rating: true,
      rank: 0,
      schedule_tracks: tracks,
      start_time: '2017-09-18T16:00:00.000000+0000',
    });
  });

  it('gives ids that are never reused after a delete', async () => {
    const a = (await api('POST', 'sessions/', validSession())).body.id;
    expect((await api('DELETE', `sessions/${a}/`)).status).toBe(204);
    const b = (await api('POST', 'sessions/', validSession())).body.id;
    expect(b).toBeGreaterThan(a);
  });
});

describe('PATCH and DELETE', () => {
  it('PATCH changes only the fields sent and moves last_updated (v1, the version that shows it)', async () => {
    const v1 = apiClient(sandbox, 'test-key', `${sandbox.origin}/open-api/v1/`);
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Kept' })).body.id;
    const created = (
      await v1(
        'POST',
        'sessions/',
        validSession({
          description_html: '<p>Keep me</p>',
          import_id: 'patch-1',
          schedule_tracks: [track],
          allow_rating: true,
        }),
      )
    ).body;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const patched = await v1('PATCH', `sessions/${created.id}/`, { name: 'Renamed', end_time: '2027-05-10T15:00:00Z' });
    expect(patched.status).toBe(200);
    const { name, end_time, last_updated, ...untouched } = patched.body;
    const { name: _n, end_time: _e, last_updated: before, ...original } = created;
    expect(untouched).toEqual(original);
    expect(name).toBe('Renamed');
    expect(end_time).toBe('2027-05-10T15:00:00.000000+0000');
    expect(last_updated > before).toBe(true);
    expect((await v1('GET', `sessions/${created.id}/`)).body).toEqual(patched.body);
  });

  it('PATCH can clear a nullable field', async () => {
    const created = (await api('POST', 'sessions/', validSession({ import_id: 'clear-me' }))).body;
    const reply = await api('PATCH', `sessions/${created.id}/`, { end_time: null, import_id: null });
    expect(reply.body).toMatchObject({ end_time: null, import_id: null, start_time: created.start_time });
  });

  it('DELETE answers 204 with no body, then the session is gone', async () => {
    const created = (await api('POST', 'sessions/', validSession({ import_id: 'doomed' }))).body;
    const reply = await api('DELETE', `sessions/${created.id}/`);
    expect(reply.status).toBe(204);
    expect(reply.body).toBeNull();
    expect((await api('GET', `sessions/${created.id}/`)).status).toBe(404);
    expect((await api('DELETE', `sessions/${created.id}/`)).status).toBe(404);
    expect((await api('GET', 'sessions/?guide=1&import_id=doomed')).body.count).toBe(0);
  });

  it('deleting a track or location takes it off every session', async () => {
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Short-lived' })).body.id;
    const room = (await api('POST', 'locations/', { guide: 1, name: 'Closing room' })).body.id;
    const session = (await api('POST', 'sessions/', validSession({ schedule_tracks: [track], locations: [room] }))).body;
    expect((await api('DELETE', `schedule-tracks/${track}/`)).status).toBe(204);
    expect((await api('DELETE', `locations/${room}/`)).status).toBe(204);
    const after = (await api('GET', `sessions/${session.id}/`)).body;
    expect(after.schedule_tracks).toEqual([]);
    expect(after.locations).toEqual([]);
  });
});

describe('schedule tracks and locations', () => {
  it('validates tracks: name required, color a hex colour, guide fixed', async () => {
    expect((await api('POST', 'schedule-tracks/', { guide: 1 })).body).toEqual({ name: ['This field is required.'] });
    expect((await api('POST', 'schedule-tracks/', { guide: 1, name: 'X', color: 'navy' })).body).toEqual({
      color: ['Enter a valid hex color, such as #000080.'],
    });
    const track = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'X', color: '#123abc' })).body;
    expect(track).toMatchObject({ guide: 1, name: 'X', color: '#123abc', import_id: null });
    expect((await api('PATCH', `schedule-tracks/${track.id}/`, { guide: 2 })).status).toBe(400);
    const renamed = await api('PATCH', `schedule-tracks/${track.id}/`, { name: 'Y' });
    expect(renamed.body).toMatchObject({ name: 'Y', color: '#123abc' });
    expect((await api('POST', 'schedule-tracks/', { guide: 3, name: 'Theirs' })).status).toBe(403);
  });

  it('validates locations: type a choice, a map location needs coordinates', async () => {
    expect((await api('POST', 'locations/', { guide: 1, name: 'Z', location_type: 7 })).body).toEqual({
      location_type: ['"7" is not a valid choice.'],
    });
    expect((await api('POST', 'locations/', { guide: 1, name: 'Pin', location_type: 3 })).body).toEqual({
      location_type: ['A map location (location_type 3) needs latitude and longitude.'],
    });
    const room = await api('POST', 'locations/', { guide: 1, name: 'Room 101', import_id: 'r101' });
    expect(room.status).toBe(201);
    expect(room.body).toMatchObject({ guide: 1, name: 'Room 101', location_type: 2, import_id: 'r101', address: null });
  });
});
