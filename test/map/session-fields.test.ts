import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_FIELDS,
  CANONICAL_COLUMNS,
  FIELD_ALIASES,
  FIELD_KINDS,
  fieldLabel,
  MAPPED_FIELDS,
  SESSION_FIELDS,
  SETTING_FIELDS,
  V1_1_ONLY_FIELDS,
} from '../../src/map/fields.js';

// Every list below is derived from the one table; these pin what the derivation gives.
describe('the session-field table', () => {
  it('lists every mapped field once, in table order, with its aliases', () => {
    expect(MAPPED_FIELDS).toEqual(Object.keys(SESSION_FIELDS));
    for (const field of MAPPED_FIELDS) {
      expect(FIELD_ALIASES[field]).toEqual(SESSION_FIELDS[field].aliases.flatMap((tier) => Object.values(tier).flat()));
    }
  });

  it('derives the yes/no settings and the one-cell settings', () => {
    expect(BOOLEAN_FIELDS).toEqual(['allow_rating', 'add_to_schedule', 'require_login', 'waitlist']);
    expect(SETTING_FIELDS).toEqual([
      'allow_rating',
      'add_to_schedule',
      'rank',
      'require_login',
      'max_capacity',
      'waitlist',
      'registration_start_date',
      'registration_end_date',
    ]);
  });

  it('derives one comparison kind per API field and the v1.1-only fields', () => {
    expect(FIELD_KINDS).toEqual({
      name: 'text',
      description_html: 'html',
      start_time: 'instant',
      end_time: 'instant',
      all_day: 'boolean',
      allow_rating: 'boolean',
      add_to_schedule: 'boolean',
      rank: 'number',
      require_login: 'boolean',
      max_capacity: 'number',
      waitlist: 'boolean',
      registration_start_date: 'instant',
      registration_end_date: 'instant',
      schedule_tracks: 'id_set',
      locations: 'id_set',
    });
    expect([...V1_1_ONLY_FIELDS].sort()).toEqual(['locations', 'rank', 'registration_end_date', 'registration_start_date']);
  });

  it('orders the canonical columns by their place and labels fields by their header', () => {
    expect(CANONICAL_COLUMNS.map((c) => c.field)).toEqual([
      'import_id',
      'name',
      'date',
      'start',
      'end',
      'timezone',
      'all_day',
      'tracks',
      'locations',
      'description',
      'allow_rating',
      'add_to_schedule',
      'rank',
      'require_login',
      'max_capacity',
      'waitlist',
      'registration_start_date',
      'registration_end_date',
      'speakers',
      'image',
    ]);
    expect(fieldLabel('require_login')).toBe('Require Login');
    expect(fieldLabel('datetime_start')).toBe('Start Date Time');
  });
});
