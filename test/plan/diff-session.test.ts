import { describe, expect, it } from 'vitest';
import { diffSession } from '../../src/plan/session-diff.js';
import { serverSession } from './factories.js';

describe('diffSession', () => {
  it('finds nothing when instants match across spellings', () => {
    const server = serverSession(1, { start_time: '2017-09-18T16:00:00.000000+0000', end_time: '2017-09-18T17:00:00.000000+0000' });
    const diff = diffSession({ start_time: '2017-09-18T16:00:00.000Z', end_time: '2017-09-18T13:00:00-04:00' }, server);
    expect(diff).toEqual({ changes: [], patch: {} });
  });

  it('patches only the fields that differ, with old and new values', () => {
    const server = serverSession(1, { name: 'Old', start_time: '2027-03-01T14:00:00.000000+0000', all_day: false });
    const diff = diffSession({ name: 'New', start_time: '2027-03-01T14:00:00.000Z', all_day: false }, server);
    expect(diff.patch).toEqual({ name: 'New' });
    expect(diff.changes).toEqual([{ field: 'name', old: 'Old', new: 'New' }]);
  });

  it('compares track and location lists as sets', () => {
    const server = serverSession(1, { schedule_tracks: [3, 1, 2], locations: [9] });
    expect(diffSession({ schedule_tracks: [1, 2, 3, 3], locations: [9] }, server).changes).toEqual([]);
    const diff = diffSession({ schedule_tracks: [1, 2], locations: [9, 10] }, server);
    expect(diff.patch).toEqual({ schedule_tracks: [1, 2], locations: [9, 10] });
  });

  it('reads an empty description as equal whether null or "", and ignores line-ending noise', () => {
    expect(diffSession({ description_html: '' }, serverSession(1, { description_html: null })).changes).toEqual([]);
    expect(diffSession({ description_html: '<p>a</p>\r\n' }, serverSession(1, { description_html: '<p>a</p>' })).changes).toEqual([]);
    const cleared = diffSession({ description_html: '' }, serverSession(1, { description_html: '<p>a</p>' }));
    expect(cleared.patch).toEqual({ description_html: '' });
  });

  it('compares numbers by value and keeps null apart from 0', () => {
    expect(diffSession({ rank: 2 }, serverSession(1, { rank: 2.0 })).changes).toEqual([]);
    expect(diffSession({ rank: null }, serverSession(1, { rank: null })).changes).toEqual([]);
    expect(diffSession({ max_capacity: 0 }, serverSession(1, { max_capacity: null })).patch).toEqual({ max_capacity: 0 });
    expect(diffSession({ max_capacity: null }, serverSession(1, { max_capacity: 50 })).patch).toEqual({ max_capacity: null });
  });

  it('compares booleans by value', () => {
    expect(diffSession({ allow_rating: true }, serverSession(1, { allow_rating: true })).changes).toEqual([]);
    expect(diffSession({ allow_rating: false }, serverSession(1, { allow_rating: true })).patch).toEqual({ allow_rating: false });
  });

  it('never compares a field the desired body does not carry', () => {
    const server = serverSession(1, { name: 'Kept', allow_rating: false, description_html: '<p>Builder text</p>' });
    expect(diffSession({ start_time: '2027-03-01T14:00:00Z' }, server)).toEqual({ changes: [], patch: {} });
  });

  it('reads a field the server does not return at all as the API default', () => {
    const { require_login: _drop, locations: _drop2, ...rest } = serverSession(1);
    expect(diffSession({ require_login: false, locations: [] }, rest as never).changes).toEqual([]);
    const diff = diffSession({ require_login: true }, rest as never);
    expect(diff.changes).toEqual([{ field: 'require_login', old: false, new: true }]);
  });

  it('always changes a list with names still to be created', () => {
    const server = serverSession(1, { schedule_tracks: [1] });
    const diff = diffSession({ schedule_tracks: [1] }, server, { schedule_tracks: ['New track'] });
    expect(diff.patch).toEqual({ schedule_tracks: [1] });
  });
});
