import { describe, expect, it } from 'vitest';
import type { MappedRow, SessionFields } from '../../src/types.js';
import { sessionRuleIssues } from '../../src/validate/session-rules.js';

function row(cells: Record<string, [string, string | null]>): MappedRow {
  return {
    sheet: 'Agenda',
    row: 14,
    fields: Object.fromEntries(Object.entries(cells).map(([field, [column, value]]) => [field, { column, value }])),
  };
}

const messages = (r: MappedRow, fields: Partial<SessionFields>) => sessionRuleIssues(r, fields).map((i) => `${i.code}: ${i.message}`);

describe('session rules', () => {
  it('wants the end after the start, comparing instants', () => {
    const r = row({ start: ['Start', '10:00'], end: ['End', '09:00'] });
    expect(messages(r, { start_time: '2027-03-14T14:00:00.000Z', end_time: '2027-03-14T13:00:00.000Z' })).toEqual([
      'end_before_start: Row 14, column "End": "09:00" is not after the start (start "10:00")',
    ]);
    expect(messages(r, { start_time: '2027-03-14T14:00:00.000Z', end_time: '2027-03-14T14:00:00.000Z' })).toHaveLength(1);
    // Same instant written with different offsets: 15:00+01:00 is 14:00Z, an hour after 13:00Z.
    expect(messages(r, { start_time: '2027-03-14T13:00:00Z', end_time: '2027-03-14T15:00:00+01:00' })).toEqual([]);
  });

  it('wants Add to Schedule for Require Login', () => {
    const r = row({ require_login: ['Require Login', 'yes'], add_to_schedule: ['Add to Schedule', 'no'] });
    expect(messages(r, { require_login: true, add_to_schedule: false })).toEqual([
      'rule: Row 14, column "Require Login": "yes" needs Add to Schedule to be yes (column "Add to Schedule" says "no")',
    ]);
    expect(messages(r, { require_login: true })).toEqual([]); // left alone on the server: not ours to judge
  });

  it('wants Require Login for a capacity and for registration dates', () => {
    const r = row({
      require_login: ['Require Login', 'no'],
      max_capacity: ['Capacity', '50'],
      registration_start_date: ['Registration Start', '2027-03-01 09:00'],
    });
    expect(messages(r, { require_login: false, max_capacity: 50, registration_start_date: '2027-03-01T08:00:00.000Z' })).toEqual([
      'rule: Row 14, column "Capacity": "50" needs Require Login to be yes (column "Require Login" says "no")',
      'rule: Row 14, column "Registration Start": "2027-03-01 09:00" needs Require Login to be yes (column "Require Login" says "no")',
    ]);
  });

  it('wants a capacity for a waitlist', () => {
    const r = row({ waitlist: ['Waitlist', 'x'], max_capacity: ['Max Capacity', null] });
    expect(messages(r, { waitlist: true, max_capacity: null })).toEqual([
      'rule: Row 14, column "Waitlist": "x" needs a Max Capacity (column "Max Capacity" is empty)',
    ]);
  });

  it('wants registration to open before it closes', () => {
    const r = row({
      registration_start_date: ['Registration Start', '2027-03-02 09:00'],
      registration_end_date: ['Registration End', '2027-03-01 09:00'],
    });
    expect(
      messages(r, {
        require_login: true,
        registration_start_date: '2027-03-02T08:00:00.000Z',
        registration_end_date: '2027-03-01T08:00:00.000Z',
      }),
    ).toEqual(['rule: Row 14, column "Registration End": "2027-03-01 09:00" is not after the registration start ("2027-03-02 09:00")']);
  });

  it('finds nothing wrong with a consistent row', () => {
    const r = row({ require_login: ['Require Login', 'yes'], max_capacity: ['Max Capacity', '20'], waitlist: ['Waitlist', 'yes'] });
    expect(messages(r, { add_to_schedule: true, require_login: true, max_capacity: 20, waitlist: true })).toEqual([]);
  });
});
