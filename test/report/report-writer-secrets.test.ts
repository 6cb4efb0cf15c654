// The report writer is the last place a secret could leave for a file: every row it journals and
// every document it renders passes through the redaction, in the form that format wrote it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../src/redact.js';
import { createReportWriter } from '../../src/report/report-writer.js';
import { formatSummaryText } from '../../src/report/summary-text.js';
import { tempDir } from '../support/temp-dir.js';
import { reportDocument, reportRow } from './report-fixtures.js';

const KEY = 'rEpOrT-sEcReT-4242';
const PIECES = Array.from({ length: KEY.length - 5 }, (_, i) => KEY.slice(i, i + 6));
registerSecret(KEY);

const rows = [
  reportRow({ row: 2, import_id: 'a', message: `server said: bad key ${KEY}` }),
  reportRow({ row: 3, import_id: 'b', message: `wrapped rEpOrT-sEcR\n    eT-4242 and quoted "${KEY}"` }),
  reportRow({ row: 4, import_id: 'c', message: `encoded ${encodeURIComponent(KEY)} and <b>${KEY}</b>`, name: `&${KEY}&` }),
];

describe('report files never hold a registered secret', () => {
  for (const name of ['r.csv', 'r.json', 'r.html']) {
    it(`${name}: the journal as it is written and the finished report`, async () => {
      const file = path.join(tempDir('report-secrets'), name);
      const writer = createReportWriter(file);
      for (const row of rows) writer.write(row);
      const journal = readFileSync(writer.journalPath, 'utf8');
      expect(PIECES.filter((piece) => journal.includes(piece))).toEqual([]);
      expect(journal).toContain('***');
      await writer.finish(reportDocument(rows, { note: `options ${KEY}` }));
      const text = readFileSync(file, 'utf8');
      expect(PIECES.filter((piece) => text.includes(piece))).toEqual([]);
      expect(text).toContain('***');
      expect(existsSync(`${file}.partial.csv`)).toBe(false);
    });
  }

  it('the summary text redacts a failure message before cutting it to one line', () => {
    const long = `${'x'.repeat(190)} rEpOrT-sEcR\n eT-4242 tail`;
    const doc = reportDocument([reportRow({ row: 2, outcome: 'failed', action: 'create', message: long })]);
    const text = formatSummaryText(doc, { reportPath: '/tmp/r.csv', durationMs: 1 });
    expect(PIECES.filter((piece) => text.includes(piece))).toEqual([]);
  });

  it('a key already cut short by a message shortened upstream ("…SECRET-KE…") is hidden too', () => {
    const doc = reportDocument([reportRow({ row: 2, outcome: 'failed', action: 'create', message: 'stored as "rEpOrT-sEcR…"' })]);
    const text = formatSummaryText(doc, { reportPath: '/tmp/r.csv', durationMs: 1 });
    expect(PIECES.filter((piece) => text.includes(piece))).toEqual([]);
  });

  it('a device as the report is written in place (no temporary file beside it in /dev)', async () => {
    const writer = createReportWriter('/dev/null');
    writer.write(rows[0]!);
    await writer.finish(reportDocument(rows));
    expect(existsSync(`/dev/null.${process.pid}.tmp`)).toBe(false);
  });
});
