import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.js';
import { apiClient, validSession, type Call } from './client.js';

let sandbox: SandboxHandle;
let api: Call;
let v1: Call;
let trackOfGuide1: number;
let trackOfGuide2: number;
let locationOfGuide2: number;

beforeAll(async () => {
  sandbox = await startSandbox();
  api = apiClient(sandbox);
  v1 = apiClient(sandbox, 'test-key', `${sandbox.origin}/open-api/v1/`);
  trackOfGuide1 = (await api('POST', 'schedule-tracks/', { guide: 1, name: 'Keynotes' })).body.id;
  trackOfGuide2 = (await api('POST', 'schedule-tracks/', { guide: 2, name: 'Elsewhere' })).body.id;
  locationOfGuide2 = (await api('POST', 'locations/', { guide: 2, name: 'Saal 1' })).body.id;
});
afterAll(() => sandbox.close());

async function expectRejected(body: unknown, expected: Record<string, string[]>, call: Call = api): Promise<void> {
  const before = sandbox.state().sessions.length;
  const reply = await call('POST', 'sessions/', body);
  expect(reply.status).toBe(400);
  expect(reply.body).toEqual(expected);
  expect(sandbox.state().sessions.length).toBe(before);
}

describe('session validation (400 per field, DRF style)', () => {
  it('names every missing required field', async () => {
    await expectRejected(
      {},
      {
        guide: ['This field is required.'],
        name: ['This field is required.'],
        start_time: ['This field is required.'],
      },
    );
  });

  it('requires description_html in v1 only', async () => {
    await expectRejected(validSession(), { description_html: ['This field is required.'] }, v1);
    expect((await api('POST', 'sessions/', validSession())).status).toBe(201);
    expect((await v1('POST', 'sessions/', validSession({ description_html: '<p>x</p>' }))).status).toBe(201);
  });

  it('rejects wrong types with the DRF messages', async () => {
    await expectRejected(validSession({ max_capacity: 'lots', require_login: true, add_to_schedule: true }), {
      max_capacity: ['A valid integer is required.'],
    });
    await expectRejected(validSession({ all_day: 'maybe' }), { all_day: ['Must be a valid boolean.'] });
    await expectRejected(validSession({ start_time: '10/05/2027 9:00' }), {
      start_time: ['Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'],
    });
    await expectRejected(validSession({ start_time: '2027-02-30T09:00:00Z' }), {
      start_time: ['Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].'],
    });
    await expectRejected(validSession({ end_time: '2027-05-10' }), { end_time: ['Expected a datetime but got a date.'] });
    await expectRejected(validSession({ rank: 'first' }), { rank: ['A valid number is required.'] });
    await expectRejected(validSession({ schedule_tracks: 3 }), { schedule_tracks: ['Expected a list of items but got type "int".'] });
    await expectRejected(validSession({ guide: true }), { guide: ['Incorrect type. Expected pk value, received bool.'] });
  });

  it('rejects null and blank where they are not allowed', async () => {
    await expectRejected(validSession({ name: '   ' }), { name: ['This field may not be blank.'] });
    await expectRejected(validSession({ start_time: null }), { start_time: ['This field may not be null.'] });
    await expectRejected(validSession({ all_day: null }), { all_day: ['This field may not be null.'] });
  });

  it('rejects an end before the start, comparing instants across offsets', async () => {
    await expectRejected(validSession({ start_time: '2027-05-10T09:00:00-04:00', end_time: '2027-05-10T12:59:00Z' }), {
      end_time: ['End time must not be before start time.'],
    });
    const sameInstant = await api(
      'POST',
      'sessions/',
      validSession({ start_time: '2027-05-10T09:00:00-04:00', end_time: '2027-05-10T13:30:00+00:00' }),
    );
    expect(sameInstant.status).toBe(201);
  });

  it('limits description_html to 20,000 characters', async () => {
    await expectRejected(validSession({ description_html: 'x'.repeat(20_001) }), {
      description_html: ['Ensure this field has no more than 20000 characters.'],
    });
    expect((await api('POST', 'sessions/', validSession({ description_html: 'x'.repeat(20_000) }))).status).toBe(201);
  });

  it('rejects unknown track and location ids and those of another guide', async () => {
    await expectRejected(validSession({ schedule_tracks: [trackOfGuide1, 9999] }), {
      schedule_tracks: ['Invalid pk "9999" - object does not exist.'],
    });
    await expectRejected(validSession({ schedule_tracks: [trackOfGuide2] }), {
      schedule_tracks: [`Schedule track ${trackOfGuide2} belongs to guide 2, not to guide 1.`],
    });
    await expectRejected(validSession({ locations: [locationOfGuide2] }), {
      locations: [`Location ${locationOfGuide2} belongs to guide 2, not to guide 1.`],
    });
    await expectRejected(validSession({ locations: [4242] }), { locations: ['Invalid pk "4242" - object does not exist.'] });
    const ok = await api('POST', 'sessions/', validSession({ schedule_tracks: [trackOfGuide1] }));
    expect(ok.status).toBe(201);
    expect(ok.body.schedule_tracks).toEqual([trackOfGuide1]);
  });

  it('rejects an unknown guide', async () => {
    await expectRejected(validSession({ guide: 99 }), { guide: ['Invalid pk "99" - object does not exist.'] });
  });

  it('applies the registration rules between fields', async () => {
    await expectRejected(validSession({ require_login: true, add_to_schedule: false }), {
      require_login: ['require_login needs add_to_schedule to be true.'],
    });
    await expectRejected(validSession({ add_to_schedule: true, max_capacity: 50 }), {
      max_capacity: ['max_capacity needs require_login to be true.'],
    });
    await expectRejected(validSession({ add_to_schedule: true, require_login: true, waitlist: true }), {
      waitlist: ['waitlist needs max_capacity to be set.'],
    });
    await expectRejected(validSession({ registration_start_date: '2027-04-01T00:00:00Z' }), {
      registration_start_date: ['registration_start_date needs require_login to be true.'],
    });
    await expectRejected(validSession({ registration_end_date: '2027-04-01T00:00:00Z' }), {
      registration_end_date: ['registration_end_date needs require_login to be true.'],
    });
    const full = await api(
      'POST',
      'sessions/',
      validSession({
        add_to_schedule: true,
        require_login: true,
        max_capacity: 40,
        waitlist: true,
        registration_start_date: '2027-04-01T00:00:00Z',
        registration_end_date: '2027-05-01T00:00:00Z',
      }),
    );
    expect(full.status).toBe(201);
    expect(full.body).toMatchObject({
      require_login: true,
      max_capacity: 40,
      waitlist: true,
      registration_end_date: '2027-05-01T00:00:00.000000+0000',
    });
  });

  it('ignores unknown body fields, as DRF does', async () => {
    const reply = await api('POST', 'sessions/', validSession({ colour: 'red', id: 5000, created_at: 'yesterday' }));
    expect(reply.status).toBe(201);
    expect(reply.body).not.toHaveProperty('colour');
    expect(reply.body.id).not.toBe(5000);
  });

  it('refuses a body that is not an object', async () => {
    await expectRejected([validSession()], { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] });
    const broken = await api('POST', 'sessions/', '{"guide": 1,');
    expect(broken.status).toBe(400);
    expect(broken.body.detail).toMatch(/^JSON parse error/);
  });
});

