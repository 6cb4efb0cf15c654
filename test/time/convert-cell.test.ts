import { describe, expect, it } from 'vitest';
import type { TimeOptions } from '../../src/time/index.js';
import { convertCellToUtc, inferColumnFormats } from '../../src/validate/index.js';
import type { CellValue, MappedField } from '../../src/types.js';
import { mappedRow } from './rows.js';

function registration(cells: Partial<Record<MappedField, CellValue>>, options: TimeOptions = { timezone: 'America/New_York' }) {
  const row = mappedRow(7, cells);
  const formats = inferColumnFormats([row], options);
  return convertCellToUtc(row, 'registration_start_date', formats, options);
}

describe('convertCellToUtc (registration dates)', () => {
  it('reads a local date-time in the row zone', () => {
    expect(registration({ registration_start_date: '3/15/2027 9:00 AM' })).toEqual({ ok: true, value: '2027-03-15T13:00:00.000Z' });
  });

  it('a date alone is local midnight', () => {
    expect(registration({ registration_start_date: '2027-07-01' })).toEqual({ ok: true, value: '2027-07-01T04:00:00.000Z' });
  });

  it('a blank cell is null', () => {
    expect(registration({ registration_start_date: '' })).toEqual({ ok: true, value: null });
    expect(registration({})).toEqual({ ok: true, value: null });
  });

  it('an offset keeps its instant; a zone column wins over --timezone', () => {
    expect(registration({ registration_start_date: '2027-03-01T09:00:00Z' })).toEqual({ ok: true, value: '2027-03-01T09:00:00.000Z' });
    expect(registration({ registration_start_date: '2027-03-01 09:00', timezone: 'Europe/Berlin' })).toEqual({
      ok: true,
      value: '2027-03-01T08:00:00.000Z',
    });
  });

  it('bad values, times without dates, gaps and unknown zones are issues naming the cell', () => {
    expect(registration({ registration_start_date: 'soon' })).toMatchObject({
      ok: false,
      issue: { code: 'bad_date', row: 7, column: 'Registration Opens', value: 'soon' },
    });
    expect(registration({ registration_start_date: '9:00' })).toMatchObject({ ok: false, issue: { code: 'bad_date' } });
    const gap = registration({ registration_start_date: '2027-03-14 02:30' });
    expect(gap).toMatchObject({ ok: false, issue: { code: 'dst_gap' } });
    expect(gap.ok ? '' : gap.issue.message).toContain(
      '2027-03-14 02:30 does not exist in America/New_York (clocks jump from 02:00 to 03:00)',
    );
    expect(registration({ registration_start_date: '2027-03-01 09:00', timezone: 'Nowhere/Land' })).toMatchObject({
      ok: false,
      issue: { code: 'bad_timezone', value: 'Nowhere/Land' },
    });
  });
});
