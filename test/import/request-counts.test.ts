// What a run costs in requests of the 10,000-a-day budget, measured from the sandbox's request log
// for a 500-row agenda: a fresh import, an unchanged re-sync and a 10-row edit each spend exactly
// the minimum: the guide, one listing page per kind, and one write per changed row (plus one per
// track or room created).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../src/sandbox/index.js';
import { agendaRows, writeAgendaXlsx } from '../support/agenda-sheet.js';
import { cleanUp, importWorld, type ImportWorld } from '../support/import-fixture.js';
import { sessionsByImportId } from '../support/sandbox-process.js';

let world: ImportWorld;
beforeAll(async () => {
  world = await importWorld();
});
afterAll(cleanUp);

const FAST = ['--rate', '1000', '--concurrency', '8', '--json'];
const TRACKS = ['Keynote', 'AI', 'Cloud', 'Data', 'Security'];
const ROOMS = ['Main Hall', 'Room 101', 'Room 102', 'Room 103', 'Room 201', 'Room 202', 'Room 203', 'Terrace'];
const rows = agendaRows(500, { tracks: TRACKS, rooms: ROOMS });

function costOf(requests: RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of requests) {
    const kind = `${r.method} ${r.path.replace(/^\/open-api\/v1\.1\//, '').replace(/\/\d+\/$/, '/{id}/')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

async function measure(sheet: string, args: string[]): Promise<{ requests: RequestLogEntry[]; summary: Record<string, number> }> {
  const mark = world.sandbox.requests().length;
  const run = await world.importCli(sheet, args);
  expect(run.code, run.stderr).toBe(0);
  return { requests: world.sandbox.requestsSince(mark), summary: JSON.parse(run.stdout) as Record<string, number> };
}

describe('requests spent on a 500-row agenda', () => {
  const sheet = () => join(world.dir, 'agenda-500.xlsx');

  it('fresh import: 4 reads + 5 tracks + 8 rooms + 500 creates = 517, the minimum', async () => {
    writeAgendaXlsx(sheet(), rows);
    const { requests, summary } = await measure(sheet(), ['--create-missing', ...FAST]);
    expect(summary).toMatchObject({ created: 500, requests: 517 });
    expect(costOf(requests)).toEqual({
      'GET guides/{id}/': 1,
      'GET sessions/': 1,
      'GET schedule-tracks/': 1,
      'GET locations/': 1,
      'POST schedule-tracks/': 5,
      'POST locations/': 8,
      'POST sessions/': 500,
    });
    expect(sessionsByImportId(await world.sandbox.state()).size).toBe(500);
  });

  it('unchanged re-sync: 4 reads, no write', async () => {
    const { requests, summary } = await measure(sheet(), ['--create-missing', ...FAST]);
    expect(summary).toMatchObject({ unchanged: 500, requests: 4 });
    expect(costOf(requests)).toEqual({ 'GET guides/{id}/': 1, 'GET sessions/': 1, 'GET schedule-tracks/': 1, 'GET locations/': 1 });
  });

  it('a 10-row edit: 4 reads + 10 PATCHes = 14', async () => {
    const edited = rows.map((row, i) => (i % 50 === 7 ? { ...row, title: `${row.title} (moved)`, room: 'Terrace' } : row));
    const path = join(world.dir, 'agenda-500-edited.xlsx');
    writeAgendaXlsx(path, edited);
    const { requests, summary } = await measure(path, FAST);
    expect(summary).toMatchObject({ updated: 10, unchanged: 490, requests: 14 });
    expect(costOf(requests)).toMatchObject({ 'PATCH sessions/{id}/': 10 });
    expect(requests).toHaveLength(14);
  });

  it('a sheet without track and room columns does not list tracks or locations: 2 reads', async () => {
    const bare = join(world.dir, 'bare.csv');
    writeFileSync(bare, ['Import ID,Title,Date,Start,End', 'B-1,Bare,2027-05-10,9:00,9:30'].join('\n'));
    const { requests, summary } = await measure(bare, FAST);
    expect(summary).toMatchObject({ created: 1, requests: 3 });
    expect(costOf(requests)).toEqual({ 'GET guides/{id}/': 1, 'GET sessions/': 1, 'POST sessions/': 1 });
  });
});
