import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_COLUMNS, csvHeaderLine, reportRowToCsvLine, textCell } from '../../src/report/csv.js';
import { reportRow } from './report-fixtures.js';

describe('report CSV', () => {
  it('has exactly the promised header', () => {
    expect(csvHeaderLine()).toBe('sheet,row,import_id,name,action,outcome,session_id,http_status,changed_fields,message\r\n');
    expect(REPORT_COLUMNS).toHaveLength(10);
  });

  it('writes a plain row in column order with changed fields joined by ;', () => {
    const line = reportRowToCsvLine(
      reportRow({
        row: 14,
        import_id: 'talk-9',
        name: 'Panel',
        action: 'update',
        session_id: 52,
        http_status: 200,
        changed_fields: ['name', 'end_time'],
      }),
    );
    expect(line).toBe('Agenda,14,talk-9,Panel,update,done,52,200,name;end_time,\r\n');
  });

  it('leaves empty numeric cells empty and keeps negative numbers numbers', () => {
    expect(reportRowToCsvLine(reportRow({ row: null, session_id: null, http_status: null }))).toBe('Agenda,,x,X,create,done,,,,\r\n');
    expect(reportRowToCsvLine(reportRow({ row: -5, session_id: -1 }))).toMatch(/^Agenda,-5,x,X,create,done,-1,/);
  });

  it('defuses every formula start in text cells', () => {
    expect(textCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('-2+3')).toBe("'-2+3");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(textCell('\tx')).toBe("'\tx");
    expect(textCell('\rx')).toBe(`"'\rx"`);
    expect(textCell('a=b')).toBe('a=b');
  });

  it('round-trips quotes, commas, newlines and formulas through a CSV parser', () => {
    const row = reportRow({
      sheet: 'Day 1, "main"',
      name: 'Line one\nline two, with "quotes"',
      import_id: '=cmd|calc',
      message: 'Row 2, column "Start": bad\r\nsecond line',
    });
    const [parsed] = parse(csvHeaderLine() + reportRowToCsvLine(row), { columns: true }) as Array<Record<string, string>>;
    expect(parsed).toEqual({
      sheet: 'Day 1, "main"',
      row: '2',
      import_id: "'=cmd|calc",
      name: 'Line one\nline two, with "quotes"',
      action: 'create',
      outcome: 'done',
      session_id: '1',
      http_status: '201',
      changed_fields: '',
      message: 'Row 2, column "Start": bad\r\nsecond line',
    });
  });
});

describe('textCell on any text', () => {
  // The cell as the rule reads in full: formula starts defused, then RFC 4180 quoting. textCell
  // skips both steps for a text that needs neither; the result must be the same for every text.
  const inFull = (value: string): string => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  it('equals the two steps applied in full', () => {
    const chars = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", ' ', 'a', 'Z', '1', 'é', '\u2028');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: chars, maxLength: 8 }), fc.string()), (value) => {
        expect(textCell(value)).toBe(inFull(value));
      }),
      { numRuns: 2_000 },
    );
  });
});
