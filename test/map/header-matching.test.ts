import { describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS, FIELD_ALIASES, fieldForHeader, MAPPED_FIELDS, normaliseHeader, scoreHeaderRow } from '../../src/map/fields.js';

describe('header matching', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normaliseHeader('  Track(s) ')).toBe('tracks');
    expect(fieldForHeader('SESSION-title')).toBe('name');
    expect(fieldForHeader('track s')).toBe('tracks');
    expect(fieldForHeader('Room / Location')).toBe('locations');
    expect(fieldForHeader('start_date_time')).toBe('datetime_start');
    expect(fieldForHeader('Speaker')).toBeUndefined();
  });

  it('keeps letters of other scripts', () => {
    expect(normaliseHeader('Größe (Plätze)')).toBe('größeplätze');
  });

  it('has aliases for every field, each alias for one field only', () => {
    for (const field of MAPPED_FIELDS) {
      expect(FIELD_ALIASES[field].length, field).toBeGreaterThan(0);
      for (const alias of FIELD_ALIASES[field]) expect(fieldForHeader(alias), alias).toBe(field);
    }
  });

  it('maps the aliases the brief names', () => {
    const expected: Record<string, string> = {
      Title: 'name',
      'Session Name': 'name',
      Session: 'name',
      Name: 'name',
      Abstract: 'description',
      'Description (Optional)': 'description',
      Summary: 'description',
      'Start Datetime': 'datetime_start',
      'Starts At': 'datetime_start',
      'Start Time (UTC)': 'datetime_start',
      Day: 'date',
      'Session Date': 'date',
      'Start Date': 'date',
      'Start Time': 'start',
      Begin: 'start',
      'Time Start': 'start',
      From: 'start',
      'End Time': 'end',
      'Time End': 'end',
      To: 'end',
      Finish: 'end',
      'Duration (minutes)': 'duration',
      Length: 'duration',
      Minutes: 'duration',
      'Schedule Track (Optional)': 'tracks',
      Category: 'tracks',
      Categories: 'tracks',
      Room: 'locations',
      Venue: 'locations',
      Rooms: 'locations',
      ID: 'import_id',
      'Session ID': 'import_id',
      'External ID': 'import_id',
      UID: 'import_id',
      Code: 'import_id',
      TZ: 'timezone',
      'All-day': 'all_day',
      Rating: 'allow_rating',
      Order: 'rank',
      'Sort Order': 'rank',
      Capacity: 'max_capacity',
      'Registration Start Date': 'registration_start_date',
      'Registration End Date': 'registration_end_date',
      'Ends At': 'datetime_end',
      'End Datetime': 'datetime_end',
    };
    for (const [header, field] of Object.entries(expected)) expect(fieldForHeader(header), header).toBe(field);
  });

  it('maps every canonical column to its own field, one column per field', () => {
    for (const column of CANONICAL_COLUMNS) {
      expect(fieldForHeader(column.header), column.header).toBe(column.field);
      expect(column.help.length, column.header).toBeGreaterThan(10);
    }
    expect(new Set(CANONICAL_COLUMNS.map((c) => c.field)).size).toBe(CANONICAL_COLUMNS.length);
    expect(CANONICAL_COLUMNS.map((c) => c.header)).toEqual([
      'Import ID',
      'Title',
      'Date',
      'Start',
      'End',
      'Time Zone',
      'All Day',
      'Track(s)',
      'Room/Location',
      'Description',
      'Allow Rating',
      'Add to Schedule',
      'Rank',
      'Require Login',
      'Max Capacity',
      'Waitlist',
      'Registration Start',
      'Registration End',
    ]);
  });
});

describe('scoreHeaderRow', () => {
  it('counts the cells that are known column names', () => {
    expect(scoreHeaderRow(['Session Title', 'Date', 'Time Start', 'Notes', ''])).toBe(3);
    expect(scoreHeaderRow(['ACME Summit 2027 agenda', '', ''])).toBe(0);
    expect(scoreHeaderRow(['Keynote', '2027-03-14', '09:00'])).toBe(0);
  });
});
