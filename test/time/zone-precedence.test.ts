import { describe, expect, it } from 'vitest';
import { isValidZone, normaliseZoneName, type TimeOptions } from '../../src/time/index.js';
import { convertRowTimes, inferColumnFormats } from '../../src/validate/index.js';
import type { CellValue, MappedField } from '../../src/types.js';
import { thrown } from '../support/thrown.js';
import { convertOne, issuesOf, mappedRow } from './rows.js';

const nineAm = '2027-07-01 09:00';
const all: TimeOptions = { timezone: 'America/New_York', guideTimezone: 'Asia/Tokyo' };

describe('which zone a row is read in', () => {
  it('an explicit offset keeps its instant over every zone', () => {
    const result = convertOne({ datetime_start: '2027-07-01T09:00:00+02:00', timezone: 'Australia/Sydney' }, all);
    expect(result).toMatchObject({ ok: true, start_time: '2027-07-01T07:00:00.000Z', zone: 'offset' });
  });

  it('then the row’s own time-zone column', () => {
    expect(convertOne({ datetime_start: nineAm, timezone: 'Europe/Berlin' }, all)).toMatchObject({
      start_time: '2027-07-01T07:00:00.000Z',
      zone: 'Europe/Berlin',
    });
  });

  it('then --timezone, when the zone cell is blank or the column is absent', () => {
    expect(convertOne({ datetime_start: nineAm, timezone: ' ' }, all)).toMatchObject({
      start_time: '2027-07-01T13:00:00.000Z',
      zone: 'America/New_York',
    });
    expect(convertOne({ datetime_start: nineAm }, all)).toMatchObject({ zone: 'America/New_York' });
  });

  it('then the guide’s own zone', () => {
    expect(convertOne({ datetime_start: nineAm }, { guideTimezone: 'Asia/Tokyo' })).toMatchObject({
      start_time: '2027-07-01T00:00:00.000Z',
      zone: 'Asia/Tokyo',
    });
  });

  it('with none of them the run stops, saying how to fix it', () => {
    const error = thrown(() => convertOne({ datetime_start: nineAm }, {}));
    expect(error.code).toBe('timezone');
    expect(error.message).toContain('Row 2 has local times ("2027-07-01 09:00")');
    expect(error.message).toContain('--timezone America/New_York');
    expect(error.message).toContain('"Time Zone" column');
    expect(error.message).toContain('time zone on the guide');
  });

  it('rows whose values all carry offsets need no zone at all', () => {
    const result = convertOne({ datetime_start: '2027-07-01T09:00:00Z', datetime_end: '2027-07-01T10:00:00Z' }, {});
    expect(result).toMatchObject({ ok: true, zone: 'offset', end_time: '2027-07-01T10:00:00.000Z' });
  });

  it('a bare end on a row whose start has an offset is read in that offset', () => {
    const result = convertOne({ datetime_start: '2027-07-01T09:00:00-04:00', datetime_end: '2027-07-01 10:30' }, {});
    expect(result).toMatchObject({ ok: true, start_time: '2027-07-01T13:00:00.000Z', end_time: '2027-07-01T14:30:00.000Z' });
  });

  it('zone names are matched whatever their case and normalised', () => {
    expect(convertOne({ datetime_start: nineAm, timezone: 'europe/berlin' }, {})).toMatchObject({ zone: 'Europe/Berlin' });
    expect(convertOne({ datetime_start: nineAm }, { timezone: 'ASIA/KOLKATA' })).toMatchObject({ zone: 'Asia/Kolkata' });
    expect(convertOne({ datetime_start: nineAm }, { timezone: 'utc' })).toMatchObject({
      zone: 'UTC',
      start_time: '2027-07-01T09:00:00.000Z',
    });
  });

  it('an unknown zone in a row is that row’s error, naming the value', () => {
    const [issue] = issuesOf(convertOne({ datetime_start: nineAm, timezone: 'Mars/Olympus' }, all)).issues;
    expect(issue).toMatchObject({ code: 'bad_timezone', severity: 'error', column: 'Time Zone', value: 'Mars/Olympus' });
    expect(issue?.message).toContain('Row 2, column "Time Zone": "Mars/Olympus" is not a known IANA time zone');
  });

  it.each<CellValue>(['+05:30', 'UTC+2', 'EST-ish', 42])('%j in a zone column is not a zone', (value) => {
    expect(issuesOf(convertOne({ datetime_start: nineAm, timezone: value }, all)).issues[0]?.code).toBe('bad_timezone');
  });

  it('an unknown --timezone stops the run before any row', () => {
    const error = thrown(() => inferColumnFormats([], { timezone: 'America/Nowhere' }));
    expect(error.code).toBe('timezone');
    expect(error.message).toContain('--timezone "America/Nowhere" is not a known IANA time zone');
  });

  it('an unknown guide zone stops the run when a row needs it', () => {
    const row = mappedRow(2, { datetime_start: nineAm } as Partial<Record<MappedField, CellValue>>);
    const formats = inferColumnFormats([row], { guideTimezone: 'Nowhere/Land' });
    expect(thrown(() => convertRowTimes(row, formats, { guideTimezone: 'Nowhere/Land' })).code).toBe('timezone');
  });
});

describe('isValidZone / normaliseZoneName', () => {
  it.each([
    'UTC',
    'Etc/UTC',
    'GMT',
    'Europe/Berlin',
    'europe/berlin',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'America/Argentina/Buenos_Aires',
    'Etc/GMT+5',
    'US/Eastern',
    'Pacific/Chatham',
  ])('%s is a zone', (name) => expect(isValidZone(name)).toBe(true));

  it.each(['', ' ', 'Foo/Bar', '+05:30', 'UTC+2', 'Z', 'Europe/', '../etc/passwd', 'Etc/GMT+13'])('%j is not', (name) => {
    expect(isValidZone(name)).toBe(false);
  });

  it('spells names as people write them', () => {
    expect(normaliseZoneName('europe/berlin')).toBe('Europe/Berlin');
    expect(normaliseZoneName('asia/kolkata')).toBe('Asia/Kolkata');
    expect(normaliseZoneName('america/argentina/buenos_aires')).toBe('America/Argentina/Buenos_Aires');
    expect(normaliseZoneName(' Pacific/Chatham ')).toBe('Pacific/Chatham');
    expect(normaliseZoneName('etc/utc')).toBe('Etc/UTC');
  });
});
