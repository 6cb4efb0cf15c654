import { describe, expect, it } from 'vitest';
import { cellShape, isDayLabel, splitTimeRange } from '../../src/read/cell-shape.js';
import type { SheetDateCell } from '../../src/types.js';

// What a cell looks like, for telling layouts apart (time grids, sheets without a header row).
describe('cellShape', () => {
  it('tells times, ranges, dates, date-times, day labels, numbers and text apart', () => {
    const shapes = Object.fromEntries(
      [
        '9:00',
        '9:30 AM',
        '9:00-10:30',
        '09:00 – 10:00',
        '9am–10:30am',
        '14:00-15:30 Uhr',
        '10:00 to 11:00',
        '2027-05-18',
        '2027-05-18 09:00',
        '2027-05-18 09:00-10:30',
        'Friday',
        'Tag 2',
        '18 May',
        '42',
        'Opening keynote',
        'Hall 1/2',
        '',
      ].map((text) => [text, cellShape(text)]),
    );
    expect(shapes).toEqual({
      '9:00': 'time',
      '9:30 AM': 'time',
      '9:00-10:30': 'time_range',
      '09:00 – 10:00': 'time_range',
      '9am–10:30am': 'time_range',
      '14:00-15:30 Uhr': 'time_range',
      '10:00 to 11:00': 'time_range',
      '2027-05-18': 'date',
      '2027-05-18 09:00': 'date_time',
      '2027-05-18 09:00-10:30': 'date_time',
      Friday: 'day_label',
      'Tag 2': 'day_label',
      '18 May': 'day_label',
      '42': 'number',
      'Opening keynote': 'text',
      'Hall 1/2': 'text',
      '': 'blank',
    });
  });

  it('reads workbook cells by their kind', () => {
    const parts = { year: 2027, month: 5, day: 18, hour: 9, minute: 0, second: 0, millisecond: 0 };
    const cell = (timeOnly: boolean, dateOnly: boolean): SheetDateCell => ({
      kind: 'date',
      serial: 1,
      date1904: false,
      parts,
      timeOnly,
      dateOnly,
      text: '',
    });
    expect([cellShape(cell(true, false)), cellShape(cell(false, true)), cellShape(cell(false, false))]).toEqual([
      'time',
      'date',
      'date_time',
    ]);
    expect([cellShape(0.375), cellShape(7), cellShape(true), cellShape(null)]).toEqual(['time', 'number', 'text', 'blank']);
  });
});

describe('splitTimeRange', () => {
  it('splits a range at its dash or word, keeping each side as written', () => {
    expect(splitTimeRange('9:00-10:30')).toEqual({ start: '9:00', end: '10:30' });
    expect(splitTimeRange('9h30 - 10h15')).toEqual({ start: '9h30', end: '10h15' });
    expect(splitTimeRange('10:00 bis 11:00')).toEqual({ start: '10:00', end: '11:00' });
    expect(splitTimeRange('2027-05-18 09:00-10:30')).toEqual({ start: '2027-05-18 09:00', end: '10:30' });
    expect(splitTimeRange('Keynote')).toBeNull();
  });
});

describe('isDayLabel', () => {
  it('knows day labels in the languages of the field table, and nothing else', () => {
    for (const label of [
      'Monday',
      'FRIDAY',
      'Tag 0',
      'Día 3',
      'Day 2',
      'jeudi',
      '木曜日',
      '1日目',
      '18 May',
      '18. Mai',
      'Mittwoch, 18. Mai',
      '2027-05-18',
    ]) {
      expect([label, isDayLabel(label)]).toEqual([label, true]);
    }
    for (const text of ['MINI CURSOS', 'Speakers', 'Notes', 'Sunday Brunch', 'Lunch', 'Sheet1', '12', '']) {
      expect([text, isDayLabel(text)]).toEqual([text, false]);
    }
  });
});