describe('PATCH validation (the merged session must be valid)', () => {
  it('checks a PATCH against the fields already stored', async () => {
    const created = (await api('POST', 'sessions/', validSession({ add_to_schedule: false }))).body;
    const early = await api('PATCH', `sessions/${created.id}/`, { end_time: '2027-05-10T12:00:00Z' });
    expect(early.status).toBe(400);
    expect(early.body).toEqual({ end_time: ['End time must not be before start time.'] });
    const login = await api('PATCH', `sessions/${created.id}/`, { require_login: true });
    expect(login.body).toEqual({ require_login: ['require_login needs add_to_schedule to be true.'] });
    const both = await api('PATCH', `sessions/${created.id}/`, { require_login: true, add_to_schedule: true });
    expect(both.status).toBe(200);
    const undo = await api('PATCH', `sessions/${created.id}/`, { add_to_schedule: false });
    expect(undo.body).toEqual({ require_login: ['require_login needs add_to_schedule to be true.'] });
    expect(sandbox.state().sessions.find((s) => s.id === created.id)).toMatchObject({
      require_login: true,
      add_to_schedule: true,
      end_time: '2027-05-10T14:00:00.000000+0000',
    });
  });

  it('never moves a session to another guide', async () => {
    const created = (await api('POST', 'sessions/', validSession())).body;
    const moved = await api('PATCH', `sessions/${created.id}/`, { guide: 2 });
    expect(moved.status).toBe(400);
    expect(moved.body).toEqual({ guide: ['A session cannot be moved to another guide.'] });
    expect((await api('PATCH', `sessions/${created.id}/`, { guide: 1, name: 'Same guide' })).status).toBe(200);
  });

  it('does not require the required fields on PATCH', async () => {
    const created = (await api('POST', 'sessions/', validSession())).body;
    const reply = await api('PATCH', `sessions/${created.id}/`, { rank: 2.5 });
    expect(reply.status).toBe(200);
    expect(reply.body.rank).toBe(2.5);
  });
});
