// A re-sync against the sandbox's faithful defaults (the real service's answers: HTML stored as
// its cleaner writes it, rank 0.0, all-day sessions given an end time, v1.1 create defaults) sends
// no write at all: the planner compares in the server's terms (issue 10, section 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRun } from '../support/cli-process.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { readCsvReport } from '../support/report-file.js';
import { sessionsByImportId } from '../support/sandbox-process.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

const CAFE = 'caf\u00e9-1';

function sheetText(cafeId: string): string {
  return [
    'Import ID,Title,Date,Start,End,All Day,Description,Rank',
    'R-1,Q&A with the team,2027-05-11,9:00,9:45,,Q&A: a > b,',
    'R-2,Opening,2027-05-11,10:00,10:30,,"<P>Opening<br/>remarks</P>",3',
    `R-3,Links,2027-05-11,11:00,11:30,,"<p>See <a href='https://example.com/?a=1&b=2'>the site</a> &amp; more</p>",`,
    'R-4,Registration desk open,2027-05-12,,,yes,"Line one\nLine two",',
    `${cafeId},Café talk,2027-05-12,9:00,10:00,no,<P>Plain <B>bold</B> and <I>italic</I></P>,1.5`,
    '',
  ].join('\n');
}

const WRITES = new Set(['POST', 'PATCH', 'DELETE']);

describe('re-sync against the faithful sandbox', () => {
  const sheet = () => join(world.dir, 'terms.csv');
  const report = () => join(world.dir, 'terms.report.csv');

  async function run(): Promise<{ writes: string[]; summary: Record<string, number> }> {
    const mark = world.sandbox.requests().length;
    const result = await world.importCli(sheet(), ['--json']);
    expect(result.code, describeRun(result)).toBe(0);
    const writes = world.sandbox
      .requestsSince(mark)
      .filter((r) => WRITES.has(r.method))
      .map((r) => `${r.method} ${r.path}`);
    return { writes, summary: JSON.parse(result.stdout) };
  }

  it('run 1 creates all five, sends no rank: null and no end_time: null, and notes the re-spelt HTML once', async () => {
    writeFileSync(sheet(), sheetText(CAFE));
    const mark = world.sandbox.requests().length;
    const first = await run();
    expect(first.summary).toMatchObject({ created: 5, failed: 0, invalid: 0 });
    const bodies = world.sandbox
      .requestsSince(mark)
      .filter((r) => r.method === 'POST')
      .map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(5);
    for (const body of bodies) expect(body.rank === null || body.end_time === null).toBe(false);
    expect(bodies.find((b) => b.import_id === 'R-1')).not.toHaveProperty('rank');
    expect(bodies.find((b) => b.import_id === 'R-4')).not.toHaveProperty('end_time');

    const state = sessionsByImportId(await world.sandbox.state());
    expect(state.get('R-1')![0]).toMatchObject({
      rank: 0,
      allow_rating: true,
      add_to_schedule: true,
      description_html: '<p>Q&amp;A: a &gt; b</p>',
    });
    expect(state.get('R-2')![0]!.description_html).toBe('<p>Opening<br>remarks</p>');
    expect(state.get('R-4')![0]).toMatchObject({ all_day: true });
    expect(state.get('R-4')![0]!.end_time).not.toBeNull();

    const noted = readCsvReport(report()).filter((row) => row.message.includes('the server stores'));
    expect(noted).toHaveLength(1);
    expect(noted[0]!.message).toMatch(/the server stores description_html .* as .* \(the next run reads the two as the same\)/);
  });

  it('runs 2 and 3 of the same sheet send 0 writes, every row unchanged', async () => {
    for (const _ of [2, 3]) {
      const again = await run();
      expect(again.writes).toEqual([]);
      expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 5, failed: 0 });
    }
  });

  it('the café id typed another way (decomposed, with a zero-width space) is the same session: 0 writes, a warning on its row', async () => {
    writeFileSync(sheet(), sheetText('\u200bcafe\u0301-1'));
    const retyped = await run();
    expect(retyped.writes).toEqual([]);
    expect(retyped.summary).toMatchObject({ created: 0, unchanged: 5 });
    const row = readCsvReport(report()).find((r) => r.row === '6')!;
    expect(row).toMatchObject({ action: 'unchanged', import_id: CAFE });
    expect(row.message).toMatch(/holds invisible characters \(U\+200B\)/);
  });
});
