import { describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS } from '../../src/map/fields.js';
import { buildHelpRows } from '../../src/template/template-help.js';
import { sheetCellText, type SheetCell } from '../../src/sheet-cells/index.js';
import { TEMPLATE_CLOCK, buildTemplateRows } from '../../src/template/template-rows.js';

const cellText = (cell: SheetCell) => sheetCellText(cell, TEMPLATE_CLOCK);

describe('buildTemplateRows', () => {
  const template = buildTemplateRows();
  const column = (row: readonly unknown[], header: string) => row[template.headers.indexOf(header)];

  it('has every canonical column, in order, each with its help', () => {
    expect(template.headers).toEqual(CANONICAL_COLUMNS.map((c) => c.header));
    expect(template.help).toEqual(CANONICAL_COLUMNS.map((c) => c.help));
  });

  it('has a keynote and a multi-track talk as complete example rows', () => {
    expect(template.examples).toHaveLength(2);
    for (const row of template.examples) {
      expect(row).toHaveLength(template.headers.length);
      for (const header of ['Import ID', 'Title', 'Date', 'Start', 'End', 'Track(s)', 'Room/Location', 'Description']) {
        expect(cellText(column(row, header) as never), header).not.toBe('');
      }
    }
    const [keynote, talk] = template.examples as [unknown[], unknown[]];
    expect(column(keynote, 'Title')).toMatch(/Keynote/);
    expect(column(talk, 'Track(s)')).toBe('AI; Cloud');
    expect(cellText(column(talk, 'Start') as never)).toBe('10:30 AM');
    expect(cellText(column(talk, 'Registration Start') as never)).toBe('2027-05-01 9:00 AM');
  });

  it('keeps the session rules the API enforces between registration fields', () => {
    const talk = template.examples[1]!;
    expect(column(talk, 'Add to Schedule')).toBe('yes');
    expect(column(talk, 'Require Login')).toBe('yes');
    expect(column(talk, 'Max Capacity')).toBe(40);
    expect(column(talk, 'Waitlist')).toBe('yes');
  });
});

describe('buildHelpRows', () => {
  const rows = buildHelpRows(buildTemplateRows());
  const text = rows.map((row) => row.join(' | ')).join('\n');

  it('explains every column', () => {
    for (const { header, help } of CANONICAL_COLUMNS) expect(text).toContain(`${header} | ${help}`);
  });

  it('states the time-zone rule in its order: offset, Time Zone column, --timezone, the guide', () => {
    const rule = text.slice(text.indexOf('Time zone |'));
    const order = ['explicit offset', "row's Time Zone column", '--timezone', "guide's own time zone"].map((phrase) =>
      rule.indexOf(phrase),
    );
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('covers dates, times, durations, yes/no and lists', () => {
    for (const topic of ['Dates |', 'Times |', 'Durations |', 'Yes/no |', 'Lists |']) expect(text).toContain(topic);
  });
});
