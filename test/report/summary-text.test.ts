import { describe, expect, it } from 'vitest';
import { formatDuration, formatSummaryText } from '../../src/report/summary-text.js';
import { createRowTally, summarize } from '../../src/report/summary.js';
import { reportDocument, reportRow } from './report-fixtures.js';

describe('formatSummaryText', () => {
  const rows = [
    reportRow({ row: 2, action: 'create', outcome: 'done' }),
    reportRow({ row: 3, action: 'unchanged', outcome: 'done' }),
    ...Array.from({ length: 7 }, (_, i) =>
      reportRow({
        row: 10 + i,
        import_id: `bad-${i}`,
        action: 'invalid',
        outcome: 'failed',
        message: `Row ${10 + i}, column "Start": "x" is not a date`,
      }),
    ),
    reportRow({ row: 30, action: 'update', outcome: 'not_attempted' }),
  ];

  it('shows counts per action and outcome, requests, time and report path', () => {
    const text = formatSummaryText(
      { ...reportDocument(rows), summary: { ...reportDocument([]).summary, requests: 1234 } },
      {
        reportPath: '/tmp/agenda.report.csv',
        durationMs: 83_400,
      },
    );
    expect(text).toContain('import agenda.xlsx → guide 7');
    expect(text).toContain('1 create, 1 update, 1 unchanged, 0 delete, 7 invalid, 0 conflict');
    expect(text).toContain('2 done, 0 planned, 7 failed, 1 not attempted');
    expect(text).toContain('1,234');
    expect(text).toContain('1 min 23 s');
    expect(text).toContain('/tmp/agenda.report.csv');
  });

  it('groups the digits of a count in threes with commas, as en-US writes them', () => {
    const requestsLine = (requests: number) =>
      formatSummaryText(
        { ...reportDocument(rows), summary: { ...reportDocument([]).summary, requests } },
        { reportPath: 'r.csv', durationMs: 10 },
      )
        .split('\n')
        .find((line) => line.includes('requests:'));
    const counts = [0, 7, 999, 1000, 12_345, 100_000, 999_999, 1_000_000, 1_234_567_890];
    expect(counts.map(requestsLine)).toEqual(counts.map((n) => `  requests: ${n.toLocaleString('en-US')} (of the 10,000-a-day budget)`));
    expect(requestsLine(1_234_567_890)).toBe('  requests: 1,234,567,890 (of the 10,000-a-day budget)');
  });

  it('lists the first five failures with their messages and counts the rest', () => {
    const text = formatSummaryText(reportDocument(rows), { reportPath: 'r.csv', durationMs: 10 });
    expect(text).toContain('7 rows need attention (first 5):');
    expect(text).toContain('Agenda row 10 [bad-0] invalid: Row 10, column "Start": "x" is not a date');
    expect(text).toContain('row 14 [bad-4]');
    expect(text).not.toContain('row 15 [bad-5]');
    expect(text).toContain('… and 2 more in the report');
    expect(text.split('\n').length).toBeLessThan(20);
  });

  it('tells the same from a tally of the rows as from the rows', () => {
    const tally = createRowTally(0);
    for (const row of rows) tally.add(row);
    const doc = reportDocument(rows);
    expect(tally.summary).toEqual(summarize(rows, 0));
    expect(tally.failures).toBe(7);
    expect(tally.firstFailures.map((row) => row.import_id)).toEqual(['bad-0', 'bad-1', 'bad-2', 'bad-3', 'bad-4']);
    expect(formatSummaryText({ ...doc, rows: [] }, { reportPath: 'r.csv', durationMs: 10, tally })).toBe(
      formatSummaryText(doc, { reportPath: 'r.csv', durationMs: 10 }),
    );
  });

  it('names the failures in sheet order, not in the order the server answered', () => {
    const answered = [40, 7, 19].map((n) =>
      reportRow({ row: n, import_id: `r${n}`, action: 'update', outcome: 'failed', message: `boom ${n}` }),
    );
    const text = formatSummaryText(reportDocument(answered), { reportPath: 'r.csv', durationMs: 10 });
    const order = ['row 7 ', 'row 19 ', 'row 40 '].map((place) => text.indexOf(place));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('says what is left and that the same command finishes it', () => {
    const stopped = [
      reportRow({ row: 2, action: 'create', outcome: 'done' }),
      reportRow({ row: 3, action: 'update', outcome: 'failed', message: 'HTTP 500' }),
      ...[4, 5, 6].map((n) => reportRow({ row: n, action: 'create', outcome: 'not_attempted' })),
    ];
    const text = formatSummaryText(reportDocument(stopped), { reportPath: 'r.csv', durationMs: 10 });
    expect(text.split('\n').at(-1)).toBe(
      'left: 3 rows were not attempted and 1 write failed. Running the same import again, after fixing what the failures say, finishes the job (the 1 write made is found, not repeated).',
    );
    expect(formatSummaryText(reportDocument(rows.slice(0, 2)), { reportPath: 'r.csv', durationMs: 10 })).not.toContain('left:');
  });

  it('after a rejected key or a spent budget, a re-run finishes the job only once that is fixed', () => {
    const stopped = [
      reportRow({ row: 2, action: 'create', outcome: 'done' }),
      ...[3, 4].map((n) => reportRow({ row: n, action: 'create', outcome: 'not_attempted' })),
    ];
    const left = (stoppedBy: 'auth' | 'budget' | 'interrupted') =>
      formatSummaryText(reportDocument(stopped), { reportPath: 'r.csv', durationMs: 10, stoppedBy }).split('\n').at(-1);
    expect(left('auth')).toBe(
      'left: 2 rows were not attempted. Running the same import again, once the API key is accepted, finishes the job (the 1 write made is found, not repeated).',
    );
    expect(left('budget')).toBe(
      'left: 2 rows were not attempted. Running the same import again, once the daily request budget is back, finishes the job (the 1 write made is found, not repeated).',
    );
    expect(left('interrupted')).toBe(
      'left: 2 rows were not attempted. Running the same import again finishes the job (the 1 write made is found, not repeated).',
    );
  });

  it('colours outcomes and failures only through the painter it is given', () => {
    const paint = (tone: string, text: string) => `<${tone}>${text}</${tone}>`;
    const text = formatSummaryText(reportDocument(rows), { reportPath: 'r.csv', durationMs: 10, paint });
    expect(text).toContain('<good>2 done</good>, 0 planned, <bad>7 failed</bad>, <warn>1 not attempted</warn>');
    expect(text).toContain('<bad>7 rows need attention (first 5):</bad>');
    expect(formatSummaryText(reportDocument(rows), { reportPath: 'r.csv', durationMs: 10 })).not.toContain('<');
  });

  it('says when nothing was written', () => {
    expect(formatSummaryText({ ...reportDocument([]), dryRun: true }, { reportPath: 'r.csv', durationMs: 400 })).toContain('dry run');
    expect(formatDuration(400)).toBe('0.4 s');
  });
});
